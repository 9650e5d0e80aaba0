/** The browser tab's title for one page of a product, e.g. "Home · Chambers Connect". */
export function formatPageTitle(page: string, product: string): string {
  return `${page} · ${product}`;
}
