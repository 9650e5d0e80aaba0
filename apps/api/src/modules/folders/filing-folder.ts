import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { scope } from '../../policy/policy';
import * as repo from './repository';

/** Where a request files something: a folder by id, or a matter (its root folder). */
export interface FilingTarget {
  kind: 'folder' | 'matter';
  id: string;
}

/**
 * The folder an upload or a new folder goes into. Firm users file anywhere in their firm's
 * matters. Co-counsel files into a folder it sees (a shared folder's tree, or one it made) or into
 * the root folder of a matter shared with it: a matter share shows the matter, not its folders,
 * yet the contract lets co-counsel upload to it. Anything else is refused as a reference to a
 * record that does not exist (422, naming `path`), like every other unseen reference.
 */
export async function filingFolder(
  db: Db,
  principal: Principal,
  target: FilingTarget,
  path: string,
): Promise<repo.FolderRow> {
  const matterScope = scope(principal, 'matter');
  const folder =
    target.kind === 'folder'
      ? await repo.findFilingFolder(
          db,
          { folder: scope(principal, 'folder'), matter: matterScope },
          target.id,
        )
      : await repo.findMatterRoot(db, matterScope, target.id);
  if (folder) return folder;
  throw new AppError('unprocessable', 'The request refers to records that do not exist.', {
    errors: [{ path, message: `No such ${target.kind}.` }],
  });
}
