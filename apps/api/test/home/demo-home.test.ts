import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { DEMO_PORTAL_NAME } from '../../src/seed/demo-portal';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { apiCalls } from '../support/api-calls';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

type Section = { count: number; items: Record<string, unknown>[] };
const field = (section: Section, key: string) => section.items.map((item) => item[key]);

/** What `pnpm start` shows the demo externals first: the demo seed's sharing and portal, through /home. */
describe('the demo externals’ overviews', () => {
  let t: TestApp;
  let coCounsel: SignedIn;
  let client: SignedIn;
  const { nextIp, call, rows } = apiCalls(() => t, '10.94');

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db, { practice: true, blobs: createBlobStore(t.config.storage) });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    client = await signIn(t.app, 'client@client.test', { ip: nextIp() });
  });
  afterAll(() => t.close());

  it('shows the two shared matters, the shared folder’s document, its event, tasks and unread reply', async () => {
    const response = await call(coCounsel, 'GET', '/api/v1/home');
    expect(response.statusCode, response.body).toBe(200);
    const home = response.json().data;
    expect(home.view).toBe('external');
    expect(home.shared_matters.count).toBe(2);
    expect(field(home.shared_matters, 'description').sort()).toEqual([
      'Client v. Acme Corp — breach of supply contract',
      'Whitfield v. Metro Transit — personal injury',
    ]);
    // The Pleadings folder is shared; the lawsuit's other folders are not.
    expect(field(home.recent_documents, 'name')).toEqual(['Complaint.pdf']);
    expect(field(home.upcoming_events, 'title')).toEqual([
      'Strategy call with co-counsel',
      'Deposition of Acme procurement manager',
    ]);
    expect(home.open_tasks.count).toBe(2);
    expect(home.unread_conversations).toEqual({
      count: 1,
      unread_messages: 1,
      items: [
        expect.objectContaining({ subject: 'Deposition of the Acme procurement manager', unread_count: 1 }),
      ],
    });
    // It does not take part in the client's portal.
    expect(home.portals).toEqual({ count: 0, items: [] });
  });

  it('does not show the deliberately unshared matter, which answers 404', async () => {
    const [unshared] = await rows<{ id: string }>(
      sql`select id from matters where description = 'Client — commercial lease renewal'`,
    );
    const home = (await call(coCounsel, 'GET', '/api/v1/home')).json().data;
    expect(field(home.shared_matters, 'id')).not.toContain(unshared?.id);
    expect((await call(coCounsel, 'GET', `/api/v1/matters/${unshared?.id}`)).statusCode).toBe(404);
  });

  it('shows the demo client its portal with the attorney’s unread reply, and the portal’s documents', async () => {
    const response = await call(client, 'GET', '/api/v1/home');
    expect(response.statusCode, response.body).toBe(200);
    const home = response.json().data;
    expect(home.view).toBe('external');
    expect(home.portals).toEqual({
      count: 1,
      items: [expect.objectContaining({ name: DEMO_PORTAL_NAME, unread_count: 1 })],
    });
    // The Pleadings folder, the letter shared on its own, and its own upload attached to its message.
    expect(field(home.recent_documents, 'name').sort()).toEqual([
      'Acme delivery schedule (January).pdf',
      'Complaint.pdf',
      'Letter to Acme re cure period.pdf',
    ]);
    expect(field(home.recent_documents, 'matter_id')).toEqual([null, null, null]);
    for (const section of ['shared_matters', 'upcoming_events', 'open_tasks', 'unread_conversations']) {
      expect(home[section].count, section).toBe(0);
    }
    // Everything listed opens.
    for (const id of field(home.recent_documents, 'id')) {
      expect((await call(client, 'GET', `/api/v1/documents/${id}`)).statusCode).toBe(200);
    }
  });
});
