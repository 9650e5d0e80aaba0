import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { identities } from '../../db/schema/identities';

export async function findIdentity(db: Db, identityId: string) {
  const [identity] = await db.select().from(identities).where(eq(identities.id, identityId)).limit(1);
  return identity ?? null;
}

export async function updateIdentity(
  db: Db,
  identityId: string,
  values: Partial<Pick<typeof identities.$inferInsert, 'name' | 'timeZone' | 'passwordHash'>>,
) {
  const [identity] = await db.update(identities).set(values).where(eq(identities.id, identityId)).returning();
  if (!identity) throw new Error('identity vanished');
  return identity;
}
