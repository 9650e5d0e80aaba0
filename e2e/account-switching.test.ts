import { describe, expect, it } from 'vitest';
import { demoMorgan } from './support/demo';
import { pagePerTest } from './support/page-per-test';
import { submitSignIn } from './support/sign-in-form';
import { openUserMenu } from './support/user-menu';

const tab = pagePerTest();
const { firmAccount, coCounselAccount } = demoMorgan;

describe('Switching accounts', () => {
  it('goes from a firm account in Manage to a co-counsel account in Connect and back, signed in throughout', async () => {
    const { page } = tab;
    await page.goto('/sign-in');
    await submitSignIn(page, demoMorgan);
    await page.getByText(`Signed in as ${firmAccount.role} at ${firmAccount.firmName}`).waitFor();

    // Every account of the person is listed, the current one checked.
    let menu = await openUserMenu(page, demoMorgan.name);
    const here = menu.getByRole('menuitemradio', { name: new RegExp(firmAccount.firmName) });
    const there = menu.getByRole('menuitemradio', { name: new RegExp(coCounselAccount.firmName) });
    expect(await here.getAttribute('aria-checked')).toBe('true');
    expect(await there.getAttribute('aria-checked')).toBe('false');
    expect(await there.textContent()).toContain('Chambers Connect');

    // By keyboard: opening put focus on the first account; down to the co-counsel one, and choose it.
    expect(await here.evaluate((item) => item === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await there.evaluate((item) => item === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/connect/');
    await page.getByText(`Signed in as ${coCounselAccount.role} at ${coCounselAccount.firmName}`).waitFor();
    expect(await page.title()).toBe('Home · Chambers Connect');

    // Connect restored the session from the cookie; a reload there does the same.
    await page.reload();
    await page.getByText(`Signed in as ${coCounselAccount.role} at ${coCounselAccount.firmName}`).waitFor();

    menu = await openUserMenu(page, demoMorgan.name);
    expect(
      await menu
        .getByRole('menuitemradio', { name: new RegExp(coCounselAccount.firmName) })
        .getAttribute('aria-checked'),
    ).toBe('true');
    await menu.getByRole('menuitemradio', { name: new RegExp(firmAccount.firmName) }).click();
    await page.getByText(`Signed in as ${firmAccount.role} at ${firmAccount.firmName}`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.title()).toBe('Home · Chambers');
  });
});
