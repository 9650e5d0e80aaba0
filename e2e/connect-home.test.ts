import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, phoneViewport, signInToConnect, tabTo } from './support/connect';
import { demoClient, demoCoCounsel, demoSharing } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

/** Presses Tab until `target` has the focus, as a keyboard user would reach it. */
function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${name}`) });
}

const [acme, whitfield] = demoSharing.sharedMatters;

describe('Connect Home for co-counsel', () => {
  it('shows a card per shared section with the seeded items, each linking to its place', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    await page.getByText(`Signed in as ${demoCoCounsel.role} at ${demoCoCounsel.firmName}`).waitFor();

    const matters = section(page, 'Shared matters');
    await matters.getByRole('link', { name: acme }).waitFor();
    await matters.getByRole('link', { name: whitfield }).waitFor();
    await section(page, 'Upcoming events')
      .getByRole('link', { name: 'Deposition of Acme procurement manager' })
      .waitFor();
    // Other journeys upload files too: the newest shared document is whatever the API says it is.
    const coCounsel = await apiAs(tab.baseUrl, demoCoCounsel);
    const home = await coCounsel.call<{ data: { recent_documents: { items: { name: string }[] } } }>(
      'GET',
      '/api/v1/home',
    );
    const newest = home.body.data.recent_documents.items[0]?.name ?? 'a shared document';
    await section(page, 'Recent documents')
      .getByRole('link', { name: newest, exact: true })
      .first()
      .waitFor();
    for (const name of ['Open tasks', 'Unread conversations', 'Portals']) await section(page, name).waitFor();
    expect((await page.locator('body').textContent()) ?? '').not.toContain('Blue Harbor');
    expect(await seriousViolations(page)).toEqual([]);

    // "View all" goes to the section's tab; an item opens its page.
    await page.getByRole('link', { name: 'View all upcoming events' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'View all shared matters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matters' }).waitFor();
    await page.goBack();
    await section(page, 'Shared matters').getByRole('link', { name: whitfield }).click();
    await page.getByRole('heading', { level: 1, name: whitfield }).waitFor();
  });

  it('opens a shared matter from Home by keyboard', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    const link = section(page, 'Shared matters').getByRole('link', { name: acme });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: acme }).waitFor();
    expect(await page.title()).toBe(`${acme} · Chambers Connect`);
  });

  it('fits a 375-px phone', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await signInToConnect(page, demoCoCounsel);
    await section(page, 'Shared matters').getByRole('link', { name: acme }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('Connect Home for a client', () => {
  it('lists its portals like chats, with no section tabs, and opens one by keyboard on a phone', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await signInToConnect(page, demoClient);
    await page.getByText(`Signed in as ${demoClient.role} at ${demoClient.firmName}`).waitFor();

    const portals = section(page, 'Your portals');
    const portal = portals.getByRole('link', { name: new RegExp(`^${demoClient.portalName}`) });
    await portal.waitFor();
    expect(await portal.locator('time').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
    expect((await page.locator('body').textContent()) ?? '').not.toContain(demoSharing.sharedMatters[1]);
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await tabTo(page, portal);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/connect\/portals\/[\w-]+$/);
  });
});
