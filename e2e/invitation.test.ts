import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { seriousViolations } from './support/axe';
import { demoAdmin } from './support/demo';
import { linkMailedTo } from './support/mailbox';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

/** Invites a new staff member as the demo admin, through the API: one sign-in. */
async function inviteStaff(baseUrl: string, email: string, name: string) {
  const admin = await apiAs(baseUrl, demoAdmin);
  const invited = await admin.call('POST', '/api/v1/users', { email, name, role: 'staff' });
  expect(invited.status).toBe(201);
}

describe('First access from an invitation', () => {
  it('opens the mailed link, shows who invited whom, creates the account and lands signed in', async () => {
    const { baseUrl, page } = tab;
    const email = `new.staff.${Date.now()}@demo-firm.test`;
    const name = 'Sam Staff';
    await inviteStaff(baseUrl, email, name);
    const link = await linkMailedTo(baseUrl, email, /^\/invitations\//);

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await page
      .getByText(`${demoAdmin.name} invited you (${email}) to ${demoAdmin.firmName} as staff`)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A mistyped confirmation is caught before anything is sent.
    const password = 'correct horse battery staple, invited';
    await page.getByRole('textbox', { name: 'Your name' }).fill(name);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password').fill(`${password}!`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('The passwords do not match').waitFor();

    // The API refuses a common password: its problem shows in an alert, the fields keep their values.
    await page.getByLabel('Password', { exact: true }).fill('password');
    await page.getByLabel('Confirm password').fill('password');
    await page.getByRole('button', { name: 'Create account' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/common/i);
    expect(await page.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe(name);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Password', { exact: true }).fill(password);

    await page.getByLabel('Confirm password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByText(`Signed in as staff at ${demoAdmin.firmName}`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // The link works once.
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'This invitation link is no longer valid' }).waitFor();
  });

  it('says an unknown link is no longer valid, in either app, with a way to sign in', async () => {
    const { page } = tab;
    await page.goto('/connect/invitations/not-a-real-token');
    await page.getByRole('heading', { level: 1, name: 'This invitation link is no longer valid' }).waitFor();
    await page.getByRole('link', { name: 'Go to sign-in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers Connect' }).waitFor();

    await page.goto('/invitations/not-a-real-token');
    await page.getByRole('heading', { level: 1, name: 'This invitation link is no longer valid' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('confirms a login email change only on the button, and says when the link is gone', async () => {
    const { page } = tab;
    await page.goto('/connect/email-change/not-a-real-token');
    await page.getByRole('heading', { level: 1, name: 'Confirm new email' }).waitFor();
    await page.getByRole('button', { name: 'Confirm new email' }).click();
    await page.getByRole('heading', { level: 1, name: 'This link is no longer valid' }).waitFor();
  });
});
