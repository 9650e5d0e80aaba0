import type { ApiToken, ApiTokenPage, CreateApiToken, CreatedApiToken } from '@chambers/contracts/api-tokens';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { hashToken, newSecretToken } from '../../lib/secret-tokens';
import { can, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import * as repo from './repository';

/** Every API token secret starts with this, so the authentication hook (and secret scanners) can tell. */
export const API_TOKEN_PREFIX = 'chm_';
/** How much of the secret is kept in clear, to tell tokens apart: `chm_` and 6 characters (36 bits). */
const DISPLAY_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;
const MAX_LIFETIME_MS = 366 * 24 * 3600 * 1000;
/** Tokens that still work, per membership: a runaway script cannot mint thousands. */
export const ACTIVE_TOKEN_LIMIT = 50;
/** Per identity (all its accounts): this many tokens created in the window answer 429. */
export const CREATION_LIMIT = 10;
export const CREATION_WINDOW_SECONDS = 3600;
/** `last_used_at` is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

type ApiTokenRow = repo.ApiTokenRow;

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/** Checks `expires_at`: a valid instant, in the future, at most a year ahead. */
function expiryOf(value: string | undefined, now: Date): Date | null {
  if (value === undefined) return null;
  const expiresAt = new Date(value);
  const fail = (message: string) =>
    new AppError('validation_failed', `expires_at ${message}.`, {
      errors: [{ path: 'body/expires_at', message }],
    });
  if (Number.isNaN(expiresAt.getTime())) throw fail('is not a valid date-time');
  if (expiresAt.getTime() <= now.getTime()) throw fail('must be in the future');
  // A year, with a day of slack for clients that compute "one year from now" in their own zone.
  if (expiresAt.getTime() - now.getTime() > MAX_LIFETIME_MS) throw fail('must be at most one year ahead');
  return expiresAt;
}

/**
 * Creates a token acting as the caller's membership. The secret (`chm_` + 256 random bits) is
 * returned here and never again: only its SHA-256 is stored.
 */
export async function createApiToken(
  app: FastifyInstance,
  principal: Principal,
  body: CreateApiToken,
  ip: string,
): Promise<CreatedApiToken> {
  const db = app.database.db;
  const now = new Date();
  const name = body.name.trim();
  if (name === '') {
    throw new AppError('validation_failed', 'name cannot be blank.', {
      errors: [{ path: 'body/name', message: 'is blank' }],
    });
  }
  const expiresAt = expiryOf(body.expires_at, now);

  const since = new Date(now.getTime() - CREATION_WINDOW_SECONDS * 1000);
  const { created, oldest } = await repo.countTokensCreatedSince(db, principal.identityId, since);
  if (created >= CREATION_LIMIT && oldest) {
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() - since.getTime()) / 1000));
    throw new AppError('rate_limited', 'Too many API tokens created recently; try again later.', {
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  if ((await repo.countActiveTokens(db, principal.membershipId, now)) >= ACTIVE_TOKEN_LIMIT) {
    throw new AppError(
      'unprocessable',
      `An account can hold at most ${ACTIVE_TOKEN_LIMIT} working API tokens; revoke one first.`,
    );
  }

  const secret = `${API_TOKEN_PREFIX}${newSecretToken()}`;
  return db.transaction(async (tx) => {
    const row = await repo.insertApiToken(tx, {
      membershipId: principal.membershipId,
      name,
      prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
      tokenHash: hashToken(secret),
      expiresAt,
    });
    await recordAudit(tx, {
      action: 'api_token.created',
      ...actedBy(principal),
      objectType: 'api_token',
      objectId: row.id,
      ip,
      details: { name, prefix: row.prefix, expires_at: row.expiresAt?.toISOString() ?? null },
    });
    return { ...toApiToken(row), last_used_at: null, secret };
  });
}

async function loadVisibleToken(db: Db, principal: Principal, tokenId: string): Promise<ApiTokenRow> {
  const row = await repo.findUnrevokedToken(db, tokenId);
  if (!row || !can(principal, 'manage', { type: 'api_token', membershipId: row.membershipId })) {
    throw new AppError('not_found', 'No such API token.');
  }
  return row;
}

export async function getApiToken(app: FastifyInstance, principal: Principal, tokenId: string) {
  return toApiToken(await loadVisibleToken(app.database.db, principal, tokenId));
}

/** The caller's membership's tokens (revoked ones are gone; expired ones stay, marked by `expires_at`). */
export async function listApiTokens(
  app: FastifyInstance,
  principal: Principal,
  query: { limit?: number; cursor?: string },
): Promise<ApiTokenPage> {
  const limit = query.limit ?? 50;
  const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await repo.listUnrevokedTokens(app.database.db, scope(principal, 'api_token'), {
    limit: limit + 1,
    ...(beforeId ? { beforeId } : {}),
  });
  const { items, nextCursor } = pageOf(rows, limit);
  return { data: items.map(toApiToken), meta: { next_cursor: nextCursor } };
}

/** Revokes one of the caller's tokens; it stops working on the very next request. */
export async function revokeApiToken(
  app: FastifyInstance,
  principal: Principal,
  tokenId: string,
  ip: string,
): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    const row = await loadVisibleToken(tx, principal, tokenId);
    // A concurrent revoke of the same token: the second one finds nothing left to revoke.
    if (!(await repo.revokeApiToken(tx, row.id))) throw new AppError('not_found', 'No such API token.');
    await recordAudit(tx, {
      action: 'api_token.revoked',
      ...actedBy(principal),
      objectType: 'api_token',
      objectId: row.id,
      ip,
      details: { name: row.name, prefix: row.prefix, by_itself: principal.apiTokenId === row.id },
    });
  });
}

/**
 * The principal an API token secret stands for, or null when the token is unknown, revoked,
 * expired, or its membership is deactivated. Stamps `last_used_at` at most once a minute.
 */
export async function principalFromApiToken(db: Db, secret: string) {
  const now = new Date();
  const live = await repo.findLiveApiToken(db, hashToken(secret), now);
  if (!live) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!live.token.lastUsedAt || live.token.lastUsedAt < staleBefore) {
    await repo.touchApiToken(db, live.token.id, staleBefore);
  }
  return {
    identityId: live.membership.identityId,
    membershipId: live.membership.id,
    firmId: live.membership.firmId,
    role: live.membership.role,
    contactId: live.membership.contactId,
    sessionId: null,
    apiTokenId: live.token.id,
  } satisfies Principal;
}
