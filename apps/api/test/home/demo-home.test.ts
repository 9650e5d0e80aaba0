import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { apiCalls } from '../support/api-calls';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

type Section = { count: number; items: Record<string, unknown>[] };
const field = (section: Section, key: string) => section.items.map((item) => item[key]);

/** What `pnpm start` shows the demo co-counsel first: the demo seed's sharing, through /home. */
describe('the demo co-counsel’s overview', () => {
  let t: TestApp;
  let coCounsel: SignedIn;
  const { nextIp, call, rows } = apiCalls(() => t, '10.94');

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db, { practice: true, blobs: createBlobStore(t.config.storage) });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
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
  });

  it('does not show the deliberately unshared matter, which answers 404', async () => {
    const [unshared] = await rows<{ id: string }>(
      sql`select id from matters where description = 'Client — commercial lease renewal'`,
    );
    const home = (await call(coCounsel, 'GET', '/api/v1/home')).json().data;
    expect(field(home.shared_matters, 'id')).not.toContain(unshared?.id);
    expect((await call(coCounsel, 'GET', `/api/v1/matters/${unshared?.id}`)).statusCode).toBe(404);
  });
});
