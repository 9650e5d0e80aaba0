import { formatPageTitle } from '@chambers/ui/page-title';

/** How this SPA names itself in headings, the header and the browser tab. */
export const productName = 'Chambers Connect';

export function pageTitle(page: string): string {
  return formatPageTitle(page, productName);
}
