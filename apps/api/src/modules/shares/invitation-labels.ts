import type { ShareResourceType } from '@chambers/contracts/shares';
import { registerSharedResourceLabel } from '../invitations/shared-resources';
import * as repo from './repository';

const types: readonly ShareResourceType[] = ['matter', 'folder', 'document'];

/**
 * Lets an invitation's preview name the matter, folder or document whose sharing sent it, for as
 * long as that share stands: once it is stopped (or the resource deleted), the preview no longer
 * names it, since its holder could not open it.
 */
export function registerShareLabels(): void {
  for (const type of types) {
    registerSharedResourceLabel(type, async (db, shared) => {
      const target = { type, id: shared.resourceId };
      if (!shared.contactId || !(await repo.isShared(db, shared.contactId, target))) return null;
      return repo.findResourceName(db, target);
    });
  }
}
