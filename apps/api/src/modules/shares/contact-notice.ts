import type { Principal } from '../../auth/principal';
import type { Config } from '../../config/config';
import type { Db } from '../../db/database';
import { enqueueMail } from '../../jobs/job-queue';
import { findFirm } from '../firm/repository';
import { inviteToFirm } from '../invitations/service';
import { findIdentity } from '../me/repository';
import { connectHomeLink, shareNoticeMail } from './notice-mail';
import * as repo from './repository';

/** Which mail a new share sent its contact. */
export interface ContactTold {
  invitationId: string | null;
  noticeSent: boolean;
}

const toldNothing: ContactTold = { invitationId: null, noticeSent: false };

/**
 * Tells a co-counsel contact about a new share, inside the share's transaction (so the mail leaves
 * if and only if the share commits):
 * - no account at the firm: the invitation, naming the resource — unless one is already out to
 *   this contact or address, whose link will show everything shared by the time it is accepted;
 * - an active co-counsel account: a notice to its login address, if the firm mails notices;
 * - a deactivated account, or one that is not co-counsel: nothing, since it could not open what
 *   the mail would name.
 */
export async function notifyContact(
  tx: Db,
  config: Pick<Config, 'publicUrl'>,
  principal: Principal,
  contact: { id: string; name: string; email: string },
  resource: repo.ShareTarget & { name: string },
): Promise<ContactTold> {
  const account = await repo.findContactAccount(tx, principal.firmId, contact.id);
  if (!account) {
    if (await repo.hasLiveInvitation(tx, principal.firmId, contact)) return toldNothing;
    const invitation = await inviteToFirm(
      tx,
      {
        firmId: principal.firmId,
        email: contact.email,
        role: 'co_counsel',
        contactId: contact.id,
        invitedBy: principal,
        inviteeName: contact.name,
        resource: { type: resource.type, id: resource.id, label: resource.name },
      },
      config,
    );
    return { invitationId: invitation.id, noticeSent: false };
  }
  if (account.status !== 'active' || account.role !== 'co_counsel') return toldNothing;

  // One after the other: a transaction's queries share its one connection.
  const firm = await findFirm(tx, principal.firmId);
  const sharer = await findIdentity(tx, principal.identityId);
  if (!firm || !sharer) throw new Error('the firm or the sharer vanished');
  if (!firm.shareNoticeMails) return toldNothing;
  await enqueueMail(
    tx,
    shareNoticeMail({
      to: account.email,
      sharerName: sharer.name,
      firmName: firm.name,
      resource: { type: resource.type, name: resource.name },
      link: connectHomeLink(config.publicUrl),
    }),
  );
  return { invitationId: null, noticeSent: true };
}
