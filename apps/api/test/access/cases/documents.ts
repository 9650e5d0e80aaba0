import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { makeMatter } from '../../support/factories/practice';
import { multipartForm } from '../../support/multipart';
import {
  clientKinds,
  credentials,
  demoUsers,
  everyone,
  only,
  otherFirmAdmins,
  portalReaders,
  type RouteCase,
} from '../route-case';
import { nextIp, type PrincipalKind, principalKinds, type World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000d9';

/** Co-counsel that holds no live share of the demo firm's resources. */
const unsharedCoCounsel = ['co_counsel_unshared', 'co_counsel_revoked', 'co_counsel_other_firm'] as const;

/** What co-counsel without the share gets when it names a folder or matter to upload to: 422. */
const refusedReference = Object.fromEntries(unsharedCoCounsel.map((kind) => [kind, 422]));

const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Title (Matrix) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PDF_SHA256 = createHash('sha256').update(PDF).digest('hex');

/**
 * A matter of each firm (made directly: not what these rows test), a demo-firm document every
 * row reads or edits, per firm user a document to delete and a deleted one to restore, documents
 * co-counsel sees (in the shared folder, shared by itself, and a deleted one in the shared folder),
 * and direct uploads: one per kind for the signed link, one per uploader (bytes sent) to confirm.
 */
const fixtures = {
  demoRootId: UNKNOWN_ID,
  otherRootId: UNKNOWN_ID,
  documentId: UNKNOWN_ID,
  sharedDocumentId: UNKNOWN_ID,
  aloneDocumentId: UNKNOWN_ID,
  toDelete: {} as Partial<Record<PrincipalKind, string>>,
  toRestore: {} as Partial<Record<PrincipalKind, string>>,
  links: {} as Partial<Record<PrincipalKind, string>>,
  toConfirm: {} as Partial<Record<PrincipalKind, string>>,
};

/** Where each kind uploads to its "own" place: its firm's matter, or the folder shared with it. */
function ownFolder(world: World, who: PrincipalKind): string {
  if ((otherFirmAdmins as readonly string[]).includes(who)) return fixtures.otherRootId;
  if (who.startsWith('co_counsel')) return world.shared.folderId;
  return fixtures.demoRootId;
}

function uploadRequest(
  world: World,
  who: PrincipalKind,
  target: { folder_id: string } | { matter_id: string } | { url: string },
): InjectOptions {
  const form = multipartForm([
    ...('url' in target ? [] : Object.entries(target).map(([name, data]) => ({ name, data }))),
    { name: 'file', filename: `By ${who}.pdf`, contentType: 'application/pdf', data: PDF },
  ]);
  return {
    method: 'POST',
    url: 'url' in target ? target.url : '/api/v1/documents',
    headers: { ...credentials(world, who), ...form.headers },
    payload: form.payload,
    remoteAddress: nextIp(),
  };
}

async function uploaded(world: World, who: PrincipalKind, folderId = fixtures.demoRootId): Promise<string> {
  const response = await world.app.inject(uploadRequest(world, who, { folder_id: folderId }));
  if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json().data[0].id;
}

async function deleted(world: World, documentId: string): Promise<string> {
  await world.app.inject({
    method: 'DELETE',
    url: `/api/v1/documents/${documentId}`,
    headers: credentials(world, 'admin'),
  });
  return documentId;
}

/** Starts a direct upload as `who`; answers its id and the path of its signed link. */
async function directUpload(
  world: World,
  who: PrincipalKind,
  folderId = fixtures.demoRootId,
): Promise<{ id: string; link: string }> {
  const response = await world.app.inject({
    method: 'POST',
    url: '/api/v1/documents/uploads',
    headers: credentials(world, who),
    payload: {
      folder_id: folderId,
      name: `Direct by ${who}.pdf`,
      size: PDF.length,
      sha256: PDF_SHA256,
      content_type: 'application/pdf',
    },
  });
  if (response.statusCode !== 201) throw new Error(`direct upload: ${response.statusCode} ${response.body}`);
  const { id, url } = response.json().data as { id: string; url: string };
  const link = new URL(url);
  return { id, link: `${link.pathname}${link.search}` };
}

/** A direct upload as `who` whose bytes were sent: ready to confirm. */
async function readyToConfirm(world: World, who: PrincipalKind, folderId?: string): Promise<string> {
  const upload = await directUpload(world, who, folderId);
  await world.app.inject({ method: 'PUT', url: upload.link, payload: PDF });
  return upload.id;
}

async function setup(world: World): Promise<void> {
  const { db } = world.database;
  fixtures.demoRootId = (await makeMatter(db, world.firmIds.demo)).rootFolderId;
  fixtures.otherRootId = (await makeMatter(db, world.firmIds.other)).rootFolderId;
  fixtures.documentId = await uploaded(world, 'admin');
  fixtures.sharedDocumentId = await uploaded(world, 'admin', world.shared.folderId);
  fixtures.aloneDocumentId = await uploaded(world, 'admin');
  await world.share({ documentId: fixtures.aloneDocumentId });
  for (const kind of demoUsers) {
    fixtures.toDelete[kind] = await uploaded(world, 'admin');
    fixtures.toRestore[kind] = await deleted(world, await uploaded(world, 'admin'));
    fixtures.toConfirm[kind] = await readyToConfirm(world, kind);
  }
  // Co-counsel sees the shared folder's documents but deletes none, and a deleted one is gone for it.
  fixtures.toDelete.co_counsel = fixtures.sharedDocumentId;
  fixtures.toRestore.co_counsel = await deleted(world, await uploaded(world, 'admin', world.shared.folderId));
  fixtures.toConfirm.co_counsel = await readyToConfirm(world, 'co_counsel', world.shared.folderId);
  for (const kind of principalKinds) fixtures.links[kind] = (await directUpload(world, 'admin')).link;
}

const documentUrl = (suffix = '', id = fixtures.documentId) => `/api/v1/documents/${id}${suffix}`;
const sharedUrl = (suffix = '') => documentUrl(suffix, fixtures.sharedDocumentId);

export const documentCases: RouteCase[] = [
  {
    route: 'GET /api/v1/documents',
    setup,
    request: (world, who) => ({ method: 'GET', url: '/api/v1/documents', headers: credentials(world, who) }),
    // Clients list the documents of their portals only: shared into them, alone or in a folder.
    expect: only([...demoUsers, ...otherFirmAdmins, 'co_counsel', ...unsharedCoCounsel, ...clientKinds], 200),
    check: (response, world, who) => {
      if (!(clientKinds as readonly string[]).includes(who)) return;
      const ids = (response.json().data as { id: string }[]).map((document) => document.id);
      const shared = [world.portal.folderDocumentId, world.portal.documentId];
      if ((portalReaders as readonly string[]).includes(who))
        expect(ids).toEqual(expect.arrayContaining(shared));
      else for (const id of shared) expect(ids).not.toContain(id);
      expect(ids).not.toContain(world.portal.unsharedDocumentId);
      expect(ids).not.toContain(fixtures.documentId);
    },
  },
  {
    route: 'POST /api/v1/documents',
    label: "into the caller's own firm's folder; co-counsel: into the shared folder",
    request: (world, who) => uploadRequest(world, who, { folder_id: ownFolder(world, who) }),
    expect: { ...only([...demoUsers, ...otherFirmAdmins, 'co_counsel'], 201), ...refusedReference },
  },
  {
    route: 'POST /api/v1/documents',
    label: 'into the shared matter (matter_id)',
    request: (world, who) => uploadRequest(world, who, { matter_id: world.shared.matterId }),
    expect: {
      ...only([...demoUsers, 'co_counsel'], 201),
      ...refusedReference,
      other_firm_admin: 422,
      firm_user_elsewhere: 422,
    },
  },
  {
    route: 'GET /api/v1/documents/:id',
    request: (world, who) => ({ method: 'GET', url: documentUrl(), headers: credentials(world, who) }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/documents/:id',
    label: 'in the shared folder',
    request: (world, who) => ({ method: 'GET', url: sharedUrl(), headers: credentials(world, who) }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/documents/:id',
    label: 'shared by itself',
    request: (world, who) => ({
      method: 'GET',
      url: documentUrl('', fixtures.aloneDocumentId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/documents/:id',
    label: "shared into the world's portal by itself",
    request: (world, who) => ({
      method: 'GET',
      url: documentUrl('', world.portal.documentId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, ...portalReaders], 200),
  },
  {
    route: 'GET /api/v1/documents/:id',
    label: "in the folder shared into the world's portal",
    request: (world, who) => ({
      method: 'GET',
      url: documentUrl('', world.portal.folderDocumentId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, ...portalReaders], 200),
  },
  {
    route: 'GET /api/v1/documents/:id',
    label: "of the portal's matter, not shared into the portal",
    request: (world, who) => ({
      method: 'GET',
      url: documentUrl('', world.portal.unsharedDocumentId),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'PATCH /api/v1/documents/:id',
    label: "shared into the world's portal",
    request: (world, who) => ({
      method: 'PATCH',
      url: documentUrl('', world.portal.documentId),
      headers: credentials(world, who),
      payload: { name: `Portal document renamed by ${who}.pdf` },
    }),
    // Participants outside the firm read what is shared into the portal, and change none of it.
    expect: { ...only(demoUsers, 200), client: 403, portal_contact: 403 },
  },
  {
    route: 'GET /api/v1/documents/:id/versions',
    label: "in the folder shared into the world's portal",
    request: (world, who) => ({
      method: 'GET',
      url: documentUrl('/versions', world.portal.folderDocumentId),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, ...portalReaders], 200),
  },
  {
    route: 'PATCH /api/v1/documents/:id',
    request: (world, who) => ({
      method: 'PATCH',
      url: documentUrl(),
      headers: credentials(world, who),
      payload: { name: `Renamed by ${who}.pdf` },
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'PATCH /api/v1/documents/:id',
    label: 'in the shared folder',
    request: (world, who) => ({
      method: 'PATCH',
      url: sharedUrl(),
      headers: credentials(world, who),
      payload: { name: `Shared, renamed by ${who}.pdf` },
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'DELETE /api/v1/documents/:id',
    label: 'co-counsel: one in the shared folder',
    request: (world, who) => ({
      method: 'DELETE',
      url: documentUrl('', fixtures.toDelete[who]),
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 204), co_counsel: 403 },
  },
  {
    route: 'POST /api/v1/documents/:id/restore',
    label: 'co-counsel: a deleted one of the shared folder',
    request: (world, who) => ({
      method: 'POST',
      url: documentUrl('/restore', fixtures.toRestore[who] ?? fixtures.toRestore.admin),
      headers: credentials(world, who),
    }),
    expect: only(demoUsers, 200),
  },
  {
    route: 'GET /api/v1/documents/:id/versions',
    label: 'in the shared folder',
    request: (world, who) => ({
      method: 'GET',
      url: sharedUrl('/versions'),
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
  {
    route: 'POST /api/v1/documents/:id/versions',
    label: 'in the shared folder',
    request: (world, who) => uploadRequest(world, who, { url: sharedUrl('/versions') }),
    expect: { ...only(demoUsers, 201), co_counsel: 403 },
  },
  {
    route: 'POST /api/v1/documents/:id/versions/:number/restore',
    label: 'in the shared folder',
    request: (world, who) => ({
      method: 'POST',
      url: sharedUrl('/versions/1/restore'),
      headers: credentials(world, who),
    }),
    expect: { ...only(demoUsers, 200), co_counsel: 403 },
  },
  {
    route: 'POST /api/v1/documents/uploads',
    label: "into the caller's own firm's folder; co-counsel: into the shared folder",
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/documents/uploads',
      headers: credentials(world, who),
      payload: {
        folder_id: ownFolder(world, who),
        name: 'Large.pdf',
        size: 10_000_000,
        sha256: PDF_SHA256,
        content_type: 'application/pdf',
      },
    }),
    expect: { ...only([...demoUsers, ...otherFirmAdmins, 'co_counsel'], 201), ...refusedReference },
  },
  {
    route: 'POST /api/v1/documents/uploads',
    label: 'a new version of a document in the shared folder',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/documents/uploads',
      headers: credentials(world, who),
      payload: {
        document_id: fixtures.sharedDocumentId,
        name: 'Next version.pdf',
        size: 10_000_000,
        sha256: PDF_SHA256,
        content_type: 'application/pdf',
      },
    }),
    expect: {
      ...only(demoUsers, 201),
      co_counsel: 403,
      ...refusedReference,
      other_firm_admin: 422,
      firm_user_elsewhere: 422,
    },
  },
  {
    route: 'PUT /api/v1/documents/uploads/:id/content',
    label: 'with its signed link (the link is the authorisation)',
    // Links last minutes and the matrix may take longer: each cell gets a fresh one.
    before: async (world, who) => {
      fixtures.links[who] = (await directUpload(world, 'admin')).link;
    },
    request: (_world, who) => ({ method: 'PUT', url: fixtures.links[who] ?? '', payload: PDF }),
    expect: everyone(204),
  },
  {
    route: 'PUT /api/v1/documents/uploads/:id/content',
    label: 'with a forged token',
    request: (world, who) => ({
      method: 'PUT',
      url: `${(fixtures.links[who] ?? '').replace(/token=[^&]*/, `token=1.${'A'.repeat(43)}`)}`,
      headers: credentials(world, who),
      payload: PDF,
    }),
    expect: everyone(404),
  },
  {
    route: 'POST /api/v1/documents/uploads/:id/confirm',
    label: "the caller's own upload (the admin's for others)",
    request: (world, who) => ({
      method: 'POST',
      url: `/api/v1/documents/uploads/${fixtures.toConfirm[who] ?? fixtures.toConfirm.admin}/confirm`,
      headers: credentials(world, who),
    }),
    expect: only([...demoUsers, 'co_counsel'], 200),
  },
];
