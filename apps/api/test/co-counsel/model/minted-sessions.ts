import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/db/database';
import { sessions } from '../../../src/db/schema/sessions';

/**
 * Bearer tokens for memberships without signing in: a live session row and an access token
 * naming it, exactly what the authentication hook checks. Signing in hashes a password with
 * argon2 on purpose (slow); a thousand generated worlds cannot afford that per run.
 * Answers each membership's `Authorization` header value.
 */
export async function mintBearers(
  app: FastifyInstance,
  db: Db,
  people: readonly { identityId: string; membershipId: string }[],
): Promise<Map<string, string>> {
  const rows = await db
    .insert(sessions)
    .values(
      people.map((person) => ({
        identityId: person.identityId,
        membershipId: person.membershipId,
        expiresAt: new Date(Date.now() + 3600_000),
      })),
    )
    .returning();
  return new Map(
    rows.map((session) => [
      session.membershipId,
      `Bearer ${app.jwt.sign({ sub: session.identityId, mid: session.membershipId, sid: session.id })}`,
    ]),
  );
}
