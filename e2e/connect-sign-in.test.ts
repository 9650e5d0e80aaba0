import { describe, expect, it } from 'vitest';
import { demoAdmin } from './support/demo';
import { pagePerTest } from './support/page-per-test';
import { submitSignIn } from './support/sign-in-form';

const tab = pagePerTest();

describe('Connect sign-in', () => {
  it('sends a visitor of /connect/ to its own sign-in page', async () => {
    const { page } = tab;
    await page.goto('/connect/');
    await page.waitForURL('**/connect/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers Connect' }).waitFor();
    expect(await page.title()).toBe('Sign in to Chambers Connect');
  });

  it('turns a firm user away to Manage', async () => {
    const { page } = tab;
    await page.goto('/connect/sign-in');
    await submitSignIn(page, demoAdmin);

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This account signs in to Chambers, the firm app.');
    await page.getByRole('link', { name: 'Sign in to Chambers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
