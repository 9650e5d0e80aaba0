import { sql } from 'drizzle-orm';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { type SignedIn, signIn } from '../support/sessions';
import type { TestApp } from '../support/test-app';

/** The seeded people these tests act as, and the demo co-counsel's contact card. */
export interface DemoFirm {
  admin: SignedIn;
  attorney: SignedIn;
  staff: SignedIn;
  /** Cora Counsel, the demo firm's co-counsel (she has an account). */
  coCounsel: SignedIn;
  coCounselContactId: string;
  otherAdmin: SignedIn;
  firmId: string;
  otherFirmId: string;
}

/** Seeds the demo firms into a fresh test app and signs everyone in. */
export async function seedAndSignIn(t: TestApp, nextIp: () => string): Promise<DemoFirm> {
  await seedDemoFirm(t.database.db);
  const as = (email: string) => signIn(t.app, email, { ip: nextIp() });
  const admin = await as('admin@demo-firm.test');
  const otherAdmin = await as('admin@harbor-vale.test');
  const coCounsel = await as('cocounsel@outside-counsel.test');
  const found = (await t.database.db.execute(
    sql`select contact_id from memberships where id = ${coCounsel.membership.id}`,
  )) as unknown as { rows: { contact_id: string }[] };
  return {
    admin,
    attorney: await as('attorney@demo-firm.test'),
    staff: await as('staff@demo-firm.test'),
    coCounsel,
    coCounselContactId: found.rows[0]?.contact_id ?? '',
    otherAdmin,
    firmId: admin.membership.firm_id,
    otherFirmId: otherAdmin.membership.firm_id,
  };
}
