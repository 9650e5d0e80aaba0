import type { Page } from 'playwright-core';

/** Fills in the sign-in form both SPAs share, by its labels, and submits it. */
export async function submitSignIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
