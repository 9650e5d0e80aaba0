import type { Db } from '../../db/database';
import { folders } from '../../db/schema/documents';

/** What a matter's root folder is called; the root cannot be renamed, moved or deleted. */
export const ROOT_FOLDER_NAME = 'Documents';

/** Makes a matter's root folder, in the transaction that makes the matter. */
export async function createRootFolder(
  tx: Db,
  matter: { firmId: string; matterId: string; createdByMembershipId: string | null },
): Promise<string> {
  const [root] = await tx
    .insert(folders)
    .values({
      firmId: matter.firmId,
      matterId: matter.matterId,
      parentId: null,
      name: ROOT_FOLDER_NAME,
      createdByMembershipId: matter.createdByMembershipId,
    })
    .returning({ id: folders.id });
  if (!root) throw new Error('root folder insert returned no row');
  return root.id;
}
