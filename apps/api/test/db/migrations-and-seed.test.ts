import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database';
import { runMigrations } from '../../src/db/migrate';
import { verifyPassword } from '../../src/lib/password';
import { demoLogins, seedDemoFirm } from '../../src/seed/demo-firm';
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

  it('seeds the demo firm once, with an argon2id password', async () => {
    expect(await seedDemoFirm(database.db)).toBe(true);
    expect(await seedDemoFirm(database.db)).toBe(false);
    const result = await database.db.execute(sql`
      select i.email, i.password_hash, m.role, f.name
        from identities i join memberships m on m.identity_id = i.id join firms f on f.id = m.firm_id`);
    const rows = (result as unknown as { rows: { email: string; password_hash: string; role: string }[] })
      .rows;
    expect(rows).toHaveLength(demoLogins.length);
    const [admin] = rows;
    expect(admin?.role).toBe('admin');
    expect(admin?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(admin?.password_hash ?? '', 'chambers-demo')).toBe(true);
  });

  it('refuses a second identity with the same email in another case', async () => {
    await expect(
      database.db.execute(sql`insert into identities (id, email, name) values
        ('0190a000-0000-7000-8000-000000000001', 'ADMIN@demo-firm.test', 'Dup')`),
    ).rejects.toThrow();
  });
});
