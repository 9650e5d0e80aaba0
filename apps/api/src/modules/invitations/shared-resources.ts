import type { Db } from '../../db/database';

/**
 * How an invitation's preview names what was shared with the invitee. The module that owns a
 * resource type (matters, documents, folders, portals) registers a resolver; it answers the
 * resource's current label, or null once the invitee's contact may no longer see it (share
 * revoked, resource deleted). So a preview never names a thing its holder could not open, and a
 * rename shows at once. Types without a resolver are not named.
 */
export type SharedResourceLabel = (
  db: Db,
  shared: { firmId: string; contactId: string | null; resourceId: string },
) => Promise<string | null>;

const resolvers = new Map<string, SharedResourceLabel>();

export function registerSharedResourceLabel(type: string, resolve: SharedResourceLabel): void {
  resolvers.set(type, resolve);
}

export async function sharedResourceOf(
  db: Db,
  invitation: {
    firmId: string;
    contactId: string | null;
    resourceType: string | null;
    resourceId: string | null;
  },
): Promise<{ type: string; id: string; label: string } | null> {
  const { resourceType: type, resourceId: id } = invitation;
  if (!type || !id) return null;
  const resolve = resolvers.get(type);
  const label = resolve
    ? await resolve(db, { firmId: invitation.firmId, contactId: invitation.contactId, resourceId: id })
    : null;
  return label === null ? null : { type, id, label };
}
