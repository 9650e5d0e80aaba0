import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matterContacts } from '../../src/db/schema/matters';
import { DEMO_PASSWORD } from '../../src/seed/demo-firm';
import { deliveredTo } from '../support/dev-mailbox';
import { makeContact, makeMatter } from '../support/factories/practice';
import { invitationTo } from '../support/invitation-mail';
import { errorPaths } from '../support/problems';
import { sessionFrom } from '../support/sessions';
import { type PortalsWorld, portalsWorld } from './support';

interface Participant {
  id: string;
  person: { type: 'user' | 'contact'; id: string; name: string };
}

describe('portal participants', () => {
  let w: PortalsWorld;
  beforeAll(async () => {
    w = await portalsWorld('10.92');
  });
  afterAll(() => w.close());

  const participantsUrl = (portalId: string) => `/api/v1/portals/${portalId}/participants`;
  /** A contact related to the world's matter, without an account at the firm. */
  const related = async (name: string, overrides: { email?: string | null; isCoCounsel?: boolean } = {}) => {
    const contact = await makeContact(w.db, w.firmId, { name, ...overrides });
    await w.db
      .insert(matterContacts)
      .values({ firmId: w.firmId, matterId: w.matter.id, contactId: contact.id, relationship: 'Heir' });
    return contact;
  };
  const add = async (portalId: string, person: object) => {
    const response = await w.call(w.attorney, 'POST', participantsUrl(portalId), { person });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data as Participant;
  };
  const preview = async (token: string) => {
    const response = await w.call(null, 'GET', `/api/v1/invitations/${token}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as {
      role: string;
      identity_exists: boolean;
      shared: { type: string; id: string; label: string } | null;
    };
  };

  it('lists who takes part in the order they joined, a page at a time', async () => {
    const portal = await w.portal({
      participants: [
        { membershipId: w.attorney.membership.id },
        { contactId: w.clientContactId },
        { membershipId: w.staff.membership.id },
      ],
    });
    const first = await w.call(w.client, 'GET', `${participantsUrl(portal.id)}?limit=2`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data.map((participant: Participant) => participant.person)).toEqual([
      { type: 'user', id: w.attorney.membership.id, name: 'Ari Attorney' },
      { type: 'contact', id: w.clientContactId, name: 'Cliff Client' },
    ]);
    const rest = await w.call(
      w.client,
      'GET',
      `${participantsUrl(portal.id)}?limit=2&cursor=${first.json().meta.next_cursor}`,
    );
    expect(rest.json()).toMatchObject({
      data: [{ person: { type: 'user', id: w.staff.membership.id } }],
      meta: { next_cursor: null },
    });
    expect((await w.call(w.otherAdmin, 'GET', participantsUrl(portal.id))).statusCode).toBe(404);
    expect((await w.call(w.coCounsel, 'GET', participantsUrl(portal.id))).statusCode).toBe(404);
  });

  it('invites a related contact without an account as a client, naming the portal while it takes part', async () => {
    const portal = await w.portal({ name: 'Whitfield estate' });
    const heir = await related('Hugo Heir', { email: 'hugo@heir.test' });
    const participant = await add(portal.id, w.contact(heir.id));
    expect(participant.person).toEqual({ type: 'contact', id: heir.id, name: 'Hugo Heir' });

    const { mail, token } = await invitationTo(w.t.app, 'hugo@heir.test');
    expect(mail.text).toContain('"Whitfield estate"');
    expect(mail.text).toContain('/connect/invitations/');
    expect(await preview(token)).toMatchObject({
      role: 'client',
      shared: { type: 'portal', id: portal.id, label: 'Whitfield estate' },
    });
    const [audit] = await w.rows<{
      action: string;
      details: { participant_id: string; invitation_id: string };
    }>(sql`select action, details from audit_events where object_id = ${portal.id}`);
    expect(audit).toMatchObject({
      action: 'portal.participant_added',
      details: { participant_id: participant.id },
    });
    expect(audit?.details.invitation_id).toEqual(expect.any(String));

    // Added to a second portal while the first invitation is out: no second mail.
    const second = await w.portal({ name: 'Second portal' });
    await add(second.id, w.contact(heir.id));
    expect(await deliveredTo(w.t.app, 'hugo@heir.test')).toHaveLength(1);

    // Removed from the portal the invitation named: the preview no longer names it.
    const removed = await w.call(w.attorney, 'DELETE', `${participantsUrl(portal.id)}/${participant.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await preview(token)).shared).toBeNull();
  });

  it('invites a co-counsel contact as co-counsel, and the contacts a new portal names', async () => {
    const expert = await related('Erin Expert', { email: 'erin@expert.test', isCoCounsel: true });
    const response = await w.call(w.admin, 'POST', '/api/v1/portals', {
      matter_id: w.matter.id,
      name: 'With the expert',
      participants: [w.user(w.admin), w.contact(expert.id), w.contact(w.clientContactId)],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { token } = await invitationTo(w.t.app, 'erin@expert.test');
    expect(await preview(token)).toMatchObject({
      role: 'co_counsel',
      shared: { type: 'portal', id: response.json().data.id, label: 'With the expert' },
    });
    // The client already signs in at the firm: it is not invited.
    const invitations = await w.rows<{ contact_id: string }>(
      sql`select contact_id from invitations where resource_id = ${response.json().data.id}`,
    );
    expect(invitations).toEqual([{ contact_id: expert.id }]);
  });

  it('adds an existing identity without an invitation: the co-counsel related to the matter sees the portal', async () => {
    await w.db.insert(matterContacts).values({
      firmId: w.firmId,
      matterId: w.matter.id,
      contactId: w.coCounselContactId,
      relationship: 'Co-counsel',
    });
    const portal = await w.portal({ name: 'Counsel joins' });
    expect((await w.call(w.coCounsel, 'GET', `/api/v1/portals/${portal.id}`)).statusCode).toBe(404);
    await add(portal.id, w.contact(w.coCounselContactId));
    expect(
      await w.rows(
        sql`select id from invitations where contact_id = ${w.coCounselContactId} and resource_id = ${portal.id}`,
      ),
    ).toEqual([]);
    const seen = await w.call(w.coCounsel, 'GET', `/api/v1/portals/${portal.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    const listed = await w.call(w.coCounsel, 'GET', '/api/v1/portals');
    expect(listed.json().data.map((row: { id: string }) => row.id)).toContain(portal.id);
  });

  it('invites an existing login of another firm: its password links a client account that sees the portal only', async () => {
    // Hana signs in to Chambers as Harbor & Vale's admin; to Demo Firm she is a related contact.
    const hana = await related('Hana Harbor', { email: 'admin@harbor-vale.test' });
    const portal = await w.portal({ name: 'Harbor joins' });
    await add(portal.id, w.contact(hana.id));
    const { token } = await invitationTo(w.t.app, 'admin@harbor-vale.test');
    expect(await preview(token)).toMatchObject({ role: 'client', identity_exists: true });

    const accepted = await w.call(null, 'POST', `/api/v1/invitations/${token}`, { password: DEMO_PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const client = sessionFrom(accepted);
    expect(client.membership).toMatchObject({ firm_name: 'Demo Firm LLP', role: 'client' });
    const listed = await w.call(client, 'GET', '/api/v1/portals');
    expect(listed.json().data.map((row: { id: string }) => row.id)).toEqual([portal.id]);
    expect((await w.call(client, 'GET', `/api/v1/matters/${w.matter.id}`)).statusCode).toBe(404);
    // Still one login: the same identity now holds both accounts.
    expect(
      await w.rows(sql`select id from identities where lower(email) = 'admin@harbor-vale.test'`),
    ).toHaveLength(1);
  });

  it('refuses who may not take part (422) and who already does (409), changing nothing', async () => {
    const portal = await w.portal();
    const before = await w.rows(
      sql`select id from conversation_participants where conversation_id = ${portal.id}`,
    );
    const stranger = await makeContact(w.db, w.firmId, { name: 'Not related' });
    const noEmail = await related('No Address', { email: null });
    const otherMatterClient = (await makeMatter(w.db, w.firmId)).clientId;
    for (const person of [
      w.contact(stranger.id),
      w.contact(noEmail.id),
      w.contact(otherMatterClient),
      w.user(w.otherAdmin),
      w.user(w.client),
    ]) {
      const response = await w.call(w.attorney, 'POST', participantsUrl(portal.id), { person });
      expect(response.statusCode, response.body).toBe(422);
      expect(errorPaths(response)).toBe('/person/id');
    }
    for (const person of [w.contact(w.clientContactId), w.user(w.attorney)]) {
      const response = await w.call(w.attorney, 'POST', participantsUrl(portal.id), { person });
      expect(response.statusCode, response.body).toBe(409);
    }
    expect(
      await w.rows(sql`select id from conversation_participants where conversation_id = ${portal.id}`),
    ).toEqual(before);
  });

  it('removes a client, who loses the portal on its very next request', async () => {
    const portal = await w.portal({ name: 'Client leaves' });
    const participants = (await w.call(w.attorney, 'GET', participantsUrl(portal.id))).json()
      .data as Participant[];
    const client = participants.find((participant) => participant.person.id === w.clientContactId);
    expect((await w.call(w.client, 'GET', `/api/v1/portals/${portal.id}`)).statusCode).toBe(200);
    const removed = await w.call(w.attorney, 'DELETE', `${participantsUrl(portal.id)}/${client?.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await w.call(w.client, 'GET', `/api/v1/portals/${portal.id}`)).statusCode).toBe(404);
    expect((await w.call(w.client, 'GET', participantsUrl(portal.id))).statusCode).toBe(404);
    const listed = await w.call(w.client, 'GET', '/api/v1/portals');
    expect(listed.json().data.map((row: { id: string }) => row.id)).not.toContain(portal.id);
    const [audit] = await w.rows<{ action: string; details: object }>(
      sql`select action, details from audit_events where object_id = ${portal.id} and action like 'portal.%'`,
    );
    expect(audit).toEqual({
      action: 'portal.participant_removed',
      details: { participant_id: client?.id, person: { type: 'contact', id: w.clientContactId } },
    });
    const again = await w.call(w.attorney, 'DELETE', `${participantsUrl(portal.id)}/${client?.id}`);
    expect(again.statusCode).toBe(404);
  });

  it('lets only firm users manage participants: 403 to a participant client, 404 to another firm', async () => {
    const heir = await related('Iris Heir', { email: 'iris@heir.test' });
    const portal = await w.portal({ name: 'Firm manages' });
    const participants = (await w.call(w.attorney, 'GET', participantsUrl(portal.id))).json()
      .data as Participant[];
    const attorney = participants.find((participant) => participant.person.id === w.attorney.membership.id);
    const cases = [
      { as: w.client, status: 403 },
      { as: w.otherAdmin, status: 404 },
      { as: w.coCounsel, status: 404 },
    ];
    for (const { as, status } of cases) {
      const added = await w.call(as, 'POST', participantsUrl(portal.id), { person: w.contact(heir.id) });
      expect(added.statusCode, added.body).toBe(status);
      const removed = await w.call(as, 'DELETE', `${participantsUrl(portal.id)}/${attorney?.id}`);
      expect(removed.statusCode, removed.body).toBe(status);
    }
    const after = (await w.call(w.attorney, 'GET', participantsUrl(portal.id))).json().data;
    expect(after).toEqual(participants);
    expect(await deliveredTo(w.t.app, 'iris@heir.test')).toEqual([]);
  });
});
