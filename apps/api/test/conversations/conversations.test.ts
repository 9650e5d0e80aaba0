import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shares } from '../../src/db/schema/shares';
import { makeContact, makeMatter } from '../support/factories/practice';
import { errorPaths } from '../support/problems';
import type { SignedIn } from '../support/sessions';
import { type Conversation, type ConversationsWorld, conversationsWorld, type Message } from './support';

describe('conversations', () => {
  let w: ConversationsWorld;
  beforeAll(async () => {
    w = await conversationsWorld('10.81');
  });
  afterAll(() => w.close());

  const people = (conversation: Conversation) =>
    conversation.participants
      .map((participant) => `${participant.person.type}:${participant.person.id}`)
      .sort();
  const list = async (as: SignedIn, query = '') => {
    const response = await w.call(as, 'GET', `/api/v1/conversations${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { data: Conversation[]; meta: { next_cursor: string | null } };
  };
  const unreadOf = async (as: SignedIn, id: string) => (await w.read(as, id)).unread_count;
  /** What this module audited about an object (externals' requests are audited apart). */
  const auditActions = async (objectId: string) =>
    (
      await w.rows<{ action: string }>(
        sql`select action from audit_events
             where object_id = ${objectId} and action not like 'external.%' order by created_at, id`,
      )
    ).map((row) => row.action);

  it('lets a firm user start one with co-counsel: the caller takes part and the first message is posted', async () => {
    const response = await w.call(w.admin, 'POST', '/api/v1/conversations', {
      subject: 'Expert report',
      matter_id: w.sharedMatter.id,
      participants: [w.contact(w.coCounselContactId), w.user(w.attorney)],
      body: 'Can you send the draft by Friday?',
    });
    expect(response.statusCode, response.body).toBe(201);
    const conversation: Conversation = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/conversations/${conversation.id}`);
    expect(conversation).toMatchObject({
      subject: 'Expert report',
      matter_id: w.sharedMatter.id,
      unread_count: 0,
      created_by: { type: 'user', id: w.admin.membership.id, name: 'Avery Admin' },
    });
    expect(people(conversation)).toEqual(
      [
        `user:${w.admin.membership.id}`,
        `user:${w.attorney.membership.id}`,
        `contact:${w.coCounselContactId}`,
      ].sort(),
    );
    const messages = await w.call(w.coCounsel, 'GET', `/api/v1/conversations/${conversation.id}/messages`);
    expect(messages.statusCode, messages.body).toBe(200);
    expect(messages.json().data).toMatchObject([
      { body: 'Can you send the draft by Friday?', author: { type: 'user', id: w.admin.membership.id } },
    ]);
    expect(await auditActions(conversation.id)).toEqual(['conversation.created']);
    const [posted] = await w.rows<{ action: string; details: { conversation_id: string } }>(
      sql`select action, details from audit_events where object_id = ${messages.json().data[0].id}`,
    );
    expect(posted).toMatchObject({ action: 'message.posted', details: { conversation_id: conversation.id } });
  });

  it('refuses participants other than active firm users and co-counsel contacts, naming each path', async () => {
    const plainContact = await makeContact(w.db, w.firmId);
    const otherFirmCoCounsel = await makeContact(w.db, w.otherAdmin.membership.firm_id, {
      isCoCounsel: true,
    });
    const before = await w.rows(sql`select id from conversations`);
    const response = await w.call(w.admin, 'POST', '/api/v1/conversations', {
      subject: 'Bad people',
      participants: [
        w.contact(plainContact.id),
        w.user(w.otherAdmin),
        w.contact(otherFirmCoCounsel.id),
        w.user(w.coCounsel),
      ],
      body: 'Hello',
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(errorPaths(response).split(' ').sort()).toEqual([
      '/participants/1/id',
      '/participants/2/id',
      '/participants/3/id',
    ]);
    // A contact of the firm that is not co-counsel (a client, a witness) cannot take part either.
    const notCoCounsel = await w.call(w.admin, 'POST', '/api/v1/conversations', {
      subject: 'Bad people',
      participants: [w.contact(plainContact.id)],
      body: 'Hello',
    });
    expect(notCoCounsel.statusCode).toBe(422);
    expect(errorPaths(notCoCounsel)).toBe('/participants/0/id');
    const otherFirmMatter = await makeMatter(w.db, w.otherAdmin.membership.firm_id);
    const badMatter = await w.call(w.admin, 'POST', '/api/v1/conversations', {
      subject: 'Wrong matter',
      matter_id: otherFirmMatter.id,
      body: 'Hello',
    });
    expect(badMatter.statusCode).toBe(422);
    expect(errorPaths(badMatter)).toBe('/matter_id');
    const blank = await w.call(w.admin, 'POST', '/api/v1/conversations', { subject: ' ', body: 'Hello' });
    expect(blank.statusCode).toBe(400);
    expect(await w.rows(sql`select id from conversations`)).toEqual(before);
  });

  it("lets co-counsel start one about a shared matter, with the matter's attorney and whoever shared it", async () => {
    const conversation = await w.start(w.coCounsel, {
      subject: 'Question on the timeline',
      matter_id: w.sharedMatter.id,
      body: 'When is the hearing?',
    });
    expect(people(conversation)).toEqual(
      [
        `contact:${w.coCounselContactId}`,
        `user:${w.attorney.membership.id}`,
        `user:${w.admin.membership.id}`,
      ].sort(),
    );
    expect(conversation.created_by).toEqual({
      type: 'contact',
      id: w.coCounselContactId,
      name: 'Cora Counsel',
    });
    expect(conversation.unread_count).toBe(0);
    expect(await unreadOf(w.attorney, conversation.id)).toBe(1);

    // The attorney both answers for the matter and shared it: one participation.
    const ownShare = await makeMatter(w.db, w.firmId, { responsibleAttorneyId: w.attorney.membership.id });
    await w.db.insert(shares).values({
      firmId: w.firmId,
      contactId: w.coCounselContactId,
      resourceType: 'matter',
      matterId: ownShare.id,
      createdByMembershipId: w.attorney.membership.id,
    });
    const deduped = await w.start(w.coCounsel, { subject: 'Dedupe', matter_id: ownShare.id, body: 'Hi' });
    expect(people(deduped)).toEqual(
      [`contact:${w.coCounselContactId}`, `user:${w.attorney.membership.id}`].sort(),
    );
  });

  it('refuses co-counsel a conversation without a shared matter, or with participants of its choosing', async () => {
    const refused = async (payload: object, paths: string) => {
      const response = await w.call(w.coCounsel, 'POST', '/api/v1/conversations', payload);
      expect(response.statusCode, response.body).toBe(422);
      expect(errorPaths(response)).toBe(paths);
    };
    await refused({ subject: 'No matter', body: 'Hi' }, '/matter_id');
    await refused({ subject: 'Unshared', matter_id: w.unsharedMatter.id, body: 'Hi' }, '/matter_id');
    await refused(
      {
        subject: 'Picking people',
        matter_id: w.sharedMatter.id,
        participants: [w.user(w.staff)],
        body: 'Hi',
      },
      '/participants',
    );
  });

  it('lists every firm conversation to firm users and only their own to co-counsel, newest activity first', async () => {
    const matter = await makeMatter(w.db, w.firmId, { responsibleAttorneyId: w.attorney.membership.id });
    await w.db.insert(shares).values({
      firmId: w.firmId,
      contactId: w.coCounselContactId,
      resourceType: 'matter',
      matterId: matter.id,
      createdByMembershipId: w.admin.membership.id,
    });
    const withCoCounsel = await w.start(w.admin, {
      subject: 'With co-counsel',
      matter_id: matter.id,
      participants: [w.contact(w.coCounselContactId)],
      body: 'One',
    });
    const internal = await w.start(w.admin, {
      subject: 'Internal only',
      matter_id: matter.id,
      participants: [w.user(w.attorney)],
      body: 'Two',
    });
    const byMatter = `?matter_id=${matter.id}`;
    expect((await list(w.staff, byMatter)).data.map((c) => c.id)).toEqual([internal.id, withCoCounsel.id]);
    expect((await list(w.coCounsel, byMatter)).data.map((c) => c.id)).toEqual([withCoCounsel.id]);
    expect((await list(w.otherAdmin, byMatter)).data).toEqual([]);
    // Everything co-counsel is listed, it takes part in.
    const own = await w.rows<{ conversation_id: string }>(
      sql`select conversation_id from conversation_participants where contact_id = ${w.coCounselContactId}`,
    );
    const listed = (await list(w.coCounsel, '?limit=200')).data.map((c) => c.id);
    expect(listed.length).toBeGreaterThan(0);
    expect(own.map((row) => row.conversation_id)).toEqual(expect.arrayContaining(listed));
    expect(listed).not.toContain(internal.id);

    for (const url of [
      `/api/v1/conversations/${internal.id}`,
      `/api/v1/conversations/${internal.id}/messages`,
    ]) {
      expect((await w.call(w.coCounsel, 'GET', url)).statusCode).toBe(404);
      expect((await w.call(w.otherAdmin, 'GET', url)).statusCode).toBe(404);
    }
    const post = await w.call(w.coCounsel, 'POST', `/api/v1/conversations/${internal.id}/messages`, {
      body: 'x',
    });
    expect(post.statusCode).toBe(404);

    // A reply moves a conversation to the top; pages of one walk the same order.
    await w.post(w.coCounsel, withCoCounsel.id, { body: 'Reply' });
    expect((await list(w.staff, byMatter)).data.map((c) => c.id)).toEqual([withCoCounsel.id, internal.id]);
    const first = await list(w.staff, `${byMatter}&limit=1`);
    expect(first.data.map((c) => c.id)).toEqual([withCoCounsel.id]);
    const second = await list(w.staff, `${byMatter}&limit=1&cursor=${first.meta.next_cursor}`);
    expect(second.data.map((c) => c.id)).toEqual([internal.id]);
    expect(second.meta.next_cursor).toBeNull();

    expect((await w.call(w.staff, 'GET', '/api/v1/conversations?sort=subject')).statusCode).toBe(400);
    expect((await w.call(w.staff, 'GET', '/api/v1/conversations?cursor=bogus')).statusCode).toBe(400);
  });

  it("counts each participant's unread messages and marks them read", async () => {
    const conversation = await w.start(w.admin, {
      subject: 'Unread counts',
      matter_id: w.sharedMatter.id,
      participants: [w.user(w.attorney), w.contact(w.coCounselContactId)],
      body: 'First',
    });
    expect(await unreadOf(w.admin, conversation.id)).toBe(0);
    expect(await unreadOf(w.attorney, conversation.id)).toBe(1);
    expect(await unreadOf(w.coCounsel, conversation.id)).toBe(1);
    // Staff sees the firm's conversations but takes no part: nothing is unread for it.
    expect(await unreadOf(w.staff, conversation.id)).toBe(0);

    await w.post(w.coCounsel, conversation.id, { body: 'Second' });
    expect(await unreadOf(w.attorney, conversation.id)).toBe(2);
    expect(await unreadOf(w.admin, conversation.id)).toBe(1);
    expect(await unreadOf(w.coCounsel, conversation.id)).toBe(0);

    const unreadIds = async (as: SignedIn) =>
      (await list(as, `?unread=true&matter_id=${w.sharedMatter.id}&limit=200`)).data.map((c) => c.id);
    expect(await unreadIds(w.attorney)).toContain(conversation.id);
    const read = await w.call(w.attorney, 'POST', `/api/v1/conversations/${conversation.id}/read`);
    expect(read.statusCode, read.body).toBe(204);
    expect(await unreadOf(w.attorney, conversation.id)).toBe(0);
    expect(await unreadIds(w.attorney)).not.toContain(conversation.id);
    expect(await unreadOf(w.admin, conversation.id)).toBe(1);

    await w.post(w.admin, conversation.id, { body: 'Third' });
    expect(await unreadOf(w.attorney, conversation.id)).toBe(1);
    expect(await unreadOf(w.coCounsel, conversation.id)).toBe(1);

    const staffRead = await w.call(w.staff, 'POST', `/api/v1/conversations/${conversation.id}/read`);
    expect(staffRead.statusCode).toBe(204);
    expect(
      await w.rows(
        sql`select id from conversation_participants where membership_id = ${w.staff.membership.id}`,
      ),
    ).toEqual([]);
  });

  it('pages messages oldest first', async () => {
    const conversation = await w.start(w.admin, { subject: 'Paging', body: 'm1' });
    for (const body of ['m2', 'm3', 'm4', 'm5']) await w.post(w.admin, conversation.id, { body });
    const bodies: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await w.call(
        w.admin,
        'GET',
        `/api/v1/conversations/${conversation.id}/messages?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page: { data: Message[]; meta: { next_cursor: string | null } } = response.json();
      bodies.push(...page.data.map((message) => message.body));
      cursor = page.meta.next_cursor;
    } while (cursor);
    expect(bodies).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('lets firm users rename a conversation, and co-counsel not (403, nothing changes)', async () => {
    const conversation = await w.start(w.coCounsel, {
      subject: 'Old subject',
      matter_id: w.sharedMatter.id,
      body: 'Hi',
    });
    const refused = await w.call(w.coCounsel, 'PATCH', `/api/v1/conversations/${conversation.id}`, {
      subject: 'Mine now',
    });
    expect(refused.statusCode).toBe(403);
    const renamed = await w.call(w.staff, 'PATCH', `/api/v1/conversations/${conversation.id}`, {
      subject: 'New subject',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().data.subject).toBe('New subject');
    expect((await w.read(w.coCounsel, conversation.id)).subject).toBe('New subject');
    expect(await auditActions(conversation.id)).toEqual(['conversation.created', 'conversation.updated']);
  });

  it('lets a firm user who does not take part join by posting', async () => {
    const conversation = await w.start(w.admin, { subject: 'Join by posting', body: 'Anyone?' });
    const message = await w.post(w.staff, conversation.id, { body: 'Me' });
    expect(message.author).toEqual({ type: 'user', id: w.staff.membership.id, name: 'Sam Staff' });
    expect(people(await w.read(w.admin, conversation.id))).toContain(`user:${w.staff.membership.id}`);
    expect(await auditActions(conversation.id)).toEqual([
      'conversation.created',
      'conversation.participant_added',
    ]);
  });

  it('lets firm users add and remove participants; a removed external loses the conversation at once', async () => {
    const conversation = await w.start(w.admin, {
      subject: 'Participants',
      matter_id: w.sharedMatter.id,
      participants: [w.contact(w.coCounselContactId)],
      body: 'Hi',
    });
    const url = `/api/v1/conversations/${conversation.id}`;
    const added = await w.call(w.attorney, 'POST', `${url}/participants`, { person: w.user(w.staff) });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().data).toMatchObject({
      person: { type: 'user', id: w.staff.membership.id, name: 'Sam Staff' },
    });
    expect(
      (await w.call(w.attorney, 'POST', `${url}/participants`, { person: w.user(w.staff) })).statusCode,
    ).toBe(409);
    const plain = await makeContact(w.db, w.firmId);
    const notCoCounsel = await w.call(w.attorney, 'POST', `${url}/participants`, {
      person: w.contact(plain.id),
    });
    expect(notCoCounsel.statusCode).toBe(422);
    expect(errorPaths(notCoCounsel)).toBe('/person/id');

    const external = conversation.participants.find((p) => p.person.type === 'contact');
    if (!external) throw new Error('co-counsel participation missing');
    expect(
      (await w.call(w.coCounsel, 'POST', `${url}/participants`, { person: w.user(w.staff) })).statusCode,
    ).toBe(403);
    expect((await w.call(w.coCounsel, 'DELETE', `${url}/participants/${external.id}`)).statusCode).toBe(403);
    expect((await w.call(w.otherAdmin, 'DELETE', `${url}/participants/${external.id}`)).statusCode).toBe(404);

    const removed = await w.call(w.admin, 'DELETE', `${url}/participants/${external.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await w.call(w.coCounsel, 'GET', url)).statusCode).toBe(404);
    expect((await w.call(w.coCounsel, 'GET', `${url}/messages`)).statusCode).toBe(404);
    expect((await w.call(w.coCounsel, 'POST', `${url}/messages`, { body: 'Still here?' })).statusCode).toBe(
      404,
    );
    expect((await w.call(w.coCounsel, 'POST', `${url}/read`)).statusCode).toBe(404);
    expect((await list(w.coCounsel, '?limit=200')).data.map((c) => c.id)).not.toContain(conversation.id);
    expect((await w.call(w.admin, 'DELETE', `${url}/participants/${external.id}`)).statusCode).toBe(404);
    expect(await auditActions(conversation.id)).toEqual([
      'conversation.created',
      'conversation.participant_added',
      'conversation.participant_removed',
    ]);
  });

  it('prints a conversation as an escaped, script-free HTML page', async () => {
    const conversation = await w.start(w.admin, {
      subject: '<script>alert("subject")</script>',
      matter_id: w.sharedMatter.id,
      participants: [w.contact(w.coCounselContactId)],
      body: 'Line one\n<img src=x onerror="alert(1)"> & more',
    });
    await w.post(w.coCounsel, conversation.id, { body: "It's <b>bold</b>" });
    const response = await w.call(
      w.coCounsel,
      'GET',
      `/api/v1/conversations/${conversation.id}?format=print`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    const page = response.body;
    expect(page).not.toMatch(/<script|<img|<b>|onerror="/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;');
    expect(page).toContain('Line one\n&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more');
    expect(page).toContain('It&#39;s &lt;b&gt;bold&lt;/b&gt;');
    expect(page).toContain(w.sharedMatter.number);
    expect(page).toContain('Avery Admin');
    expect(page).toContain('Cora Counsel');

    expect(
      (await w.call(w.coCounsel, 'GET', `/api/v1/conversations/${conversation.id}?format=pdf`)).statusCode,
    ).toBe(400);
    const hidden = await w.call(w.otherAdmin, 'GET', `/api/v1/conversations/${conversation.id}?format=print`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
  });

  it('names the matter on the printable page only while the reader can see the matter', async () => {
    const matter = await makeMatter(w.db, w.firmId, { responsibleAttorneyId: w.attorney.membership.id });
    const [share] = await w.db
      .insert(shares)
      .values({
        firmId: w.firmId,
        contactId: w.coCounselContactId,
        resourceType: 'matter',
        matterId: matter.id,
        createdByMembershipId: w.admin.membership.id,
      })
      .returning();
    const conversation = await w.start(w.coCounsel, {
      subject: 'Before the share stops',
      matter_id: matter.id,
      body: 'Hi',
    });
    const print = async () =>
      (await w.call(w.coCounsel, 'GET', `/api/v1/conversations/${conversation.id}?format=print`)).body;
    expect(await print()).toContain(matter.number);
    await w.db.delete(shares).where(sql`id = ${share?.id}`);
    // It still takes part in the conversation, but the matter is no longer its to see.
    const page = await print();
    expect(page).toContain('Before the share stops');
    expect(page).not.toContain(matter.number);
    // Nor is it named in the answers: its id reads null to co-counsel, in the list and alone.
    const seen = async (as: SignedIn) => [
      (await list(as)).data.find((item) => item.id === conversation.id)?.matter_id,
      (await w.read(as, conversation.id)).matter_id,
    ];
    expect(await seen(w.coCounsel)).toEqual([null, null]);
    expect(await seen(w.admin)).toEqual([matter.id, matter.id]);
  });
});
