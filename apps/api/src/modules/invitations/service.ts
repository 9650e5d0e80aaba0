import type { MembershipRole } from '@chambers/contracts/auth';
import type { AcceptInvitation, InvitationPreview } from '@chambers/contracts/invitations';
import type { FastifyInstance } from 'fastify';
import { isExternal, type Principal } from '../../auth/principal';
import type { Config } from '../../config/config';
import type { Db } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors/app-error';
import { enqueueMail } from '../../jobs/job-queue';
import { hashPassword, verifyPassword } from '../../lib/password';
import { assertAcceptablePassword } from '../../lib/password-rules';
import { hashToken, newSecretToken } from '../../lib/secret-tokens';
import { recordAudit } from '../audit/audit-log';
import { countRecentFailures, findIdentityByEmail } from '../auth/repository';
import {
  ACCOUNT_FAILURE_LIMIT,
  ACCOUNT_FAILURE_WINDOW_SECONDS,
  type ClientInfo,
  type IssuedSession,
  openSession,
} from '../auth/service';
import { findIdentity } from '../me/repository';
import { invitationLink, invitationMail } from './invitation-mail';
import * as repo from './repository';
import { sharedResourceOf } from './shared-resources';

/** SECURITY.md: invitation links expire after 7 days. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/** Unknown, expired, used and revoked links all get exactly this answer. */
const noSuchInvitation = () =>
  new AppError('not_found', 'This invitation link is not valid: it may have expired or been used already.');

export interface InviteToFirm {
  firmId: string;
  email: string;
  role: MembershipRole;
  /** Required for externals (co-counsel, clients): the firm's contact card they are invited as. */
  contactId?: string;
  invitedBy: Principal;
  /** Greets the invitee in the mail (not stored: the invitee chooses their own name on accepting). */
  inviteeName?: string;
  /** What is being shared with the invitee, named in the mail. */
  resource?: { type: string; id: string; label: string };
}

/**
 * Creates an invitation to a firm and enqueues its mail, inside the caller's transaction (pass
 * `tx`): the mail leaves if and only if the business change commits. The link's token is random
 * (256 bits) and only its hash is stored; callers never see it, only the invitee's mailbox does.
 */
export async function inviteToFirm(
  tx: Db,
  input: InviteToFirm,
  config: Pick<Config, 'publicUrl'>,
): Promise<repo.Invitation> {
  const { invitedBy } = input;
  if (invitedBy.firmId !== input.firmId) throw new Error('an invitation comes from a member of its firm');
  if (isExternal(input.role)) {
    const contact = input.contactId ? await repo.findContact(tx, input.contactId) : null;
    if (contact?.firmId !== input.firmId) throw new Error('an external is invited as a contact of the firm');
  } else if (input.contactId) {
    throw new Error('firm users are not contacts');
  }
  // One after the other: a transaction's queries share its one connection.
  const firm = await repo.findFirm(tx, input.firmId);
  const inviter = await findIdentity(tx, invitedBy.identityId);
  if (!firm || !inviter) throw new Error('the firm or the inviter vanished');

  const token = newSecretToken();
  const email = input.email.trim();
  const invitation = await repo.insertInvitation(tx, {
    firmId: input.firmId,
    email,
    role: input.role,
    contactId: input.contactId ?? null,
    invitedByMembershipId: invitedBy.membershipId,
    resourceType: input.resource?.type ?? null,
    resourceId: input.resource?.id ?? null,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000),
  });
  await enqueueMail(
    tx,
    invitationMail({
      to: email,
      ...(input.inviteeName ? { inviteeName: input.inviteeName } : {}),
      inviterName: inviter.name,
      inviterEmail: inviter.email,
      firmName: firm.name,
      role: input.role,
      ...(input.resource ? { resource: input.resource } : {}),
      link: invitationLink(config.publicUrl, input.role, token),
      expiresAt: invitation.expiresAt,
    }),
  );
  return invitation;
}

/** What the link's holder sees: who invited whom, to what, until when. */
export async function previewInvitation(app: FastifyInstance, token: string): Promise<InvitationPreview> {
  const db = app.database.db;
  const found = await repo.findLiveInvitation(db, hashToken(token));
  if (!found) throw noSuchInvitation();
  const { invitation } = found;
  const [identity, shared] = await Promise.all([
    findIdentityByEmail(db, invitation.email),
    sharedResourceOf(db, invitation),
  ]);
  return {
    firm_name: found.firmName,
    invited_by_name: found.inviterName,
    email: invitation.email,
    role: invitation.role,
    portal: isExternal(invitation.role) ? 'connect' : 'manage',
    shared,
    expires_at: invitation.expiresAt.toISOString(),
    identity_exists: identity !== null,
  };
}

const alreadyMember = () =>
  new AppError('conflict', 'You already have an account at this firm; sign in instead.');

/**
 * Accepts an invitation: creates the identity (name and a new password) or, when the email
 * already signs in, checks that identity's password; then creates the membership, spends the
 * link and opens a session as the new account, all in one transaction. The invitation row is
 * locked, so a double submit makes one membership and the second answer is 404.
 */
export async function acceptInvitation(
  app: FastifyInstance,
  token: string,
  body: AcceptInvitation,
  client: ClientInfo,
): Promise<IssuedSession> {
  const db = app.database.db;
  const found = await repo.findLiveInvitation(db, hashToken(token));
  if (!found) throw noSuchInvitation();
  const { invitation } = found;
  const identity = await findIdentityByEmail(db, invitation.email);

  let newIdentity: { name: string; passwordHash: string } | null = null;
  if (identity) {
    if (body.name !== undefined) {
      // A racing double submit may have made this login and spent the link a moment ago: then the
      // answer is the spent link's 404, not a conflict about the name.
      if (!(await repo.findLiveInvitation(db, hashToken(token)))) throw noSuchInvitation();
      throw new AppError(
        'conflict',
        'This email already signs in to Chambers: accept with its current password, without a name.',
      );
    }
    await assertNotLockedOut(db, invitation.email);
    if (!identity.passwordHash || !(await verifyPassword(identity.passwordHash, body.password))) {
      await recordAudit(db, {
        action: 'auth.login_failed',
        subject: invitation.email.toLowerCase(),
        actorIdentityId: identity.id,
        ip: client.ip,
        details: { via: 'invitation' },
      });
      throw new AppError('invalid_credentials');
    }
  } else {
    const name = body.name?.trim();
    if (!name) {
      throw new AppError('validation_failed', 'Send your name to create your login.', {
        errors: [{ path: 'body/name', message: 'is required' }],
      });
    }
    assertAcceptablePassword(body.password, 'body/password');
    newIdentity = { name, passwordHash: await hashPassword(body.password) };
  }

  try {
    return await db.transaction(async (tx) => {
      const locked = await repo.lockLiveInvitation(tx, invitation.id);
      if (!locked) throw noSuchInvitation();
      let identityId: string;
      if (identity) {
        identityId = identity.id;
      } else {
        // Created by someone else since the check above: that login's password was not checked.
        if (!newIdentity || (await findIdentityByEmail(tx, locked.email))) {
          throw new AppError(
            'conflict',
            'This email already signs in to Chambers; accept with its password.',
          );
        }
        identityId = (await repo.insertIdentity(tx, { email: locked.email, ...newIdentity })).id;
      }
      if (await repo.findMembershipInFirm(tx, locked.firmId, identityId)) throw alreadyMember();
      const membership = await repo.insertMembership(tx, {
        firmId: locked.firmId,
        identityId,
        role: locked.role,
        contactId: locked.contactId,
      });
      await repo.markAccepted(tx, locked.id, identityId);
      await repo.revokeOtherLiveInvitations(tx, locked.firmId, locked.email, locked.id);
      const issued = await openSession(app, tx, identityId, membership, found.firmName, client);
      const actor = { firmId: locked.firmId, actorIdentityId: identityId, actorMembershipId: membership.id };
      await recordAudit(tx, {
        action: 'invitation.accepted',
        ...actor,
        objectType: 'invitation',
        objectId: locked.id,
        ip: client.ip,
        details: { membership_id: membership.id, role: locked.role, new_identity: identity === null },
      });
      await recordAudit(tx, {
        action: 'auth.login',
        ...actor,
        objectType: 'session',
        objectId: issued.sessionId,
        ip: client.ip,
        details: { via: 'invitation' },
      });
      return issued;
    });
  } catch (error) {
    // Two acceptances racing to create the same login or membership: the loser is told so.
    if (isUniqueViolation(error)) throw alreadyMember();
    throw error;
  }
}

/** The per-account lock of sign-in also guards passwords tried through invitations. */
async function assertNotLockedOut(db: Db, email: string): Promise<void> {
  const since = new Date(Date.now() - ACCOUNT_FAILURE_WINDOW_SECONDS * 1000);
  const { failures, oldest } = await countRecentFailures(db, email, since);
  if (failures >= ACCOUNT_FAILURE_LIMIT && oldest) {
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() - since.getTime()) / 1000));
    throw new AppError('rate_limited', 'Too many failed sign-ins for this account; try again later.', {
      headers: { 'retry-after': String(retryAfter) },
    });
  }
}
