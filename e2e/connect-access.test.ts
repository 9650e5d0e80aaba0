import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { openSection, signInToConnect } from './support/connect';
import { demoAdmin, demoCoCounsel } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

interface Named {
  id: string;
}

/** What the firm has that is not shared with its co-counsel: the names and ids that must never show. */
interface Unshared {
  matters: { id: string; description: string }[];
  documents: { id: string; name: string }[];
  events: { id: string; title: string }[];
  conversations: { id: string; subject: string }[];
  portals: { id: string; name: string }[];
}

/** Everything of a kind the admin sees, minus what the co-counsel sees, by id. */
function unsharedOf<T extends Named>(firm: T[], coCounsel: Named[]): T[] {
  const visible = new Set(coCounsel.map((row) => row.id));
  return firm.filter((row) => !visible.has(row.id));
}

let unshared: Unshared;
/** Names that are also on something the co-counsel does see (two documents may share a name). */
let visibleNames: Set<string>;

beforeAll(async () => {
  const { baseUrl } = tab;
  const admin = await apiAs(baseUrl, demoAdmin);
  const coCounsel = await apiAs(baseUrl, demoCoCounsel);
  const pair = async <T extends Named>(path: string) =>
    [await admin.all<T>(path), await coCounsel.all<T>(path)] as const;

  const [firmMatters, sharedMatters] = await pair<{ id: string; description: string }>('/api/v1/matters');
  const [firmDocuments, sharedDocuments] = await pair<{ id: string; name: string }>('/api/v1/documents');
  const [firmEvents, sharedEvents] = await pair<{ id: string; title: string }>('/api/v1/calendar_entries');
  const [firmConversations, sharedConversations] = await pair<{ id: string; subject: string }>(
    '/api/v1/conversations',
  );
  const [firmPortals, sharedPortals] = await pair<{ id: string; name: string }>('/api/v1/portals');
  unshared = {
    matters: unsharedOf(firmMatters, sharedMatters),
    documents: unsharedOf(firmDocuments, sharedDocuments),
    events: unsharedOf(firmEvents, sharedEvents),
    conversations: unsharedOf(firmConversations, sharedConversations),
    portals: unsharedOf(firmPortals, sharedPortals),
  };
  visibleNames = new Set([
    ...sharedMatters.map((m) => m.description),
    ...sharedDocuments.map((d) => d.name),
    ...sharedEvents.map((e) => e.title),
    ...sharedConversations.map((c) => c.subject),
    ...sharedPortals.map((p) => p.name),
  ]);
  // The seed must give this journey something to look for.
  expect(unshared.matters.length).toBeGreaterThan(0);
  expect(unshared.documents.length).toBeGreaterThan(0);
  expect(unshared.events.length).toBeGreaterThan(0);
  expect(unshared.portals.length).toBeGreaterThan(0);
});

/** Every name and id the page must not show (names also on a visible record excepted). */
function forbidden(): string[] {
  const names = [
    ...unshared.matters.map((m) => m.description),
    ...unshared.documents.map((d) => d.name),
    ...unshared.events.map((e) => e.title),
    ...unshared.conversations.map((c) => c.subject),
    ...unshared.portals.map((p) => p.name),
  ].filter((name) => !visibleNames.has(name));
  const ids = Object.values(unshared).flatMap((rows: Named[]) => rows.map((row) => row.id));
  return [...names, ...ids];
}

/** The page's markup (its text, links and attributes), once what it loads has arrived. */
async function settledPage(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.getByRole('status').count(), { timeout: 10_000 }).toBe(0);
  return page.content();
}

function expectNoTrace(text: string, where: string) {
  for (const secret of forbidden()) {
    expect(text.includes(secret), `${where} shows "${secret}"`).toBe(false);
  }
}

describe("A co-counsel's Connect shows nothing that was not shared", () => {
  it('has no trace of an unshared matter, document, event, conversation or portal on any tab', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    expectNoTrace(await settledPage(page), 'Home');
    for (const section of ['Calendar', 'Tasks', 'Matters', 'Activities', 'Documents', 'Communications']) {
      await openSection(page, section);
      expectNoTrace(await settledPage(page), section);
    }
    // The calendar's other views list the same range differently.
    await openSection(page, 'Calendar');
    for (const view of ['Week', 'List']) {
      await page.getByRole('radiogroup', { name: 'Calendar view' }).getByText(view, { exact: true }).click();
      expectNoTrace(await settledPage(page), `Calendar (${view})`);
    }
  });

  it('answers direct addresses of unshared records with not-found, naming nothing', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    const addresses = [
      ...unshared.matters.map((m) => `/connect/matters/${m.id}`),
      ...unshared.conversations.map((c) => `/connect/conversations/${c.id}`),
      ...unshared.portals.map((p) => `/connect/portals/${p.id}`),
    ];
    for (const address of addresses) {
      await page.goto(address);
      await page
        .getByText(/not found|not shared with you|no longer/i)
        .first()
        .waitFor();
      expectNoTrace(await settledPage(page), address);
    }
  });
});
