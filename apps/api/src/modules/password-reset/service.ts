import type { PasswordResetConfirmation, PasswordResetRequest } from '@chambers/contracts/password-reset';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/app-error';
import { enqueueMail } from '../../jobs/job-queue';
import { hashPassword } from '../../lib/password';
import { assertAcceptablePassword } from '../../lib/password-rules';
import { hashToken, newSecretToken } from '../../lib/secret-tokens';
import { recordAudit } from '../audit/audit-log';
import { findIdentityByEmail, findLatestMembership, revokeIdentitySessions } from '../auth/repository';
import { membershipSummary } from '../auth/service';
import { passwordChangedMail, resetLinkMail } from './mails';
import * as repo from './repository';

/** A reset link works for an hour (SECURITY.md keeps such links short), once. */
export const PASSWORD_RESET_TTL_SECONDS = 3600;
/**
 * Per identity: links mailed in the window. Past it a request still answers 202 but sends
 * nothing, so the limit cannot tell a known address from an unknown one.
 */
export const MAILS_PER_WINDOW = 5;
export const MAIL_WINDOW_SECONDS = 3600;

/**
 * Mails a reset link to the address if it signs in to an active account. The caller always gets
 * the same answer; an unknown address costs the same token work, so only the mail differs.
 */
export async function requestPasswordReset(app: FastifyInstance, body: PasswordResetRequest): Promise<void> {
  const db = app.database.db;
  const token = newSecretToken();
  const tokenHash = hashToken(token);
  const identity = await findIdentityByEmail(db, body.email.trim());
  const latest = identity ? await findLatestMembership(db, identity.id) : null;
  if (!identity || !latest) return;

  const since = new Date(Date.now() - MAIL_WINDOW_SECONDS * 1000);
  if ((await repo.countRecentResets(db, identity.id, since)) >= MAILS_PER_WINDOW) return;

  const opens = body.app ?? membershipSummary(latest.membership, latest.firmName).portal;
  const link = `${app.config.publicUrl}${opens === 'connect' ? '/connect' : ''}/password-reset/${token}`;
  await db.transaction(async (tx) => {
    // Only the latest link works: an older mail in the inbox is dead.
    await repo.expireUnusedResets(tx, identity.id);
    await repo.insertReset(tx, {
      identityId: identity.id,
      tokenHash,
      expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_SECONDS * 1000),
    });
    await enqueueMail(
      tx,
      resetLinkMail(identity.email, identity.name, link, PASSWORD_RESET_TTL_SECONDS / 60),
    );
  });
}

const invalidLink = () => new AppError('not_found', 'This link is no longer valid.');

/**
 * Sets a new password from the mailed link: the link is spent, every session of the identity ends
 * (whoever knew the old password is out), each firm's log records it, and the owner is told.
 */
export async function confirmPasswordReset(
  app: FastifyInstance,
  body: PasswordResetConfirmation,
  ip: string,
): Promise<void> {
  const db = app.database.db;
  // The link is checked before the password, so a dead link never reads as a password problem.
  if (!(await repo.findLiveReset(db, hashToken(body.token)))) throw invalidLink();
  assertAcceptablePassword(body.password, 'body/password');
  const passwordHash = await hashPassword(body.password);
  await db.transaction(async (tx) => {
    // Again, locked: a concurrent confirm of the same link may have spent it during the hashing.
    const reset = await repo.findLiveResetForUpdate(tx, hashToken(body.token));
    if (!reset) throw invalidLink();
    const identity = await repo.findIdentity(tx, reset.identityId);
    if (!identity) throw invalidLink();
    await repo.setPasswordHash(tx, identity.id, passwordHash);
    await repo.markUsed(tx, reset.id);
    await repo.expireUnusedResets(tx, identity.id);
    await revokeIdentitySessions(tx, identity.id, 'password reset');
    await enqueueMail(tx, passwordChangedMail(identity.email, identity.name));
    const firmIds = await repo.firmIdsOf(tx, identity.id);
    for (const firmId of firmIds.length > 0 ? firmIds : [null]) {
      await recordAudit(tx, {
        action: 'identity.password_changed',
        firmId,
        actorIdentityId: identity.id,
        objectType: 'identity',
        objectId: identity.id,
        ip,
        details: { via: 'password_reset_link' },
      });
    }
  });
}
