import { expect } from 'vitest';
import { makeMatter } from '../../support/factories/practice';
import { createThroughApi } from '../../support/factories/through-api';
import {
  clientKinds,
  credentials,
  demoUsers,
  only,
  otherFirmAdmins,
  portalReaders,
  type RouteCase,
} from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000f2';

/** Co-counsel that holds no live share of the demo firm's resources. */
const unsharedCoCounsel = ['co_counsel_unshared', 'co_counsel_revoked', 'co_counsel_other_firm'] as const;

/** What co-counsel without the share gets when it names a folder or matter to file into: 422. */
const refusedReference = Object.fromEntries(unsharedCoCounsel.map((kind) => [kind, 422]));

/**
 * A matter of each firm (made directly: not what these rows test) with their root folders, a
 * demo-firm folder every row reads or renames, one folder per firm user to delete, and a folder
 * inside the folder the world shares with co-counsel.
 */
const fixtures = {
  demoRootId: UNKNOWN_ID,
  otherRootId: UNKNOWN_ID,
  folderId: UNKNOWN_ID,
  sharedChildId: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
};

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  fixtures.demoRootId = (await makeMatter(db, world.firmIds.demo)).rootFolderId;
  fixtures.otherRootId = (await makeMatter(db, world.firmIds.other)).rootFolderId;
  const create = (name: string, parentId = fixtures.demoRootId) =>
    createThroughApi(world.app, credentials(world, 'admin'), '/api/v1/folders', {
      parent_id: parentId,
      name,
    });
  fixtures.folderId = await create('Matrix folder');
  fixtures.sharedChildId = await create('Matrix folder inside the shared one', world.shared.folderId);
  for (const kind of demoUsers) fixtures.toDelete[kind] = await create(`Matrix folder for ${kind} to delete`);
  // Co-counsel may see the folder inside its shared one, but never delete it.
  fixtures.toDelete.co_counsel = fixtures.sharedChildId;
}

/** Where each kind files into its "own" place: its firm's matter, or the folder shared with it. */
function ownParent(world: World, who: PrincipalKind): string {
  if ((otherFirmAdmins as readonly string[]).includes(who)) return fixtures.otherRootId;
  if (who.startsWith('co_counsel')) return world.shared.folderId;
  return fixtures.demoRootId;
}

const folderUrl = (id = fixtures.folderId) => `/api/v1/folders/${id}`;

export const folderCases: RouteCase[] = [
  {
    route: 'GET /api/v1/folders',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/folders', headers: credentials(world, who) }),
    // Clients list the folders shared into their portals (and those below), never the matter's others.
    expect: only([...demoUsers, ...otherFirmAdmins, 'co_counsel', ...unsharedCoCounsel, ...clientKinds], 200),
    check: (response, world, who) => {
      if (!(clientKinds as readonly string[]).includes(who)) return;
      const ids = (response.json().data as { id: string }[]).map((folder) => folder.id);
      if ((portalReaders as readonly string[]).includes(who)) expect(ids).toContain(world.portal.folderId);
      else expect(ids).not.toContain(world.portal.folderId);
      expect(ids).not.toContain(world.portal.rootFolderId);
      expect(ids).not.toContain(fixtures.folderId);
    },
  },
  {
    route: 'POST /api/v1/folders',
    label: "in the caller's own firm's matter; co-counsel: in the shared folder",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/folders',
      headers: credentials(world, who),
      payload: { parent_id: ownParent(world, who), name: `Matrix folder by ${who}` },
    }),
    expect: { ...only([...demoUsers, ...otherFirmAdmins, 'co_counsel'], 201), ...refusedReference },
  },
  {
    route: 'POST /api/v1/folders',
    label: "in the shared matter's root folder",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/folders',
      headers: credentials(world, who),
      payload: { parent_id: world.shared.matterRootFolderId, name: `Matrix root folder by ${who}` },
    }),
    expect: {
      ...only([...demoUsers, 'co_counsel'], 201),
      ...refusedReference,
      other_firm_admin: 422,
      firm_user_elsewhere: 422,
    },
  },
  {
    route: 'GET /api/v1/folders/:id',
    request: (world, who) => ({ method: 'GET', url: folderUrl(), headers: credentials(world, who) }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/folders/:id',
    label: 'the shared folder',
    request: (world, who) => ({
      method: 'GET',
      url: folderUrl(world.shared.folderId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/folders/:id',
    label: 'a folder inside the shared folder',
    request: (world, who) => ({
      method: 'GET',
      url: folderUrl(fixtures.sharedChildId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/folders/:id',
    label: "shared into the world's portal",
    request: (world, who) => ({
      method: 'GET',
      url: folderUrl(world.portal.folderId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, ...portalReaders], 200),
  },
  {
    route: 'GET /api/v1/folders/:id',
    label: "the root folder of the portal's matter (not shared into it)",
    request: (world, who) => ({
      method: 'GET',
      url: folderUrl(world.portal.rootFolderId),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'PATCH /api/v1/folders/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: folderUrl(),
      headers: credentials(world, who),
      payload: { name: `Renamed by ${who}` },
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'PATCH /api/v1/folders/:id',
    label: 'a folder inside the shared folder',
    request: (world, who) => ({
      method: 'PATCH',
      url: folderUrl(fixtures.sharedChildId),
      headers: credentials(world, who),
      payload: { name: `Shared child renamed by ${who}` },
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'DELETE /api/v1/folders/:id',
    label: 'co-counsel: a folder inside the shared folder',
    request: (world, who) => ({
      method: 'DELETE',
      url: `${folderUrl(fixtures.toDelete[who])}?recursive=true`,
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 204), co_counsel: 403 },
  },
];
