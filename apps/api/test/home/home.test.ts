import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationParticipants, conversations, messages } from '../../src/db/schema/conversations';
import { folders } from '../../src/db/schema/documents';
import { identities } from '../../src/db/schema/identities';
import { memberships } from '../../src/db/schema/memberships';
import { shares } from '../../src/db/schema/shares';
import { hashPassword } from '../../src/lib/password';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { apiCalls } from '../support/api-calls';
import { makeDocument } from '../support/factories/documents';
import { makeContact, makeMatter } from '../support/factories/practice';
import { type SignedIn, sessionFrom, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

interface Section<T> {
  count: number;
  items: T[];
}
interface Home {
  view: 'external' | 'firm';
  shared_matters?: Section<{ id: string; description: string }>;
  recent_documents?: Section<{ id: string; name: string; matter_id: string | null }>;
  external_uploads?: Section<{ id: string; name: string; uploaded_by: { id: string; name: string } }>;
  upcoming_events: Section<{ id: string; title: string; matter_id: string | null }>;
  open_tasks: Section<{ id: string; name: string; due_date: string | null; matter_id: string | null }>;
  unread_conversations: Section<{
    id: string;
    subject: string;
    unread_count: number;
    matter_id: string | null;
  }> & {
    unread_messages: number;
  };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('GET /api/v1/home', () => {
  let t: TestApp;
  let admin: SignedIn;
  let attorney: SignedIn;
  let staff: SignedIn;
  let coCounsel: SignedIn;
  let client: SignedIn;
  let otherAdmin: SignedIn;
  let firmId: string;
  let coCounselContactId: string;
  let otherCoCounselContactId: string;
  /** Shared with co-counsel; unshared (but a folder of it shared); a matter it only has a task on. */
  let sharedMatter: Awaited<ReturnType<typeof makeMatter>>;
  let unsharedMatter: Awaited<ReturnType<typeof makeMatter>>;
  let sharedFolderId: string;

  const { nextIp, call, rows } = apiCalls(() => t, '10.93');
  const home = async (session: SignedIn): Promise<Home> => {
    const response = await call(session, 'GET', '/api/v1/home');
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data;
  };
  const names = <T extends { name?: string; title?: string; subject?: string; description?: string }>(
    section: Section<T> | undefined,
  ) => (section?.items ?? []).map((item) => item.name ?? item.title ?? item.subject ?? item.description);
  const create = async (session: SignedIn, url: string, payload: object): Promise<string> => {
    const response = await call(session, 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id;
  };
  const share = async (resource: { matterId: string } | { folderId: string } | { documentId: string }) => {
    const [row] = await t.database.db
      .insert(shares)
      .values({
        firmId,
        contactId: coCounselContactId,
        createdByMembershipId: admin.membership.id,
        ...('matterId' in resource
          ? { resourceType: 'matter' as const, matterId: resource.matterId }
          : 'folderId' in resource
            ? { resourceType: 'folder' as const, folderId: resource.folderId }
            : { resourceType: 'document' as const, documentId: resource.documentId }),
      })
      .returning();
    return row?.id ?? '';
  };
  /** Stopping a share deletes its row. */
  const revoke = (shareId: string) => t.database.db.delete(shares).where(eq(shares.id, shareId));
  const event = (
    title: string,
    startsAt: string,
    endsAt: string,
    matterId: string | null,
    attendees: object[],
  ) =>
    create(attorney, '/api/v1/calendar_entries', {
      title,
      starts_at: startsAt,
      ends_at: endsAt,
      time_zone: 'America/New_York',
      matter_id: matterId,
      attendees,
    });
  const document = async (name: string, folderId: string, matterId: string, uploadedBy: string) =>
    (await makeDocument(t.database.db, { firmId, matterId, folderId, uploadedBy, name })).document.id;
  /** A conversation with messages `[author membership, hours ago]`, read by each participant up to a time. */
  const conversation = async (
    subject: string,
    matterId: string | null,
    thread: [string, number][],
    participants: ({ membershipId: string } | { contactId: string })[],
    lastReadAt: (participant: object) => Date | null = () => null,
  ) => {
    const db = t.database.db;
    const newest = Math.min(...thread.map(([, hoursAgo]) => hoursAgo));
    const [row] = await db
      .insert(conversations)
      .values({
        firmId,
        subject,
        matterId,
        createdByMembershipId: attorney.membership.id,
        lastMessageAt: new Date(Date.now() - newest * HOUR_MS),
      })
      .returning();
    const conversationId = row?.id ?? '';
    await db.insert(messages).values(
      thread.map(([author, hoursAgo]) => ({
        firmId,
        conversationId,
        authorMembershipId: author,
        body: `Message from ${hoursAgo} hours ago`,
        createdAt: new Date(Date.now() - hoursAgo * HOUR_MS),
      })),
    );
    await db.insert(conversationParticipants).values(
      participants.map((participant) => ({
        firmId,
        conversationId,
        ...participant,
        lastReadAt: lastReadAt(participant),
      })),
    );
    return conversationId;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
    attorney = await signIn(t.app, 'attorney@demo-firm.test', { ip: nextIp() });
    staff = await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() });
    coCounsel = await signIn(t.app, 'cocounsel@outside-counsel.test', { ip: nextIp() });
    client = await signIn(t.app, 'client@client.test', { ip: nextIp() });
    otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
    firmId = admin.membership.firm_id;
    const [cocounselRow] = await rows<{ contact_id: string }>(
      sql`select contact_id from memberships where id = ${coCounsel.membership.id}`,
    );
    coCounselContactId = cocounselRow?.contact_id ?? '';
    otherCoCounselContactId = (await makeContact(t.database.db, firmId, { isCoCounsel: true })).id;

    const db = t.database.db;
    sharedMatter = await makeMatter(db, firmId, { description: 'Shared lawsuit' });
    unsharedMatter = await makeMatter(db, firmId, { description: 'Unshared lawsuit' });
    await makeMatter(db, firmId, { description: 'Another unshared matter' });
    await share({ matterId: sharedMatter.id });
    const [folder] = await db
      .insert(folders)
      .values({
        firmId,
        matterId: unsharedMatter.id,
        parentId: unsharedMatter.rootFolderId,
        name: 'For co-counsel',
      })
      .returning();
    sharedFolderId = folder?.id ?? '';
    await share({ folderId: sharedFolderId });

    await document('In the shared folder.pdf', sharedFolderId, unsharedMatter.id, attorney.membership.id);
    await document(
      'Beside the shared folder.pdf',
      unsharedMatter.rootFolderId,
      unsharedMatter.id,
      attorney.membership.id,
    );
    // A matter share shows the matter, not its documents.
    await document(
      'In the shared matter.pdf',
      sharedMatter.rootFolderId,
      sharedMatter.id,
      attorney.membership.id,
    );
    await document(
      'Uploaded by co-counsel.pdf',
      sharedMatter.rootFolderId,
      sharedMatter.id,
      coCounsel.membership.id,
    );

    const cora = { type: 'contact', id: coCounselContactId };
    const ari = { type: 'user', id: attorney.membership.id };
    await event('Deposition', inHours(48), inHours(50), sharedMatter.id, [ari, cora]);
    await event('Site visit', inHours(24), inHours(26), unsharedMatter.id, [cora]);
    await event('Call in progress', inHours(-1), inHours(1), null, [cora]);
    await event('Last week’s hearing', inHours(-170), inHours(-168), sharedMatter.id, [ari, cora]);
    await event('Internal review', inHours(5), inHours(6), sharedMatter.id, [ari]);

    await create(attorney, '/api/v1/tasks', {
      name: 'Review production',
      matter_id: sharedMatter.id,
      due_date: inDays(5),
      assignee: cora,
    });
    await create(attorney, '/api/v1/tasks', {
      name: 'Undated research',
      matter_id: unsharedMatter.id,
      assignee: cora,
    });
    const done = await create(attorney, '/api/v1/tasks', {
      name: 'Finished memo',
      due_date: inDays(1),
      assignee: cora,
    });
    expect((await call(attorney, 'POST', `/api/v1/tasks/${done}/complete`)).statusCode).toBe(200);
    await create(attorney, '/api/v1/tasks', { name: 'Draft motion', due_date: inDays(2), assignee: ari });
    await create(attorney, '/api/v1/tasks', {
      name: 'Someone else’s review',
      due_date: inDays(1),
      assignee: { type: 'contact', id: otherCoCounselContactId },
    });

    const me = { contactId: coCounselContactId };
    const ariAsParticipant = { membershipId: attorney.membership.id };
    const cor = coCounsel.membership.id;
    const att = attorney.membership.id;
    await conversation(
      'Deposition outline',
      sharedMatter.id,
      [
        [att, 30],
        [cor, 20],
        [att, 10],
        [att, 2],
      ],
      [ariAsParticipant, me],
    );
    await conversation('About the site visit', unsharedMatter.id, [[att, 5]], [ariAsParticipant, me]);
    await conversation(
      'Firm only',
      sharedMatter.id,
      [[att, 4]],
      [ariAsParticipant, { membershipId: admin.membership.id }],
    );
    // Read to the end by everyone: nothing unread.
    await conversation(
      'All caught up',
      null,
      [
        [att, 6],
        [cor, 5],
      ],
      [ariAsParticipant, me],
      () => new Date(),
    );
  });
  afterAll(() => t.close());

  it('answers 401 without a session', async () => {
    const response = await call(null, 'GET', '/api/v1/home');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('shows co-counsel exactly what is shared with it, its events, tasks and unread conversations', async () => {
    const overview = await home(coCounsel);
    expect(overview.view).toBe('external');
    expect(overview.shared_matters).toEqual({
      count: 1,
      items: [
        expect.objectContaining({ id: sharedMatter.id, description: 'Shared lawsuit', status: 'open' }),
      ],
    });
    expect(overview.recent_documents?.count).toBe(2);
    expect(names(overview.recent_documents).sort()).toEqual([
      'In the shared folder.pdf',
      'Uploaded by co-counsel.pdf',
    ]);
    const inFolder = overview.recent_documents?.items.find(
      (item) => item.name === 'In the shared folder.pdf',
    );
    // Its matter is not shared: the document is listed, its matter is not named.
    expect(inFolder?.matter_id).toBeNull();

    expect(overview.upcoming_events.count).toBe(3);
    expect(names(overview.upcoming_events)).toEqual(['Call in progress', 'Site visit', 'Deposition']);
    expect(overview.upcoming_events.items.map((item) => item.matter_id)).toEqual([
      null,
      null,
      sharedMatter.id,
    ]);

    expect(overview.open_tasks).toEqual({
      count: 2,
      items: [
        expect.objectContaining({
          name: 'Review production',
          due_date: inDays(5),
          matter_id: sharedMatter.id,
        }),
        expect.objectContaining({ name: 'Undated research', due_date: null, matter_id: null }),
      ],
    });

    expect(overview.unread_conversations).toEqual({
      count: 2,
      unread_messages: 4,
      items: [
        // Its own message between the attorney's does not count.
        expect.objectContaining({
          subject: 'Deposition outline',
          unread_count: 3,
          matter_id: sharedMatter.id,
        }),
        expect.objectContaining({ subject: 'About the site visit', unread_count: 1, matter_id: null }),
      ],
    });
  });

  it('forgets a matter and a folder on the very next request once their shares stop', async () => {
    const extra = await makeMatter(t.database.db, firmId, { description: 'Briefly shared' });
    const [folder] = await t.database.db
      .insert(folders)
      .values({ firmId, matterId: extra.id, parentId: extra.rootFolderId, name: 'Briefly shared folder' })
      .returning();
    await document('Briefly visible.pdf', folder?.id ?? '', extra.id, attorney.membership.id);
    const matterShare = await share({ matterId: extra.id });
    const folderShare = await share({ folderId: folder?.id ?? '' });
    const shared = await home(coCounsel);
    expect(names(shared.shared_matters)).toContain('Briefly shared');
    expect(shared.shared_matters?.count).toBe(2);
    expect(shared.recent_documents?.items[0]).toEqual(
      expect.objectContaining({ name: 'Briefly visible.pdf', matter_id: extra.id }),
    );

    await revoke(matterShare);
    const folderOnly = await home(coCounsel);
    expect(names(folderOnly.shared_matters)).not.toContain('Briefly shared');
    // Still visible through the folder share, but its matter is no longer named.
    expect(folderOnly.recent_documents?.items[0]).toEqual(
      expect.objectContaining({ name: 'Briefly visible.pdf', matter_id: null }),
    );

    await revoke(folderShare);
    const revoked = await home(coCounsel);
    expect(revoked.shared_matters?.count).toBe(1);
    expect(names(revoked.recent_documents)).not.toContain('Briefly visible.pdf');
    expect(revoked.recent_documents?.count).toBe(2);
  });

  it('names no matter of an event or task once the matter stops being shared', async () => {
    const [row] = await rows<{ id: string }>(
      sql`select id from shares where matter_id = ${sharedMatter.id} and contact_id = ${coCounselContactId}`,
    );
    await revoke(row?.id ?? '');
    try {
      const overview = await home(coCounsel);
      expect(overview.shared_matters?.count).toBe(0);
      // Events it attends and tasks assigned to it stay, as the contract says; their matter is hidden.
      expect(names(overview.upcoming_events)).toContain('Deposition');
      for (const section of [overview.upcoming_events, overview.open_tasks, overview.unread_conversations]) {
        expect(section.items.map((item) => item.matter_id)).toEqual(section.items.map(() => null));
      }
    } finally {
      await share({ matterId: sharedMatter.id });
    }
  });

  it('counts a conversation as read once the participant has read past its messages', async () => {
    const id = await conversation(
      'Read later',
      null,
      [[attorney.membership.id, 1]],
      [{ membershipId: attorney.membership.id }, { contactId: coCounselContactId }],
    );
    expect(names((await home(coCounsel)).unread_conversations)).toContain('Read later');
    await t.database.db
      .update(conversationParticipants)
      .set({ lastReadAt: new Date() })
      .where(eq(conversationParticipants.conversationId, id));
    const overview = await home(coCounsel);
    expect(names(overview.unread_conversations)).not.toContain('Read later');
    expect(overview.unread_conversations.unread_messages).toBe(4);
  });

  it('shows a firm user its own events, tasks and unread conversations, and uploads by externals', async () => {
    const overview = await home(attorney);
    expect(overview.view).toBe('firm');
    expect(overview).not.toHaveProperty('shared_matters');
    expect(overview.upcoming_events.count).toBe(2);
    expect(names(overview.upcoming_events)).toEqual(['Internal review', 'Deposition']);
    expect(names(overview.open_tasks)).toEqual(['Draft motion']);
    expect(overview.unread_conversations).toEqual({
      count: 1,
      unread_messages: 1,
      items: [
        expect.objectContaining({
          subject: 'Deposition outline',
          unread_count: 1,
          matter_id: sharedMatter.id,
        }),
      ],
    });
    expect(overview.external_uploads).toEqual({
      count: 1,
      items: [
        expect.objectContaining({
          name: 'Uploaded by co-counsel.pdf',
          matter_id: sharedMatter.id,
          uploaded_by: { type: 'contact', id: coCounselContactId, name: 'Cora Counsel' },
        }),
      ],
    });

    // Another firm user sees its own: the admin takes part only in "Firm only", never read.
    const forAdmin = await home(admin);
    expect(forAdmin.upcoming_events.count).toBe(0);
    expect(forAdmin.open_tasks.count).toBe(0);
    expect(names(forAdmin.unread_conversations)).toEqual(['Firm only']);
    expect(forAdmin.external_uploads?.count).toBe(1);
  });

  it('lists at most five items per section, the most relevant first, and counts them all', async () => {
    const staffRef = { type: 'user', id: staff.membership.id };
    for (const days of [9, 3, 7, 1, 5, 2]) {
      await create(admin, '/api/v1/tasks', {
        name: `Due in ${days} days`,
        due_date: inDays(days),
        assignee: staffRef,
      });
    }
    await create(admin, '/api/v1/tasks', { name: 'No due date', assignee: staffRef });
    const overview = await home(staff);
    expect(overview.open_tasks.count).toBe(7);
    expect(names(overview.open_tasks)).toEqual([
      'Due in 1 days',
      'Due in 2 days',
      'Due in 3 days',
      'Due in 5 days',
      'Due in 7 days',
    ]);
  });

  it('shows an identity acting as another firm’s admin nothing of what this firm shares with it', async () => {
    const db = t.database.db;
    const [person] = await db
      .insert(identities)
      .values({
        email: 'dual@outside-counsel.test',
        name: 'Dana Dual',
        passwordHash: await hashPassword(DEMO_PASSWORD),
      })
      .returning();
    const contact = await makeContact(db, firmId, { name: 'Dana Dual', isCoCounsel: true });
    const [asCoCounsel, asAdmin] = await db
      .insert(memberships)
      .values([
        { firmId, identityId: person?.id ?? '', role: 'co_counsel', contactId: contact.id },
        { firmId: otherAdmin.membership.firm_id, identityId: person?.id ?? '', role: 'admin' },
      ])
      .returning();
    await db.insert(shares).values({
      firmId,
      contactId: contact.id,
      resourceType: 'matter',
      matterId: sharedMatter.id,
      createdByMembershipId: admin.membership.id,
    });
    // Switching ends the session it came from, so each switch starts from the previous one.
    const switchTo = async (from: SignedIn, membershipId: string) => {
      const switched = await call(
        from,
        'POST',
        '/api/v1/auth/switch',
        { membership_id: membershipId },
        {
          cookie: from.cookie,
        },
      );
      expect(switched.statusCode, switched.body).toBe(200);
      return sessionFrom(switched);
    };
    const signedIn = await signIn(t.app, 'dual@outside-counsel.test', { ip: nextIp() });
    const asAdminSession = await switchTo(signedIn, asAdmin?.id ?? '');
    const elsewhere = await home(asAdminSession);
    expect(elsewhere.view).toBe('firm');
    expect(JSON.stringify(elsewhere)).not.toContain(sharedMatter.id);
    expect(elsewhere.external_uploads?.count).toBe(0);
    const here = await home(await switchTo(asAdminSession, asCoCounsel?.id ?? ''));
    expect(names(here.shared_matters)).toEqual(['Shared lawsuit']);
  });

  it('gives a client in no portal the external view with every section empty, and another firm nothing of this one', async () => {
    expect(await home(client)).toEqual({
      view: 'external',
      shared_matters: { count: 0, items: [] },
      recent_documents: { count: 0, items: [] },
      upcoming_events: { count: 0, items: [] },
      open_tasks: { count: 0, items: [] },
      unread_conversations: { count: 0, unread_messages: 0, items: [] },
      portals: { count: 0, items: [] },
    });
    expect(await home(otherAdmin)).toEqual({
      view: 'firm',
      upcoming_events: { count: 0, items: [] },
      open_tasks: { count: 0, items: [] },
      unread_conversations: { count: 0, unread_messages: 0, items: [] },
      portals: { count: 0, items: [] },
      external_uploads: { count: 0, items: [] },
    });
  });
});
