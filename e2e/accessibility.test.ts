import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';
import { demoAdmin, demoCoCounsel } from './support/demo';
import { submitSignIn } from './support/sign-in-form';
import { openUserMenu } from './support/user-menu';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// @axe-core/playwright needs pages from an explicit context, as openPage makes them.
async function openSignIn(path: string, heading: string): Promise<Page> {
  const page = await openPage(browser, baseUrl);
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  return page;
}

describe('accessibility', () => {
  it.each([
    ['Manage', '/sign-in', 'Sign in to Chambers'],
    ['Connect', '/connect/sign-in', 'Sign in to Chambers Connect'],
  ])(
    '%s sign-in has no serious or critical axe violations, before and after an error',
    async (_, path, heading) => {
      const page = await openSignIn(path, heading);
      expect(await seriousViolations(page)).toEqual([]);

      await submitSignIn(page, { email: 'nobody@example.test', password: 'wrong' });
      await page.getByRole('alert').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
  );

  it.each([
    ['Manage', '/sign-in', 'Sign in to Chambers', demoAdmin],
    ['Connect', '/connect/sign-in', 'Sign in to Chambers Connect', demoCoCounsel],
  ])(
    '%s home, signed in, has no serious or critical axe violations, with the user menu closed and open',
    async (_, path, heading, person) => {
      const page = await openSignIn(path, heading);
      await submitSignIn(page, person);
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const menu = await openUserMenu(page, person.name);
      await menu.getByRole('menuitemradio', { name: new RegExp(person.firmName) }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});
