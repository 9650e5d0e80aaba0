import type { EmailChangeRequest } from '@chambers/contracts/email-change';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors/app-error';
import { enqueueMail } from '../../jobs/job-queue';
import { hashToken, newSecretToken } from '../../lib/secret-tokens';
import { onOwnIdentity, recordAudit } from '../audit/audit-log';
import { findIdentityByEmail } from '../auth/repository';
import { identityWithCurrentPassword } from '../me/current-password';
import { addressInUseMail, confirmationMail, emailChangedMail } from './mails';
import * as repo from './repository';

/** A confirmation link works for 24 hours (SECURITY.md), once. */
export const EMAIL_CHANGE_TTL_SECONDS = 24 * 3600;
/** Per identity: every request sends a mail, so this many in the window answer 429. */
export const REQUEST_LIMIT = 5;
export const REQUEST_WINDOW_SECONDS = 3600;

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Asks to change the login email. Needs the current password. The answer is the same whether or
 * not the new address already belongs to another identity (no enumeration); only the mail differs:
 * a free address gets a confirmation link, a taken one a notice that someone tried.
 */
export async function requestEmailChange(
  app: FastifyInstance,
  principal: Principal,
  body: EmailChangeRequest,
  ip: string,
): Promise<void> {
  const db = app.database.db;
  const identity = await identityWithCurrentPassword(db, principal.identityId, body.current_password);
  const newEmail = body.new_email.trim();
  if (sameAddress(newEmail, identity.email)) {
    throw new AppError('validation_failed', 'This is already your login email.', {
      errors: [{ path: 'body/new_email', message: 'is your current login email' }],
    });
  }

  const since = new Date(Date.now() - REQUEST_WINDOW_SECONDS * 1000);
  const { requests, oldest } = await repo.countRecentRequests(db, identity.id, since);
  if (requests >= REQUEST_LIMIT && oldest) {
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() - since.getTime()) / 1000));
    throw new AppError('rate_limited', 'Too many email changes requested; try again later.', {
      headers: { 'retry-after': String(retryAfter) },
    });
  }

  const holder = await findIdentityByEmail(db, newEmail);
  await db.transaction(async (tx) => {
    // A new request replaces any earlier one: only the latest link can be confirmed.
    await repo.expirePendingChanges(tx, identity.id);
    if (holder) {
      await enqueueMail(tx, addressInUseMail(newEmail));
    } else {
      const token = newSecretToken();
      await repo.insertEmailChange(tx, {
        identityId: identity.id,
        newEmail,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_SECONDS * 1000),
      });
      const link = `${app.config.publicUrl}/connect/email-change/${token}`;
      await enqueueMail(tx, confirmationMail(newEmail, identity.name, link));
    }
    // The log does not say whether the address was taken: firm admins read it.
    await recordAudit(tx, {
      action: 'identity.email_change_requested',
      ...onOwnIdentity(principal),
      subject: newEmail.toLowerCase(),
      ip,
    });
  });
}

const invalidLink = () =>
  new AppError('not_found', 'This link is invalid, was already used, or has expired.');

/**
 * Confirms a change from the mailed link: the login email switches, the link is spent, and the old
 * address is told. Sessions and API tokens stay (the password did not change; see the decision record).
 */
export async function confirmEmailChange(app: FastifyInstance, token: string, ip: string): Promise<void> {
  const db = app.database.db;
  try {
    await db.transaction(async (tx) => {
      const change = await repo.findPendingChangeForUpdate(tx, hashToken(token));
      if (!change) throw invalidLink();
      const identity = await repo.findIdentityForUpdate(tx, change.identityId);
      if (!identity) throw invalidLink();
      const oldEmail = identity.email;
      await repo.setIdentityEmail(tx, identity.id, change.newEmail);
      await repo.markConfirmed(tx, change.id);
      await repo.expirePendingChanges(tx, identity.id);
      await enqueueMail(tx, emailChangedMail(oldEmail, identity.name, change.newEmail));
      // Each firm the person works with sees the change in its own log.
      const firmIds = await repo.firmIdsOf(tx, identity.id);
      for (const firmId of firmIds.length > 0 ? firmIds : [null]) {
        await recordAudit(tx, {
          action: 'identity.email_changed',
          firmId,
          actorIdentityId: identity.id,
          objectType: 'identity',
          objectId: identity.id,
          subject: change.newEmail.toLowerCase(),
          ip,
          details: { old_email: oldEmail, new_email: change.newEmail },
        });
      }
    });
  } catch (error) {
    // Between the request and the link, another identity took the address.
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'This address now signs in to another account; nothing was changed.');
    }
    throw error;
  }
}
