import { describe, expect, it } from 'vitest';
import { demoAdmin } from './support/demo';
import { pagePerTest } from './support/page-per-test';
import { submitSignIn } from './support/sign-in-form';

const tab = pagePerTest();

describe('Manage sign-in', () => {
  it('sends a visitor to sign-in, rejects a wrong password, signs in and out', async () => {
    const { baseUrl, page } = tab;
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers' }).waitFor();
    expect(await page.title()).toBe('Sign in to Chambers');

    // The alert must say what the API said, whatever wording the API uses.
    const rejected = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoAdmin.email, password: 'not-the-password' }),
    });
    expect(rejected.status).toBe(401);
    const problem = (await rejected.json()) as { title: string; detail?: string };

    await submitSignIn(page, { email: demoAdmin.email, password: 'not-the-password' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(problem.detail ?? problem.title);
    expect(page.url()).toMatch(/\/sign-in$/);

    await submitSignIn(page, demoAdmin);
    await page.getByText(`Signed in as ${demoAdmin.role} at ${demoAdmin.firmName}`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // Signed out means signed out: the home page sends the visitor back to sign-in.
    await page.goto('/');
    await page.waitForURL('**/sign-in');
  });

  it('answers an unknown address with a not-found page', async () => {
    const { page } = tab;
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});
