import { describe, expect, it } from 'vitest';
import { demoAdmin } from './support/demo';
import { pagePerTest } from './support/page-per-test';
import { submitSignIn } from './support/sign-in-form';
import { openUserMenu } from './support/user-menu';

const tab = pagePerTest();

describe('Manage sign-in', () => {
  it('sends a visitor to sign-in, rejects a wrong password, signs in, survives a reload, signs out', async () => {
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
    const signedIn = page.getByText(`Signed in as ${demoAdmin.role} at ${demoAdmin.firmName}`);
    await signedIn.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // The token lives in memory only; a reload gets a new one from the refresh cookie, and shows
    // a loader meanwhile rather than the sign-in form.
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
    });
    await page.reload();
    await signedIn.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(visited).toEqual(['/']);
    expect(await page.getByRole('heading', { name: 'Sign in to Chambers' }).count()).toBe(0);

    const menu = await openUserMenu(page, demoAdmin.name);
    await menu.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // Signed out means signed out, reload or not: the API ended the session and its cookie.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers' }).waitFor();
    await page.goto('/');
    await page.waitForURL('**/sign-in');
  });

  it('answers an unknown address with a not-found page', async () => {
    const { page } = tab;
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});
