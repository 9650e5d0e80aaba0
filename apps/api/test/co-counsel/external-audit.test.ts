import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../documents/fixtures';
import { makeMatter } from '../support/factories/practice';
import { type CoCounsel, type CoCounselWorld, coCounselWorld } from './documents-world';

interface AuditRow {
  action: string;
  actor_membership_id: string | null;
  object_type: string | null;
  object_id: string | null;
  ip: string | null;
  details: { method: string; route: string; status: number } | null;
}

/**
 * Every request an external makes lands in the audit log (SECURITY.md): views, downloads, changes
 * and denied calls, each with its route pattern and status — and firm users' reads do not.
 */
describe('external audit: what co-counsel requests is recorded', () => {
  let w: CoCounselWorld;
  let counsel: CoCounsel;
  const ids = { shared: '', unshared: '', folderId: '' };

  /** The `external.*` events of a membership, oldest first. */
  const events = (membershipId: string) =>
    w.rows<AuditRow>(
      sql`select action, actor_membership_id, object_type, object_id, host(ip) as ip, details
            from audit_events
           where actor_membership_id = ${membershipId} and action like 'external.%'
           order by created_at, id`,
    );
  /** Waits for the events written after the response (the write does not hold the answer back). */
  const eventsAfter = async (membershipId: string, count: number) => {
    await expect.poll(async () => (await events(membershipId)).length, { timeout: 5_000 }).toBe(count);
    return events(membershipId);
  };

  beforeAll(async () => {
    w = await coCounselWorld();
    const matter = await makeMatter(w.t.database.db, w.firmId);
    ids.folderId = await w.folder(matter.rootFolderId, 'Audited');
    const upload = async (folderId: string, name: string) =>
      (await w.uploadOne(w.admin, folderId, { name, data: pdf(name), contentType: 'application/pdf' })).id;
    ids.shared = await upload(ids.folderId, 'Shared.pdf');
    ids.unshared = await upload(matter.rootFolderId, 'Unshared.pdf');
    counsel = await w.makeCoCounsel('Audited Counsel');
    await w.share(counsel, { folderId: ids.folderId });
  }, 60_000);
  afterAll(() => w.close());

  it('records a view, a download and a list with the route pattern (never the query), status and object', async () => {
    const before = (await events(counsel.membershipId)).length;
    expect((await w.get(counsel.session, `/api/v1/documents/${ids.shared}`)).statusCode).toBe(200);
    expect((await w.get(counsel.session, `/api/v1/documents/${ids.shared}/download`)).statusCode).toBe(200);
    expect((await w.get(counsel.session, '/api/v1/documents?q=privileged-search-term')).statusCode).toBe(200);
    const rows = (await eventsAfter(counsel.membershipId, before + 3)).slice(before);
    expect(rows).toEqual([
      {
        action: 'external.viewed',
        actor_membership_id: counsel.membershipId,
        object_type: 'document',
        object_id: ids.shared,
        ip: expect.any(String),
        details: { method: 'GET', route: '/api/v1/documents/:id', status: 200 },
      },
      expect.objectContaining({
        action: 'external.viewed',
        object_id: ids.shared,
        details: { method: 'GET', route: '/api/v1/documents/:id/download', status: 200 },
      }),
      expect.objectContaining({
        action: 'external.viewed',
        object_type: null,
        object_id: null,
        details: { method: 'GET', route: '/api/v1/documents', status: 200 },
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('privileged-search-term');
    // The download keeps its own event as well.
    const downloads = await w.rows(
      sql`select 1 from audit_events where action = 'document.downloaded' and object_id = ${ids.shared}
             and actor_membership_id = ${counsel.membershipId}`,
    );
    expect(downloads).toHaveLength(1);
  });

  it('records denied requests: 404 for what it cannot see, 403 for what it may not change', async () => {
    const before = (await events(counsel.membershipId)).length;
    expect((await w.get(counsel.session, `/api/v1/documents/${ids.unshared}`)).statusCode).toBe(404);
    const rename = await w.send(counsel.session, 'PATCH', `/api/v1/documents/${ids.shared}`, {
      name: 'X.pdf',
    });
    expect(rename.statusCode).toBe(403);
    const rows = (await eventsAfter(counsel.membershipId, before + 2)).slice(before);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'external.denied',
        object_type: 'document',
        object_id: ids.unshared,
        details: { method: 'GET', route: '/api/v1/documents/:id', status: 404 },
      }),
      expect.objectContaining({
        action: 'external.denied',
        object_id: ids.shared,
        details: { method: 'PATCH', route: '/api/v1/documents/:id', status: 403 },
      }),
    ]);
  });

  it('records other requests (an upload, a malformed one) as requested, with no id that is not one', async () => {
    const before = (await events(counsel.membershipId)).length;
    const upload = await w.upload(counsel.session, [
      { name: 'folder_id', data: ids.folderId },
      { name: 'file', filename: 'Mine.pdf', contentType: 'application/pdf', data: pdf('Mine') },
    ]);
    expect(upload.statusCode).toBe(201);
    expect((await w.get(counsel.session, '/api/v1/documents/not-an-id')).statusCode).toBe(400);
    const rows = (await eventsAfter(counsel.membershipId, before + 2)).slice(before);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'external.requested',
        object_id: null,
        details: { method: 'POST', route: '/api/v1/documents', status: 201 },
      }),
      expect.objectContaining({
        action: 'external.requested',
        object_id: null,
        details: { method: 'GET', route: '/api/v1/documents/:id', status: 400 },
      }),
    ]);
  });

  it("does not record firm users' requests here", async () => {
    const before = (await events(counsel.membershipId)).length;
    expect((await w.get(w.admin, `/api/v1/documents/${ids.shared}`)).statusCode).toBe(200);
    expect((await w.get(w.admin, '/api/v1/documents/0190a000-0000-7000-8000-0000000000ff')).statusCode).toBe(
      404,
    );
    // A co-counsel request after them: once its event is written, theirs would have been too.
    expect((await w.get(counsel.session, `/api/v1/documents/${ids.shared}`)).statusCode).toBe(200);
    await eventsAfter(counsel.membershipId, before + 1);
    expect(await events(w.admin.membership.id)).toEqual([]);
  });
});
