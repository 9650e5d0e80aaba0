import { sql } from 'drizzle-orm';
import { makeDocument, makeVersion } from '../../support/factories/documents';
import { makeMatter } from '../../support/factories/practice';
import { credentials, demoUsers, only, portalReaders, type RouteCase } from '../route-case';
import type { PrincipalKind, World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000d7';

/**
 * A stored PDF of each firm (made directly: uploads are not what these rows test), one in the
 * folder the world shares with co-counsel (with two versions), and one shared by itself.
 */
const fixtures = {
  demoDocumentId: UNKNOWN_ID,
  otherDocumentId: UNKNOWN_ID,
  sharedDocumentId: UNKNOWN_ID,
  aloneDocumentId: UNKNOWN_ID,
};

async function storedDocument(
  world: World,
  uploader: 'admin' | 'other_firm_admin',
  place?: { matterId: string; folderId: string },
): Promise<string> {
  const { db } = world.database;
  const membership = world.sessions[uploader]?.membership;
  if (!membership) throw new Error(`${uploader} is not signed in`);
  let where = place;
  if (!where) {
    const matter = await makeMatter(db, membership.firm_id);
    where = { matterId: matter.id, folderId: matter.rootFolderId };
  }
  const { document } = await makeDocument(db, {
    firmId: membership.firm_id,
    ...where,
    uploadedBy: membership.id,
    name: 'Matrix exhibit.pdf',
    bytes: '%PDF-1.7\n% access matrix\n',
    blobs: world.app.blobs,
  });
  return document.id;
}

async function setup(world: World): Promise<void> {
  fixtures.demoDocumentId = await storedDocument(world, 'admin');
  fixtures.otherDocumentId = await storedDocument(world, 'other_firm_admin');
  fixtures.sharedDocumentId = await storedDocument(world, 'admin', {
    matterId: world.shared.folderMatterId,
    folderId: world.shared.folderId,
  });
  // A second version, so an earlier one can be asked for (made current: the latest is).
  const { db } = world.database;
  const newer = await makeVersion(db, {
    firmId: world.firmIds.demo,
    documentId: fixtures.sharedDocumentId,
    uploadedBy: world.sessions.admin?.membership.id ?? '',
    bytes: '%PDF-1.7\n% access matrix, second version\n',
    blobs: world.app.blobs,
  });
  await db.execute(
    sql`update documents set current_version_id = ${newer.id} where id = ${fixtures.sharedDocumentId}`,
  );
  fixtures.aloneDocumentId = await storedDocument(world, 'admin');
  await world.share({ documentId: fixtures.aloneDocumentId });
}

const download = (
  documentId: (world: World) => string,
  query = '',
  headers: Record<string, string> = {},
) => ({
  request: (world: World, who: PrincipalKind) => ({
    method: 'GET' as const,
    url: `/api/v1/documents/${documentId(world)}/download${query}`,
    headers: { ...credentials(world, who), ...headers },
  }),
});

export const documentDownloadCases: RouteCase[] = [
  {
    route: 'GET /api/v1/documents/:id/download',
    label: "the demo firm's document",
    setup,
    ...download(() => fixtures.demoDocumentId),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: "the demo firm's document, shown in place",
    ...download(() => fixtures.demoDocumentId, '?disposition=inline'),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: "the other firm's document",
    ...download(() => fixtures.otherDocumentId),
    expect: only(['other_firm_admin', 'firm_user_elsewhere'], 200),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: 'a document in the shared folder',
    ...download(() => fixtures.sharedDocumentId),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: 'an earlier version of a document in the shared folder',
    ...download(() => fixtures.sharedDocumentId, '?version=1'),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: 'a byte range of a document in the shared folder',
    ...download(() => fixtures.sharedDocumentId, '', { range: 'bytes=0-7' }),
    expect: only([...demoUsers, 'co_counsel'], 206),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: 'a document shared by itself, shown in place',
    ...download(() => fixtures.aloneDocumentId, '?disposition=inline'),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: "a document shared into the world's portal by itself",
    ...download((world) => world.portal.documentId),
    expect: only([...demoUsers, ...portalReaders], 200),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: "a document in the folder shared into the world's portal",
    ...download((world) => world.portal.folderDocumentId),
    expect: only([...demoUsers, ...portalReaders], 200),
  },
  {
    route: 'GET /api/v1/documents/:id/download',
    label: "a document of the portal's matter, not shared into the portal",
    ...download((world) => world.portal.unsharedDocumentId),
    expect: only(demoUsers, 200),
  },
];
