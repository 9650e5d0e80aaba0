import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, phoneViewport } from './support/connect';
import { demoAdmin } from './support/demo';
import { acceptInvitation, freshCoCounsel } from './support/fresh-accounts';
import { linkMailedTo } from './support/mailbox';
import { pagePerTest } from './support/page-per-test';
import { submitSignIn } from './support/sign-in-form';

const tab = pagePerTest();
const FIRST_PASSWORD = 'first passphrase of a fresh login';

/** A fresh staff member of the demo firm, who signs in to Manage. */
async function freshStaff(baseUrl: string): Promise<string> {
  const email = `reset.staff.${Date.now()}@demo-firm.test`;
  const admin = await apiAs(baseUrl, demoAdmin);
  const invited = await admin.call('POST', '/api/v1/users', { email, name: 'Rey Reset', role: 'staff' });
  expect(invited.status).toBe(201);
  await acceptInvitation(baseUrl, email, /^\/invitations\//, { name: 'Rey Reset', password: FIRST_PASSWORD });
  return email;
}

/** A fresh co-counsel of the demo firm (a matter shared with a new contact), who signs in to Connect. */
async function resetCoCounsel(baseUrl: string): Promise<string> {
  const { email } = await freshCoCounsel(baseUrl, {
    email: `reset.counsel.${Date.now()}@outside-counsel.test`,
    password: FIRST_PASSWORD,
    firstName: 'Rita',
    lastName: 'Reset',
  });
  return email;
}

/**
 * The reset link mailed to `email`. The invitation mail came first, and the reset mail leaves from
 * a background job: until it arrives, the newest mail is the invitation, so look again.
 */
async function resetLinkMailedTo(baseUrl: string, email: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await linkMailedTo(baseUrl, email, /\/password-reset\//);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * The whole round trip in one app: "Forgot password?" on sign-in, the address, the mailed link,
 * a new password, sign-in with it; then the spent link says so.
 */
async function resetThroughTheUi(
  page: Page,
  baseUrl: string,
  { email, root, signInHeading }: { email: string; root: '' | '/connect'; signInHeading: string },
) {
  await page.goto(`${root}/sign-in`);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  // By keyboard: Enter in the field sends it.
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Email' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();
  await page.getByText(`If an account exists for ${email}`).waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  const link = await resetLinkMailedTo(baseUrl, email);
  expect(link.startsWith(`${root}/password-reset/`)).toBe(true);
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
  await page.getByText('8 to 128 characters').waitFor();
  expect(await seriousViolations(page)).toEqual([]);

  // The API's rule shows on the field; a mismatch is caught before anything is sent.
  const newPassword = 'a brand new passphrase after reset';
  await page.getByLabel('New password', { exact: true }).fill('password');
  await page.getByLabel('Confirm new password').fill('password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('is too common').waitFor();
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(`${newPassword}!`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('The passwords do not match').waitFor();
  await page.getByLabel('Confirm new password').fill(newPassword);
  await page.getByLabel('Confirm new password').press('Enter');

  await page.getByRole('heading', { level: 1, name: signInHeading }).waitFor();
  await page.getByText('Your password is changed').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await submitSignIn(page, { email, password: FIRST_PASSWORD });
  await page.getByText('The email or password is incorrect.').waitFor();
  await submitSignIn(page, { email, password: newPassword });
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));

  // The link worked once.
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('yet another passphrase');
  await page.getByLabel('Confirm new password').fill('yet another passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('heading', { level: 1, name: 'This link is no longer valid' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Ask for a new link' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
}

// A journey makes its own login through the API and walks two pages and a mailbox: allow for it.
describe('Forgotten password', () => {
  it('in Connect: a co-counsel resets the password through the mailed link and signs in with it', async () => {
    const { baseUrl, page } = tab;
    const email = await resetCoCounsel(baseUrl);
    await resetThroughTheUi(page, baseUrl, {
      email,
      root: '/connect',
      signInHeading: 'Sign in to Chambers Connect',
    });
  }, 90_000);

  it('in Manage: a firm user resets the password through the mailed link and signs in with it', async () => {
    const { baseUrl, page } = tab;
    const email = await freshStaff(baseUrl);
    await resetThroughTheUi(page, baseUrl, { email, root: '', signInHeading: 'Sign in to Chambers' });
    await page.goto('/');
    await page.getByText(`Signed in as staff at ${demoAdmin.firmName}`).waitFor();
  }, 90_000);

  it('answers an unknown address like a known one', async () => {
    const { page } = tab;
    await page.goto('/forgot-password');
    await page.getByRole('textbox', { name: 'Email' }).fill('nobody.at.all@nowhere.test');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();
  });

  it('fits a 375-px phone on both pages in both apps', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    for (const root of ['', '/connect']) {
      await page.goto(`${root}/forgot-password`);
      await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
      await expectNoSidewaysScroll(page);
      await page.goto(`${root}/password-reset/not-a-real-token`);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await expectNoSidewaysScroll(page);
      await page.goto(`${root}/sign-in`);
      await page.getByRole('link', { name: 'Forgot password?' }).waitFor();
      await expectNoSidewaysScroll(page);
    }
  });
});
