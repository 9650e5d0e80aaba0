import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { verifyPassword } from '../../lib/password';
import { findIdentity } from './repository';

/**
 * The caller's identity, once `currentPassword` proves it is really them: changing the password or
 * the login email needs it. Anything else (no password set, a wrong one) is a field error.
 */
export async function identityWithCurrentPassword(db: Db, identityId: string, currentPassword: string) {
  const identity = await findIdentity(db, identityId);
  if (!identity?.passwordHash || !(await verifyPassword(identity.passwordHash, currentPassword))) {
    throw new AppError('validation_failed', 'The current password is incorrect.', {
      errors: [{ path: 'body/current_password', message: 'is incorrect' }],
    });
  }
  return identity;
}
