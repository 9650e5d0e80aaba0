import { makeMatter } from '../../support/factories/practice';
import { createThroughApi } from '../../support/factories/through-api';
import {
  but,
  coCounselKinds,
  credentials,
  demoUsers,
  firmOf,
  firmUsers,
  only,
  type RouteCase,
} from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000f1';

/**
 * Matters of both firms (made directly: they are not what these rows test; the demo one shared
 * with co-counsel, who reads its notes but may not change them), a demo-firm note every row reads
 * or edits, and one note per allowed kind to delete.
 */
const fixtures = {
  demoMatterId: UNKNOWN_ID,
  otherMatterId: UNKNOWN_ID,
  noteId: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  fixtures.demoMatterId = (await makeMatter(db, world.firmIds.demo)).id;
  await world.share({ matterId: fixtures.demoMatterId });
  fixtures.otherMatterId = (await makeMatter(db, world.firmIds.other)).id;
  const create = (subject: string) =>
    createThroughApi(world.app, credentials(world, 'admin'), '/api/v1/notes', {
      matter_id: fixtures.demoMatterId,
      subject,
    });
  fixtures.noteId = await create('Matrix note');
  for (const kind of demoUsers) fixtures.toDelete[kind] = await create(`Matrix note for ${kind} to delete`);
}

const noteUrl = () => `/api/v1/notes/${fixtures.noteId}`;

export const noteCases: RouteCase[] = [
  {
    route: 'GET /api/v1/notes',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/notes', headers: credentials(world, who) }),
    expect: only([...firmUsers, ...coCounselKinds], 200),
  },
  {
    route: 'POST /api/v1/notes',
    label: "on the caller's own firm's matter",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/notes',
      headers: credentials(world, who),
      payload: {
        matter_id: firmOf(who) === 'other' ? fixtures.otherMatterId : fixtures.demoMatterId,
        subject: `Matrix note by ${who}`,
      },
    }),
    // Co-counsel read notes but never write them: refused before the matter is even looked up.
    expect: but(only(firmUsers, 201), coCounselKinds, 403),
  },
  {
    route: 'GET /api/v1/notes/:id',
    request: (world, who) => ({ method: 'GET', url: noteUrl(), headers: credentials(world, who) }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'PATCH /api/v1/notes/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: noteUrl(),
      headers: credentials(world, who),
      payload: { body: `Edited by ${who}` },
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'DELETE /api/v1/notes/:id',
    request: (world, who) => ({
      method: 'DELETE',
      url: `/api/v1/notes/${fixtures.toDelete[who] ?? fixtures.noteId}`,
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 204), co_counsel: 403 },
  },
];
