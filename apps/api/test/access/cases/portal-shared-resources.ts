import { expect } from 'vitest';
import { portalSharedResources } from '../../../src/db/schema/portals';
import { makeDocument } from '../../support/factories/documents';
import { multipartForm } from '../../support/multipart';
import { credentials, demoUsers, type RouteCase } from '../route-case';
import { nextIp, type PrincipalKind, type World } from '../world';
import { portalUrl, seersOfPortal } from './portals';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000e9';

/**
 * Documents of the portal's matter: per demo user one to share into the world's portal and one
 * shared there to stop sharing; refused cells aim at `spare` (never shared) and `kept` (shared,
 * never stopped).
 */
const fixtures = {
  spare: UNKNOWN_ID,
  kept: UNKNOWN_ID,
  toShare: {} as Partial<Record<PrincipalKind, string>>,
  toUnshare: {} as Partial<Record<PrincipalKind, string>>,
};

async function matterDocument(world: World, name: string): Promise<string> {
  const { document } = await makeDocument(world.database.db, {
    firmId: world.firmIds.demo,
    matterId: world.portal.matterId,
    folderId: world.portal.rootFolderId,
    uploadedBy: world.sessions.admin?.membership.id ?? UNKNOWN_ID,
    name,
  });
  return document.id;
}

/** Shares a document into the world's portal straight in the database; answers the shared resource. */
async function sharedIntoPortal(world: World, name: string): Promise<string> {
  const [row] = await world.database.db
    .insert(portalSharedResources)
    .values({
      firmId: world.firmIds.demo,
      portalId: world.portal.id,
      resourceType: 'document',
      documentId: await matterDocument(world, name),
      createdByMembershipId: world.sessions.admin?.membership.id ?? UNKNOWN_ID,
    })
    .returning();
  return row?.id ?? UNKNOWN_ID;
}

async function setup(world: World): Promise<void> {
  fixtures.spare = await matterDocument(world, 'Matrix document nobody shares.pdf');
  fixtures.kept = await sharedIntoPortal(world, 'Matrix document nobody unshares.pdf');
  for (const kind of demoUsers) {
    fixtures.toShare[kind] = await matterDocument(world, `Matrix document ${kind} shares.pdf`);
    fixtures.toUnshare[kind] = await sharedIntoPortal(world, `Matrix document ${kind} unshares.pdf`);
  }
}

export const portalSharedResourceCases: RouteCase[] = [
  {
    route: 'GET /api/v1/portals/:id/shared_resources',
    setup,
    request: (world, who) => ({
      method: 'GET',
      url: portalUrl(world, '/shared_resources'),
      headers: credentials(world, who),
    }),
    expect: seersOfPortal(200),
    check: (response, world) => {
      const ids = (response.json().data as { resource_id: string }[]).map((shared) => shared.resource_id);
      expect(ids).toEqual(expect.arrayContaining([world.portal.folderId, world.portal.documentId]));
      expect(ids).not.toContain(world.portal.unsharedDocumentId);
    },
  },
  {
    route: 'POST /api/v1/portals/:id/shared_resources',
    label: 'a document of the matter',
    request: (world, who) => ({
      method: 'POST',
      url: portalUrl(world, '/shared_resources'),
      headers: credentials(world, who),
      payload: { resource_type: 'document', resource_id: fixtures.toShare[who] ?? fixtures.spare },
    }),
    // Only the firm shares: participants outside it see the portal but may not (403).
    expect: seersOfPortal(201, 403),
  },
  {
    route: 'DELETE /api/v1/portals/:id/shared_resources/:resourceId',
    request: (world, who) => ({
      method: 'DELETE',
      url: portalUrl(world, `/shared_resources/${fixtures.toUnshare[who] ?? fixtures.kept}`),
      headers: credentials(world, who),
    }),
    expect: seersOfPortal(204, 403),
  },
  {
    route: 'POST /api/v1/portals/:id/documents',
    request: (world, who) => {
      const form = multipartForm([
        {
          name: 'file',
          filename: `Portal upload by ${who}.pdf`,
          contentType: 'application/pdf',
          data: Buffer.from(
            '%PDF-1.7\n1 0 obj\n<< /Title (Matrix) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
          ),
        },
      ]);
      return {
        method: 'POST',
        url: portalUrl(world, '/documents'),
        headers: { ...credentials(world, who), ...form.headers },
        payload: form.payload,
        remoteAddress: nextIp(),
      };
    },
    // Any participant uploads, and so does any firm user.
    expect: seersOfPortal(201),
  },
];
