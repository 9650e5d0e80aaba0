import { makeContact } from '../../support/factories/practice';
import { but, clientKinds, credentials, demoUsers, only, type RouteCase, signedIn } from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000c1';

/**
 * Demo-firm conversations on the world's shared matter:
 * - `withCoCounsel`: co_counsel takes part, and so does firm_user_elsewhere's demo co-counsel
 *   contact (that identity acts as the other firm's admin here, so it must still get 404);
 *   co_counsel_revoked took part and was removed;
 * - `internal`: the firm's users only, so co_counsel does not see it although it sees the matter;
 * - `forParticipants`: co_counsel takes part; the participant rows add and remove people here.
 */
const fixtures = {
  withCoCounsel: UNKNOWN_ID,
  internal: UNKNOWN_ID,
  forParticipants: UNKNOWN_ID,
  /** The admin's own participation in `forParticipants`: co-counsel's refused removal targets it. */
  kept: UNKNOWN_ID,
  toAdd: {} as Partial<Record<PrincipalKind, string>>,
  toRemove: {} as Partial<Record<PrincipalKind, string>>,
};

interface Created {
  id: string;
  participants: { id: string; person: { type: string; id: string } }[];
}

async function start(world: World, payload: object): Promise<Created> {
  const response = await world.app.inject({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: credentials(world, 'admin'),
    payload,
  });
  if (response.statusCode !== 201) throw new Error(`conversation: ${response.statusCode} ${response.body}`);
  return response.json().data;
}

async function removeParticipant(world: World, conversationId: string, participantId: string): Promise<void> {
  const response = await world.app.inject({
    method: 'DELETE',
    url: `/api/v1/conversations/${conversationId}/participants/${participantId}`,
    headers: credentials(world, 'admin'),
  });
  if (response.statusCode !== 204)
    throw new Error(`remove participant: ${response.statusCode} ${response.body}`);
}

async function setup(world: World): Promise<void> {
  const matterId = world.shared.matterId;
  const contact = (id: string) => ({ type: 'contact', id });
  const user = (kind: PrincipalKind) => ({
    type: 'user',
    id: world.sessions[kind]?.membership.id ?? UNKNOWN_ID,
  });

  const withCoCounsel = await start(world, {
    subject: 'Matrix conversation with co-counsel',
    matter_id: matterId,
    participants: [
      contact(world.contactIds.co_counsel),
      contact(world.contactIds.firm_user_elsewhere),
      contact(world.contactIds.co_counsel_revoked),
    ],
    body: 'Matrix message',
  });
  fixtures.withCoCounsel = withCoCounsel.id;
  const revoked = withCoCounsel.participants.find(
    (participant) => participant.person.id === world.contactIds.co_counsel_revoked,
  );
  await removeParticipant(world, withCoCounsel.id, revoked?.id ?? UNKNOWN_ID);

  fixtures.internal = (
    await start(world, {
      subject: 'Matrix firm-internal conversation',
      matter_id: matterId,
      participants: [user('attorney')],
      body: 'For the firm only',
    })
  ).id;

  const extraContact = await makeContact(world.database.db, world.firmIds.demo, { isCoCounsel: true });
  const forParticipants = await start(world, {
    subject: 'Matrix participants',
    matter_id: matterId,
    participants: [
      contact(world.contactIds.co_counsel),
      user('attorney'),
      user('staff'),
      contact(extraContact.id),
    ],
    body: 'Who is in',
  });
  fixtures.forParticipants = forParticipants.id;
  const participationOf = (personId: string) =>
    forParticipants.participants.find((participant) => participant.person.id === personId)?.id ?? UNKNOWN_ID;
  fixtures.kept = participationOf(world.sessions.admin?.membership.id ?? UNKNOWN_ID);
  fixtures.toRemove = {
    admin: participationOf(world.sessions.attorney?.membership.id ?? UNKNOWN_ID),
    attorney: participationOf(world.sessions.staff?.membership.id ?? UNKNOWN_ID),
    staff: participationOf(extraContact.id),
  };
  for (const kind of [...demoUsers, 'co_counsel'] as const) {
    fixtures.toAdd[kind] = (
      await makeContact(world.database.db, world.firmIds.demo, { isCoCounsel: true })
    ).id;
  }
}

const conversationUrl = (id: string) => `/api/v1/conversations/${id}`;

/**
 * The demo firm's users and the co-counsel taking part: `status` (co-counsel: its own); every other
 * signed-in kind — co-counsel unshared, removed or of the other firm, the other firm's users — 404.
 */
const participantsAnd = (status: number, coCounselStatus = status) => ({
  ...only(demoUsers, status),
  co_counsel: coCounselStatus,
});

export const conversationCases: RouteCase[] = [
  {
    route: 'GET /api/v1/conversations',
    setup,
    request: (world, who) => ({
      method: 'GET',
      url: '/api/v1/conversations',
      headers: credentials(world, who),
    }),
    // Every holder of the permission lists (its own firm's, or its own); clients hold none.
    expect: but(signedIn(200), clientKinds, 404),
  },
  {
    route: 'POST /api/v1/conversations',
    label: 'without a matter',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: credentials(world, who),
      payload: { subject: `Matrix conversation by ${who}`, body: 'Hello' },
    }),
    // Co-counsel must name a matter shared with it (422).
    expect: {
      ...only([...demoUsers, 'other_firm_admin', 'firm_user_elsewhere'], 201),
      co_counsel: 422,
      co_counsel_unshared: 422,
      co_counsel_revoked: 422,
      co_counsel_other_firm: 422,
    },
  },
  {
    route: 'POST /api/v1/conversations',
    label: "on the world's shared matter",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: credentials(world, who),
      payload: { subject: `Matrix conversation by ${who}`, matter_id: world.shared.matterId, body: 'Hello' },
    }),
    // A matter the caller cannot see is a reference to nothing (422), never a way to reach it.
    expect: {
      ...only([...demoUsers, 'co_counsel'], 201),
      co_counsel_unshared: 422,
      co_counsel_revoked: 422,
      co_counsel_other_firm: 422,
      other_firm_admin: 422,
      firm_user_elsewhere: 422,
    },
  },
  {
    route: 'GET /api/v1/conversations/:id',
    label: 'co-counsel takes part',
    request: (world, who) => ({
      method: 'GET',
      url: conversationUrl(fixtures.withCoCounsel),
      headers: credentials(world, who),
    }),
    expect: participantsAnd(200),
  },
  {
    route: 'GET /api/v1/conversations/:id',
    label: 'printable page',
    request: (world, who) => ({
      method: 'GET',
      url: `${conversationUrl(fixtures.withCoCounsel)}?format=print`,
      headers: credentials(world, who),
    }),
    expect: participantsAnd(200),
  },
  {
    route: 'GET /api/v1/conversations/:id',
    label: 'firm-internal, on a matter shared with co-counsel',
    request: (world, who) => ({
      method: 'GET',
      url: conversationUrl(fixtures.internal),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'PATCH /api/v1/conversations/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: conversationUrl(fixtures.withCoCounsel),
      headers: credentials(world, who),
      payload: { subject: `Renamed by ${who}` },
    }),
    expect: participantsAnd(200, 403),
  },
  {
    route: 'GET /api/v1/conversations/:id/messages',
    request: (world, who) => ({
      method: 'GET',
      url: `${conversationUrl(fixtures.withCoCounsel)}/messages`,
      headers: credentials(world, who),
    }),
    expect: participantsAnd(200),
  },
  {
    route: 'POST /api/v1/conversations/:id/messages',
    request: (world, who) => ({
      method: 'POST',
      url: `${conversationUrl(fixtures.withCoCounsel)}/messages`,
      headers: credentials(world, who),
      payload: { body: `Matrix reply by ${who}` },
    }),
    expect: participantsAnd(201),
  },
  {
    route: 'POST /api/v1/conversations/:id/read',
    request: (world, who) => ({
      method: 'POST',
      url: `${conversationUrl(fixtures.withCoCounsel)}/read`,
      headers: credentials(world, who),
    }),
    expect: participantsAnd(204),
  },
  {
    route: 'POST /api/v1/conversations/:id/participants',
    request: (world, who) => ({
      method: 'POST',
      url: `${conversationUrl(fixtures.forParticipants)}/participants`,
      headers: credentials(world, who),
      payload: { person: { type: 'contact', id: fixtures.toAdd[who] ?? UNKNOWN_ID } },
    }),
    expect: participantsAnd(201, 403),
  },
  {
    route: 'DELETE /api/v1/conversations/:id/participants/:participantId',
    request: (world, who) => ({
      method: 'DELETE',
      url: `${conversationUrl(fixtures.forParticipants)}/participants/${fixtures.toRemove[who] ?? fixtures.kept}`,
      headers: credentials(world, who),
    }),
    expect: participantsAnd(204, 403),
  },
];
