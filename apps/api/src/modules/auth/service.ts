import type { MembershipSummary, Session } from '@chambers/contracts/auth';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/app-error';
import { hashPassword, verifyPassword } from '../../lib/password';
import { ACCESS_TOKEN_TTL_SECONDS } from '../../plugins/auth';
import { findIdentityByEmail, findLatestMembership, touchMembership } from './repository';

const EXTERNAL_ROLES = new Set(['co_counsel', 'client']);

/** Verified against when the email is unknown, so both cases cost the same argon2 time. */
let decoyHash: Promise<string> | null = null;

/**
 * Checks the password and opens a session as the identity's most recently used membership.
 * Unknown email, wrong password and no active membership all answer the same 401.
 */
export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const db = app.database.db;
  const identity = await findIdentityByEmail(db, email);
  decoyHash ??= hashPassword('decoy password for unknown accounts');
  const valid = await verifyPassword(identity?.passwordHash ?? (await decoyHash), password);
  const latest = identity && valid ? await findLatestMembership(db, identity.id) : null;
  if (!identity || !latest) throw new AppError('invalid_credentials');

  const { membership, firmName } = latest;
  await touchMembership(db, membership.id);
  const summary: MembershipSummary = {
    id: membership.id,
    firm_id: membership.firmId,
    firm_name: firmName,
    role: membership.role,
    portal: EXTERNAL_ROLES.has(membership.role) ? 'connect' : 'manage',
  };
  const accessToken = app.jwt.sign({
    sub: identity.id,
    mid: membership.id,
    fid: membership.firmId,
    role: membership.role,
  });
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    membership: summary,
  };
}
