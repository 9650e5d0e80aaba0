import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { firms } from '../db/schema/firms';
import { identities } from '../db/schema/identities';
import { memberships } from '../db/schema/memberships';
import { hashPassword } from '../lib/password';

/** The demo logins, printed at start-up; documented in the README. */
export const demoLogins = [
  { email: 'admin@demo-firm.test', password: 'chambers-demo', role: 'admin', app: 'Manage' },
] as const;

export const DEMO_FIRM_NAME = 'Demo Firm LLP';

/**
 * Seeds the demo firm into an empty database; does nothing once any firm exists, so restarts
 * never re-seed or overwrite what a user changed. Returns whether it seeded.
 */
export async function seedDemoFirm(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two replicas starting on an empty database must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(7315002115)`);
    const existing = await tx.select({ id: firms.id }).from(firms).limit(1);
    if (existing.length > 0) return false;

    const [firm] = await tx.insert(firms).values({ name: DEMO_FIRM_NAME }).returning();
    if (!firm) throw new Error('demo firm insert returned no row');
    for (const login of demoLogins) {
      const [identity] = await tx
        .insert(identities)
        .values({ email: login.email, name: 'Avery Admin', passwordHash: await hashPassword(login.password) })
        .returning();
      if (!identity) throw new Error('demo identity insert returned no row');
      await tx.insert(memberships).values({ firmId: firm.id, identityId: identity.id, role: login.role });
    }
    return true;
  });
}
