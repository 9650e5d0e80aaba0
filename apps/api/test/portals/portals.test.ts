import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePortal } from '../support/factories/portals';
import { makeContact, makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import type { SignedIn } from '../support/sessions';
import { type PortalsWorld, portalsWorld } from './support';

interface Person {
  type: 'user' | 'contact';
  id: string;
  name: string;
}
interface Portal {
  id: string;
  name: string;
  matter_id: string | null;
  participants: { id: string; person: Person }[];
  closed_at: string | null;
  last_message_at: string;
  unread_count: number;
  created_by: Person;
}

describe('portals', () => {
  let w: PortalsWorld;
  beforeAll(async () => {
    w = await portalsWorld('10.91');
  });
  afterAll(() => w.close());

  const people = (portal: Portal) =>
    portal.participants.map((participant) => `${participant.person.type}:${participant.person.id}`).sort();
  const list = async (as: SignedIn, query = '') => {
    const response = await w.call(as, 'GET', `/api/v1/portals${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { data: Portal[]; meta: { next_cursor: string | null } };
  };
  const ids = (page: { data: Portal[] }) => page.data.map((portal) => portal.id);
  /** What this module audited about a portal (externals' requests are audited apart). */
  const auditActions = async (portalId: string) =>
    (
      await w.rows<{ action: string }>(
        sql`select action from audit_events
             where object_id = ${portalId} and action not like 'external.%' order by created_at, id`,
      )
    ).map((row) => row.action);

  it("opens a portal with the caller and the matter's client, named after the matter", async () => {
    const response = await w.call(w.attorney, 'POST', '/api/v1/portals', { matter_id: w.matter.id });
    expect(response.statusCode, response.body).toBe(201);
    const portal: Portal = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/portals/${portal.id}`);
    expect(portal).toMatchObject({
      name: `${w.matter.number} · ${w.matter.description}`,
      matter_id: w.matter.id,
      closed_at: null,
      unread_count: 0,
      created_by: { type: 'user', id: w.attorney.membership.id },
    });
    expect(people(portal)).toEqual(
      [`contact:${w.clientContactId}`, `user:${w.attorney.membership.id}`].sort(),
    );
    const [row] = await w.rows<{ kind: string }>(sql`select kind from conversations where id = ${portal.id}`);
    expect(row?.kind).toBe('portal');
    expect(await auditActions(portal.id)).toEqual(['portal.created']);
    // The client already signs in at the firm: no invitation; the portal is in its Connect at once.
    const invitations = await w.rows(sql`select id from invitations where resource_id = ${portal.id}`);
    expect(invitations).toEqual([]);
    const seen = await w.call(w.client, 'GET', `/api/v1/portals/${portal.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().data).toMatchObject({ id: portal.id, matter_id: null });
    // A portal is not a conversation.
    const asConversation = await w.call(w.attorney, 'GET', `/api/v1/conversations/${portal.id}`);
    expect(asConversation.statusCode).toBe(404);
  });

  it('takes an explicit participant list instead of the default, and a name', async () => {
    const portal = (
      await w.call(w.admin, 'POST', '/api/v1/portals', {
        matter_id: w.matter.id,
        name: 'Estate documents',
        participants: [w.user(w.staff), w.contact(w.clientContactId)],
      })
    ).json().data as Portal;
    expect(portal.name).toBe('Estate documents');
    expect(people(portal)).toEqual([`contact:${w.clientContactId}`, `user:${w.staff.membership.id}`].sort());
  });

  it('refuses a matter out of sight and participants who may not take part, changing nothing', async () => {
    const before = await w.rows(sql`select id from conversations`);
    const otherFirmMatter = await makeMatter(w.db, w.otherAdmin.membership.firm_id);
    const badMatter = await w.call(w.admin, 'POST', '/api/v1/portals', { matter_id: otherFirmMatter.id });
    expect(badMatter.statusCode, badMatter.body).toBe(422);
    expect(errorPaths(badMatter)).toBe('/matter_id');
    const stranger = await makeContact(w.db, w.firmId, { name: 'Stan Stranger' });
    const badPeople = await w.call(w.admin, 'POST', '/api/v1/portals', {
      matter_id: w.matter.id,
      participants: [w.user(w.attorney), w.contact(stranger.id), w.user(w.client), w.user(w.otherAdmin)],
    });
    expect(badPeople.statusCode, badPeople.body).toBe(422);
    expect(errorPaths(badPeople).split(' ').sort()).toEqual([
      '/participants/1/id',
      '/participants/2/id',
      '/participants/3/id',
    ]);
    expect(await w.rows(sql`select id from conversations`)).toEqual(before);
  });

  it('lets neither externals nor another firm open one', async () => {
    const coCounsel = await w.call(w.coCounsel, 'POST', '/api/v1/portals', { matter_id: w.matter.id });
    expect(coCounsel.statusCode).toBe(403);
    const client = await w.call(w.client, 'POST', '/api/v1/portals', { matter_id: w.matter.id });
    expect(client.statusCode).toBe(404);
    const otherFirm = await w.call(w.otherAdmin, 'POST', '/api/v1/portals', { matter_id: w.matter.id });
    expect(otherFirm.statusCode).toBe(422);
  });

  it('lists newest activity first, by matter, status and unread, a page at a time', async () => {
    const matter = await makeMatter(w.db, w.firmId, { clientId: w.clientContactId });
    const made: string[] = [];
    for (const name of ['First', 'Second', 'Third']) {
      made.push((await w.portal({ name, matterId: matter.id })).id);
    }
    const [first, second, third] = made;
    await w.db.execute(
      sql`update conversations set last_message_at = now() + interval '1 minute' where id = ${first}`,
    );
    expect(ids(await list(w.attorney, `?matter_id=${matter.id}`))).toEqual([first, third, second]);

    const page1 = await list(w.attorney, `?matter_id=${matter.id}&limit=2`);
    expect(ids(page1)).toEqual([first, third]);
    expect(page1.meta.next_cursor).not.toBeNull();
    const page2 = await list(w.attorney, `?matter_id=${matter.id}&limit=2&cursor=${page1.meta.next_cursor}`);
    expect(ids(page2)).toEqual([second]);
    expect(page2.meta.next_cursor).toBeNull();

    const closed = await w.call(w.attorney, 'PATCH', `/api/v1/portals/${second}`, { closed: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(ids(await list(w.attorney, `?matter_id=${matter.id}&status=closed`))).toEqual([second]);
    expect(ids(await list(w.attorney, `?matter_id=${matter.id}&status=open`))).toEqual([first, third]);

    // The client posted in the third: unread for the attorney, who takes part.
    await w.db.execute(
      sql`insert into messages (id, firm_id, conversation_id, author_membership_id, body)
          values (gen_random_uuid(), ${w.firmId}, ${third}, ${w.client.membership.id}, 'Hello')`,
    );
    const unread = await list(w.attorney, `?matter_id=${matter.id}&unread=true`);
    expect(unread.data.map((portal) => [portal.id, portal.unread_count])).toEqual([[third, 1]]);
    expect(ids(await list(w.attorney, `?matter_id=${matter.id}&unread=false`))).toHaveLength(3);

    const bad = await w.call(w.attorney, 'GET', '/api/v1/portals?status=archived');
    expect(bad.statusCode).toBe(400);
  });

  it('closes and reopens a portal, auditing each, and lets firm users rename it', async () => {
    const portal = await w.portal({ name: 'To close' });
    const url = `/api/v1/portals/${portal.id}`;
    const closed = await w.call(w.staff, 'PATCH', url, { closed: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().data.closed_at).not.toBeNull();
    const [row] = await w.rows<{ closed_by_membership_id: string }>(
      sql`select closed_by_membership_id from conversations where id = ${portal.id}`,
    );
    expect(row?.closed_by_membership_id).toBe(w.staff.membership.id);
    // Closing it again changes nothing.
    const again = await w.call(w.admin, 'PATCH', url, { closed: true });
    expect(again.json().data.closed_at).toBe(closed.json().data.closed_at);

    const reopened = await w.call(w.admin, 'PATCH', url, { closed: false, name: 'Reopened' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().data).toMatchObject({ closed_at: null, name: 'Reopened' });
    const [after] = await w.rows<{ closed_by_membership_id: string | null }>(
      sql`select closed_by_membership_id from conversations where id = ${portal.id}`,
    );
    expect(after?.closed_by_membership_id).toBeNull();
    expect(await auditActions(portal.id)).toEqual(['portal.closed', 'portal.updated', 'portal.reopened']);

    const empty = await w.call(w.admin, 'PATCH', url, {});
    expect(empty.statusCode).toBe(400);
  });

  it('refuses manage actions to an external who sees the portal (403), and hides it from another firm (404)', async () => {
    const portal = await w.portal({ name: 'Managed by the firm' });
    const url = `/api/v1/portals/${portal.id}`;
    const rename = await w.call(w.client, 'PATCH', url, { name: 'Mine now' });
    expect(rename.statusCode).toBe(403);
    const close = await w.call(w.client, 'PATCH', url, { closed: true });
    expect(close.statusCode).toBe(403);
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { name: 'Theirs' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await w.call(w.otherAdmin, method, url, payload);
      expect(response.statusCode, `${method} ${response.body}`).toBe(404);
    }
    const [row] = await w.rows<{ subject: string; closed_at: string | null }>(
      sql`select subject, closed_at from conversations where id = ${portal.id}`,
    );
    expect(row).toEqual({ subject: 'Managed by the firm', closed_at: null });
  });

  it('never deletes a portal: 405 saying how to revoke access, to whoever sees it', async () => {
    const portal = await w.portal();
    const url = `/api/v1/portals/${portal.id}`;
    for (const as of [w.admin, w.attorney, w.client]) {
      const response = await w.call(as, 'DELETE', url);
      expect(response.statusCode, response.body).toBe(405);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers.allow).toBe('GET, PATCH');
      expect(response.json().detail).toMatch(/remove its participants.*stop sharing.*close/);
    }
    // The co-counsel does not take part: to it the portal does not exist.
    expect((await w.call(w.coCounsel, 'DELETE', url)).statusCode).toBe(404);
    expect((await w.call(w.otherAdmin, 'DELETE', url)).statusCode).toBe(404);
    expect(await w.rows(sql`select id from conversations where id = ${portal.id}`)).toHaveLength(1);
  });

  it('shows a client only the portals it takes part in, across matters, never another firm’s', async () => {
    const secondMatter = await makeMatter(w.db, w.firmId, { clientId: w.clientContactId });
    const mine = [
      (await w.portal({ name: 'Mine on the first matter' })).id,
      (await w.portal({ name: 'Mine on the second matter', matterId: secondMatter.id })).id,
    ];
    const notMine = (
      await w.portal({ name: 'Firm only', participants: [{ membershipId: w.admin.membership.id }] })
    ).id;
    const otherFirmId = w.otherAdmin.membership.firm_id;
    const otherFirmMatter = await makeMatter(w.db, otherFirmId);
    const otherFirms = (
      await makePortal(w.db, {
        firmId: otherFirmId,
        matterId: otherFirmMatter.id,
        createdByMembershipId: w.otherAdmin.membership.id,
        participants: [{ membershipId: w.otherAdmin.membership.id }, { contactId: otherFirmMatter.clientId }],
      })
    ).id;

    const seen = await list(w.client, '?limit=200');
    expect(ids(seen)).toEqual(expect.arrayContaining(mine));
    expect(ids(seen)).not.toContain(notMine);
    expect(ids(seen)).not.toContain(otherFirms);
    expect(seen.data.every((portal) => portal.matter_id === null)).toBe(true);
    // Filtering by a matter it does not see finds nothing.
    expect(ids(await list(w.client, `?matter_id=${secondMatter.id}`))).toEqual([]);
    expect((await w.call(w.client, 'GET', `/api/v1/portals/${notMine}`)).statusCode).toBe(404);
    expect((await w.call(w.client, 'GET', `/api/v1/portals/${otherFirms}`)).statusCode).toBe(404);
    // The firm sees them all; another firm sees none of them.
    expect(ids(await list(w.admin, '?limit=200'))).toEqual(expect.arrayContaining([...mine, notMine]));
    expect(ids(await list(w.otherAdmin, '?limit=200'))).toEqual([otherFirms]);
  });
});
