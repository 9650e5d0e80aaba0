import type { PageQuery } from '@chambers/contracts/common';
import type {
  PortalSharedResource,
  PortalSharedResourcePage,
  SharePortalResource,
} from '@chambers/contracts/portals';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { actedBy, recordAudit } from '../audit/audit-log';
import { loadMembersAsPeople, memberAsPerson } from '../practice/members-as-people';
import { portalFor, visiblePortal } from './access';
import * as repo from './shared-resource-repository';

const NOT_FOUND = 'No such shared resource.';

/** Shared resources as answered, with who shared each (a firm user, or an external's contact card). */
export async function toSharedResources(
  db: Db,
  records: readonly repo.SharedResourceRecord[],
): Promise<PortalSharedResource[]> {
  const sharers = await loadMembersAsPeople(
    db,
    records.map((record) => record.resource.createdByMembershipId),
  );
  return records.map(({ resource, folderName, documentName }) => ({
    id: resource.id,
    portal_id: resource.portalId,
    resource_type: resource.resourceType,
    resource_id: resource.folderId ?? resource.documentId ?? '',
    name: (resource.resourceType === 'folder' ? folderName : documentName) ?? '',
    shared_by: memberAsPerson(sharers, resource.createdByMembershipId),
    created_at: resource.createdAt.toISOString(),
  }));
}

/** What is shared into a portal the caller sees, oldest first. */
export async function listSharedResources(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  query: PageQuery,
): Promise<PortalSharedResourcePage> {
  const db = app.database.db;
  const portal = await visiblePortal(db, principal, portalId);
  const limit = query.limit ?? 50;
  const records = await repo.listSharedResources(db, portal.id, {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
  });
  const { items, nextCursor } = pageOf(
    records.map((record) => ({ ...record, id: record.resource.id })),
    limit,
  );
  return { data: await toSharedResources(db, items), meta: { next_cursor: nextCursor } };
}

const alreadyShared = () => new AppError('conflict', 'This is already shared into this portal.');

/**
 * Shares a folder or document of the portal's matter into it (firm users). Every contact
 * participant sees it from its next request; a folder covers whatever is inside it then.
 */
export async function shareResource(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  body: SharePortalResource,
  ip: string,
): Promise<PortalSharedResource> {
  const db = app.database.db;
  const portal = await portalFor(db, principal, portalId, 'manage');
  const target: repo.ResourceTarget = { type: body.resource_type, id: body.resource_id };
  // The check constraint on portals requires a matter; a portal row always has one.
  const matterId = portal.matterId ?? '';
  try {
    return await db.transaction(async (tx) => {
      const name = await repo.findMatterResourceName(tx, matterId, target);
      if (name === null) {
        const message = `No such ${target.type} in the portal's matter.`;
        throw new AppError('unprocessable', message, { errors: [{ path: '/resource_id', message }] });
      }
      const [row] = await repo.insertSharedResources(tx, [
        {
          firmId: portal.firmId,
          portalId: portal.id,
          resourceType: target.type,
          folderId: target.type === 'folder' ? target.id : null,
          documentId: target.type === 'document' ? target.id : null,
          createdByMembershipId: principal.membershipId,
        },
      ]);
      if (!row) throw new Error('shared resource not inserted');
      await recordAudit(tx, {
        action: 'portal.resource_shared',
        ...actedBy(principal),
        objectType: 'portal',
        objectId: portal.id,
        ip,
        details: { shared_resource_id: row.id, resource_type: target.type, resource_id: target.id },
      });
      const [shared] = await toSharedResources(tx, [
        {
          resource: row,
          folderName: target.type === 'folder' ? name : null,
          documentName: target.type === 'document' ? name : null,
        },
      ]);
      if (!shared) throw new Error('shared resource not shaped');
      return shared;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyShared();
    throw error;
  }
}

/** Stops sharing a resource into a portal: the row goes, the folder or document stays the firm's. */
export async function unshareResource(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  resourceId: string,
  ip: string,
): Promise<void> {
  const db = app.database.db;
  const portal = await portalFor(db, principal, portalId, 'manage');
  await db.transaction(async (tx) => {
    const record = await repo.findSharedResource(tx, portal.id, resourceId);
    // Two stops at once: the second finds nothing left to stop, and is not audited.
    if (!record || !(await repo.deleteSharedResource(tx, record.resource.id))) {
      throw new AppError('not_found', NOT_FOUND);
    }
    const { resource } = record;
    await recordAudit(tx, {
      action: 'portal.resource_unshared',
      ...actedBy(principal),
      objectType: 'portal',
      objectId: portal.id,
      ip,
      details: {
        shared_resource_id: resource.id,
        resource_type: resource.resourceType,
        resource_id: resource.folderId ?? resource.documentId,
      },
    });
  });
}
