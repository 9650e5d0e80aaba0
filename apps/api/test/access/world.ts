import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/database';
import { identities } from '../../src/db/schema/identities';
import { memberships } from '../../src/db/schema/memberships';
import { hashPassword } from '../../src/lib/password';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { type SignedIn, signIn } from '../support/sessions';

/**
 * The kinds of caller every route is tried with. Later issues add the sharing states of
 * SECURITY.md (co-counsel with / without / after a share, client in / removed from a portal).
 */
export const principalKinds = [
  'anonymous',
  'admin',
  'attorney',
  'staff',
  'co_counsel',
  'client',
  'other_firm_admin',
  'deactivated_user',
] as const;
export type PrincipalKind = (typeof principalKinds)[number];

const emails: Record<Exclude<PrincipalKind, 'anonymous'>, string> = {
  admin: 'admin@demo-firm.test',
  attorney: 'attorney@demo-firm.test',
  staff: 'staff@demo-firm.test',
  co_counsel: 'cocounsel@outside-counsel.test',
  client: 'client@client.test',
  other_firm_admin: 'admin@harbor-vale.test',
  deactivated_user: 'deactivated@demo-firm.test',
};

let ipCounter = 0;
/** A fresh client address per sign-in, so the per-address sign-in limit never interferes. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export interface World {
  app: FastifyInstance;
  database: Database;
  /** The current session of each signed-in kind (replaced by `renew`). */
  sessions: Partial<Record<PrincipalKind, SignedIn>>;
  firmIds: { demo: string; other: string };
  /** Opens new sessions for every kind, e.g. after a case ended them. */
  renew(): Promise<void>;
}

/** The demo firms, plus a firm user whose membership is deactivated after signing in. */
export async function buildWorld(app: FastifyInstance, database: Database): Promise<World> {
  await seedDemoFirm(database.db);
  const firms = (await database.db.execute(sql`select id, name from firms order by name`)) as unknown as {
    rows: { id: string; name: string }[];
  };
  const demo = firms.rows.find((firm) => firm.name === 'Demo Firm LLP')?.id ?? '';
  const other = firms.rows.find((firm) => firm.name !== 'Demo Firm LLP')?.id ?? '';
  const [identity] = await database.db
    .insert(identities)
    .values({
      email: emails.deactivated_user,
      name: 'Dee Activated',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning();
  const [membership] = await database.db
    .insert(memberships)
    .values({ firmId: demo, identityId: identity?.id ?? '', role: 'staff' })
    .returning();

  const world: World = {
    app,
    database,
    sessions: {},
    firmIds: { demo, other },
    async renew() {
      await database.db.execute(
        sql`update memberships set status = 'active' where id = ${membership?.id ?? ''}`,
      );
      for (const kind of principalKinds) {
        if (kind !== 'anonymous') world.sessions[kind] = await signIn(app, emails[kind], { ip: nextIp() });
      }
      await database.db.execute(
        sql`update memberships set status = 'deactivated' where id = ${membership?.id ?? ''}`,
      );
    },
  };
  await world.renew();
  return world;
}

/**
 * A digest of every table except the audit log (which records denied attempts on purpose):
 * a denied request must leave it unchanged. `last_used_at` stamps are left out.
 */
export async function databaseDigest(database: Database): Promise<string> {
  const tables = (await database.db.execute(sql`
    select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_events'
     order by table_name`)) as unknown as { rows: { table_name: string }[] };
  const parts: string[] = [];
  for (const { table_name: table } of tables.rows) {
    const result = (await database.db.execute(
      sql.raw(
        `select md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' order by (to_jsonb(t) - 'last_used_at')::text), '')) as digest from "${table}" t`,
      ),
    )) as unknown as { rows: { digest: string }[] };
    parts.push(`${table}:${result.rows[0]?.digest}`);
  }
  return parts.join(',');
}
