import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { seriousViolations } from './support/axe';
import {
  expectNoSidewaysScroll,
  openSection,
  phoneViewport,
  signInToConnect,
  tabTo,
} from './support/connect';
import { demoAdmin, demoCoCounsel, demoSharing } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();
const [acme, whitfield] = demoSharing.sharedMatters;

/** The id of the matter the firm never shared, looked up as the admin (who sees every matter). */
async function unsharedMatterId(baseUrl: string): Promise<string> {
  const admin = await apiAs(baseUrl, demoAdmin);
  const query = new URLSearchParams({ q: demoSharing.unsharedMatter });
  const found = await admin.call<{ data: { id: string; description: string }[] }>(
    'GET',
    `/api/v1/matters?${query}`,
  );
  expect(found.status).toBe(200);
  const matter = found.body.data.find((candidate) => candidate.description === demoSharing.unsharedMatter);
  if (!matter) throw new Error('The unshared demo matter is missing');
  return matter.id;
}

/** Presses Tab until `target` has the focus, as a keyboard user would reach it. */
// All of the page's text, shown or not: a hidden copy of a name is a trace too.
const bodyText = async (page: Page) => (await page.locator('body').textContent()) ?? '';
const region = (page: Page, name: string) => page.getByRole('region', { name });

describe('Connect Matters', () => {
  it('lists the shared matters only, and searches them', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    await openSection(page, 'Matters');
    await page.getByRole('link', { name: acme }).waitFor();
    await page.getByRole('link', { name: whitfield }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Client' }).isVisible()).toBe(true);
    expect(await bodyText(page)).not.toContain('Blue Harbor');
    expect(await seriousViolations(page)).toEqual([]);

    const search = page.getByRole('searchbox', { name: 'Search matters' });
    await search.fill('whitfield');
    await page.getByRole('link', { name: acme }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: whitfield }).waitFor();

    // Searching for the unshared matter by name finds nothing, and names nothing.
    await search.fill('Blue Harbor');
    await page.getByText('No shared matter matches this search.').waitFor();
    expect(await bodyText(page)).not.toContain('Blue Harbor');

    await search.fill('');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Closed' }).click();
    await page.getByText('No shared matter matches this search.').waitFor();
  });

  it('opens a matter from the list by keyboard and shows its details, client, notes and logs', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    await openSection(page, 'Matters');
    const link = page.getByRole('link', { name: acme });
    await link.waitFor();
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: acme }).waitFor();

    const details = region(page, 'Matter details');
    await details.getByText('Ari Attorney').waitFor();
    expect(await details.textContent()).toContain('00001');
    const client = region(page, 'Client');
    await client.getByText('Cliff Client').waitFor();
    await client.getByRole('link', { name: /client@client\.test/ }).waitFor();

    const notes = region(page, 'Notes');
    await notes.getByRole('heading', { name: 'Intake' }).waitFor();
    await notes.getByText('Contract has a 60-day cure period.').waitFor();
    const logs = region(page, 'Communications');
    await logs.getByRole('heading', { name: 'Call with opposing counsel' }).waitFor();
    await logs.getByRole('heading', { name: 'Deposition dates' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Only the emails: the phone call goes.
    await logs.getByText('Emails', { exact: true }).click();
    await logs.getByRole('heading', { name: 'Call with opposing counsel' }).waitFor({ state: 'detached' });
    await logs.getByRole('heading', { name: 'Deposition dates' }).waitFor();

    await page.getByRole('link', { name: 'Matters', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Matters' }).waitFor();
  });

  it('fits a 375-px phone: the list as cards, the matter page stacked', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await signInToConnect(page, demoCoCounsel);
    await page.goto('/connect/matters');
    await page.getByRole('heading', { level: 1, name: 'Matters' }).waitFor();
    const link = page.getByRole('link', { name: whitfield });
    await link.waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await link.click();
    await page.getByRole('heading', { level: 1, name: whitfield }).waitFor();
    await region(page, 'Notes').getByRole('heading', { name: 'Injuries' }).waitFor();
    await region(page, 'Communications').getByRole('heading', { name: 'Client update' }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  describe('a matter that is not shared', () => {
    let id: string;
    beforeAll(async () => {
      id = await unsharedMatterId(tab.baseUrl);
    });

    it('shows not-found at its address, with no trace of it, and a way back', async () => {
      const { page } = tab;
      await signInToConnect(page, demoCoCounsel);
      await page.goto(`/connect/matters/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Matter not found' }).waitFor();
      await page.getByText('not shared with you').waitFor();
      const text = await bodyText(page);
      expect(text).not.toContain('Blue Harbor');
      expect(text).not.toContain(id);
      expect(await page.title()).not.toContain('Blue Harbor');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'Back to Matters' }).click();
      await page.getByRole('heading', { level: 1, name: 'Matters' }).waitFor();
      await page.getByRole('link', { name: acme }).waitFor();
      expect(await bodyText(page)).not.toContain('Blue Harbor');
    });

    it('also fits a phone', async () => {
      const { page } = tab;
      await page.setViewportSize(phoneViewport);
      await signInToConnect(page, demoCoCounsel);
      await page.goto(`/connect/matters/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Matter not found' }).waitFor();
      await expectNoSidewaysScroll(page);
    });
  });
});
