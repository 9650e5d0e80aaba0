import { and, eq, isNull } from 'drizzle-orm';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { folders } from '../../db/schema/documents';
import { actedBy, recordAudit } from '../audit/audit-log';
import * as documentsRepo from '../documents/repository';

/** Where participants' uploads land: a folder of this name under the matter's root. */
export const PORTAL_UPLOADS_FOLDER = 'Portal uploads';

/**
 * The matter's "Portal uploads" folder, made on demand in the upload's transaction (so it exists
 * only once something was uploaded), or the firm's own folder of that name (ignoring case). It is
 * made by nobody in particular: were it recorded as made by a co-counsel uploader, it would
 * become visible to that co-counsel with whatever the firm files there later. The matter's root
 * is held (`for share`), as a folder create does, so no move or delete of the tree interleaves.
 */
export async function portalUploadsFolder(
  tx: Db,
  principal: Principal,
  matterId: string,
  ip: string,
): Promise<documentsRepo.FolderRow> {
  const [root] = await tx
    .select()
    .from(folders)
    .where(and(eq(folders.matterId, matterId), isNull(folders.parentId)))
    .for('share')
    .limit(1);
  if (!root) throw new Error(`matter ${matterId} has no root folder`);
  const { folder, created } = await documentsRepo.findOrCreateChild(tx, root, PORTAL_UPLOADS_FOLDER, null);
  if (created) {
    await recordAudit(tx, {
      action: 'folder.created',
      ...actedBy(principal),
      objectType: 'folder',
      objectId: folder.id,
      ip,
      details: { matter_id: folder.matterId, parent_id: folder.parentId, by_upload: true },
    });
  }
  return folder;
}
