import type { Locator, Page } from 'playwright-core';

/** The header's menu button of either SPA, named after the signed-in person. */
export function userMenuButton(page: Page, name: string): Locator {
  return page.getByRole('banner').getByRole('button', { name: new RegExp(`^${name}\\b`) });
}

/** Opens the header's menu by keyboard, as its button promises, and waits until it is shown. */
export async function openUserMenu(page: Page, name: string): Promise<Locator> {
  const button = userMenuButton(page, name);
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await menu.waitFor();
  // The menu fades in: wait until it is fully opaque, so what is checked (e.g. contrast) is the
  // menu as people read it, not a frame of its transition.
  await menu.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        const settled = () =>
          getComputedStyle(element).opacity === '1' ? resolve() : requestAnimationFrame(settled);
        settled();
      }),
  );
  return menu;
}
