import { formatPageTitle } from '@chambers/ui/page-title';

/** How this SPA names itself in headings, the header and the browser tab. */
export const productName = 'Chambers';

/** Both apps by the portal of their accounts, for the account switcher. */
export const appNames = { manage: productName, connect: 'Chambers Connect' } as const;

export function pageTitle(page: string): string {
  return formatPageTitle(page, productName);
}
