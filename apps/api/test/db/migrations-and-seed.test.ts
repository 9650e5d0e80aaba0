import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database';
import { runMigrations } from '../../src/db/migrate';
import { verifyPassword } from '../../src/lib/password';
import { DEMO_PASSWORD, demoPeople, seedDemoFirm } from '../../src/seed/demo-firm';
import { createTestDatabase } from '../support/test-database';

describe('migrations and the demo seed', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('creates the first tables, and running the migrator again changes nothing', async () => {
    await runMigrations(database);
    const result = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map(
      (row) => row.table_name,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['firms', 'identities', 'memberships', 'jobs', 'dev_mail']),
    );
  });

  it('seeds the demo firms once: every role, externals as contacts, one identity in two firms', async () => {
    expect(await seedDemoFirm(database.db)).toBe(true);
    expect(await seedDemoFirm(database.db)).toBe(false);
    const result = await database.db.execute(sql`
      select i.email, i.password_hash, m.role, c.email as contact_email
        from identities i
        join memberships m on m.identity_id = i.id
        left join contacts c on c.id = m.contact_id and c.firm_id = m.firm_id
       order by i.email`);
    type Row = { email: string; password_hash: string; role: string; contact_email: string | null };
    const rows = (result as unknown as { rows: Row[] }).rows;
    expect(rows).toHaveLength(demoPeople.flatMap((person) => person.accounts).length);
    expect(new Set(rows.map((row) => row.role))).toEqual(
      new Set(['admin', 'attorney', 'staff', 'co_counsel', 'client']),
    );
    for (const row of rows) {
      const external = row.role === 'co_counsel' || row.role === 'client';
      expect(row.contact_email, row.email).toBe(external ? row.email : null);
    }
    const morgan = rows.filter((row) => row.email === 'morgan@demo-firm.test').map((row) => row.role);
    expect(morgan.sort()).toEqual(['attorney', 'co_counsel']);
    const admin = rows.find((row) => row.email === 'admin@demo-firm.test');
    expect(admin?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(admin?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
  });

  it('refuses a second identity with the same email in another case', async () => {
    await expect(
      database.db.execute(sql`insert into identities (id, email, name) values
        ('0190a000-0000-7000-8000-000000000001', 'ADMIN@demo-firm.test', 'Dup')`),
    ).rejects.toThrow();
  });
});
