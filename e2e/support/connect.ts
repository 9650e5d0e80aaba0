import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { submitSignIn } from './sign-in-form';

/** A phone's viewport: every Connect screen must fit it without sideways scrolling. */
export const phoneViewport = { width: 375, height: 812 } as const;

/** Signs in on Connect's own page and waits for Home. */
export async function signInToConnect(page: Page, who: { email: string; password: string }) {
  await page.goto('/connect/sign-in');
  await submitSignIn(page, who);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

/** Opens one of the section tabs across the top and waits for its heading. */
export async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Fails when the page is wider than its viewport (a phone would have to scroll sideways). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

/** Presses Tab until `target` has the focus, as a keyboard-only person would reach it. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}
