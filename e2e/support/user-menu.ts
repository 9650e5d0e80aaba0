import type { Locator, Page } from 'playwright-core';

/** The header's menu button of either SPA, named after the signed-in person. */
export function userMenuButton(page: Page, name: string): Locator {
  return page.getByRole('banner').getByRole('button', { name: new RegExp(`^${name}\\b`) });
}

/** Opens the header's menu by keyboard, as its button promises, and waits for it. */
export async function openUserMenu(page: Page, name: string): Promise<Locator> {
  const button = userMenuButton(page, name);
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await menu.waitFor();
  return menu;
}
