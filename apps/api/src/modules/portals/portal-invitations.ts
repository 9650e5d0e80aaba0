import type { Principal } from '../../auth/principal';
import type { Config } from '../../config/config';
import type { Db } from '../../db/database';
import { inviteToFirm } from '../invitations/service';
import { registerSharedResourceLabel } from '../invitations/shared-resources';
import * as shareRepo from '../shares/repository';
import type { PortalContact } from './repository';
import * as repo from './repository';

/**
 * Invites a contact who joins a portal without an account at the firm, inside the change's
 * transaction (the mail leaves if and only if it commits): as a client, or as co-counsel if the
 * contact is flagged so. Nothing is sent when an invitation is already out to the contact or its
 * address (its link opens every portal the contact takes part in by then), nor to a contact that
 * already signs in at the firm: the portal is in its Connect from its next request. Answers the
 * invitation's id, if one was sent.
 */
export async function inviteToPortal(
  tx: Db,
  config: Pick<Config, 'publicUrl'>,
  principal: Principal,
  contact: PortalContact,
  portal: { id: string; name: string },
): Promise<string | null> {
  // Two portals joined at once decide one after the other whether an invitation is still needed.
  await shareRepo.lockContact(tx, contact.id);
  if (await shareRepo.findContactAccount(tx, principal.firmId, contact.id)) return null;
  if (await shareRepo.hasLiveInvitation(tx, principal.firmId, contact)) return null;
  const invitation = await inviteToFirm(
    tx,
    {
      firmId: principal.firmId,
      email: contact.email,
      role: contact.isCoCounsel ? 'co_counsel' : 'client',
      contactId: contact.id,
      invitedBy: principal,
      inviteeName: contact.name,
      resource: { type: 'portal', id: portal.id, label: portal.name },
    },
    config,
  );
  return invitation.id;
}

/**
 * Lets an invitation's preview name the portal that sent it, for as long as the invitee's contact
 * takes part in it: once removed, the preview no longer names it, since its holder could not open it.
 */
export function registerPortalLabels(): void {
  registerSharedResourceLabel('portal', async (db, shared) =>
    shared.contactId ? repo.nameForParticipant(db, shared.firmId, shared.resourceId, shared.contactId) : null,
  );
}
