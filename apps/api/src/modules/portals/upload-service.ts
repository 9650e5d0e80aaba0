import type { PortalSharedResource } from '@chambers/contracts/portals';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { actedBy, recordAudit } from '../audit/audit-log';
import type { UploadForm } from '../documents/upload-form';
import { uploadFiles } from '../documents/upload-service';
import { assertOpen, portalFor } from './access';
import * as repo from './shared-resource-repository';
import { toSharedResources } from './shared-resource-service';
import { portalUploadsFolder } from './uploads-folder';

/**
 * Uploads files into a portal (any participant, any firm user, while it is open): they go through
 * the documents pipeline into the matter's "Portal uploads" folder, and each new document is shared
 * into the portal in the same transaction, so every participant sees it at once. An external's
 * upload is told to the firm as co-counsel uploads are (by the documents pipeline).
 */
export async function uploadToPortal(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  form: UploadForm,
  ip: string,
): Promise<PortalSharedResource[]> {
  const portal = await portalFor(app.database.db, principal, portalId, 'write');
  assertOpen(portal);
  const matterId = portal.matterId ?? '';
  return uploadFiles(app, principal, form, ip, {
    folder: async (tx) => {
      assertOpen({ ...portal, closedAt: await repo.lockedClosedAt(tx, portal.id) });
      return portalUploadsFolder(tx, principal, matterId, ip);
    },
    made: async (tx, documents) => {
      const rows = await repo.insertSharedResources(
        tx,
        documents.map((document) => ({
          firmId: portal.firmId,
          portalId: portal.id,
          resourceType: 'document' as const,
          documentId: document.id,
          createdByMembershipId: principal.membershipId,
        })),
      );
      await recordAudit(tx, {
        action: 'portal.document_uploaded',
        ...actedBy(principal),
        objectType: 'portal',
        objectId: portal.id,
        ip,
        details: { matter_id: matterId, document_ids: documents.map((document) => document.id) },
      });
      const names = new Map(documents.map((document) => [document.id, document.name]));
      return toSharedResources(
        tx,
        rows.map((resource) => ({
          resource,
          folderName: null,
          documentName: names.get(resource.documentId ?? '') ?? null,
        })),
      );
    },
  });
}
