import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/database';
import { identities } from '../../src/db/schema/identities';
import { memberships } from '../../src/db/schema/memberships';
import { shares } from '../../src/db/schema/shares';
import { hashPassword } from '../../src/lib/password';
import { DEMO_PASSWORD, seedDemoFirm } from '../../src/seed/demo-firm';
import { makeContact } from '../support/factories/practice';
import { type SignedIn, signIn } from '../support/sessions';
import type { TestApp } from '../support/test-app';

/**
 * What the co-counsel practice tests act on: the seeded demo firms' users, and co-counsel made
 * fresh for each test file, so that whatever the demo seed shares with its own co-counsel never
 * enters the exact id sets these tests compare.
 */
export interface PracticeFirm {
  admin: SignedIn;
  staff: SignedIn;
  otherAdmin: SignedIn;
  firmId: string;
  otherFirmId: string;
}

/** A co-counsel account: its session, its membership and its contact card at the firm. */
export interface CoCounsel {
  session: SignedIn;
  membershipId: string;
  contactId: string;
}

export async function seedPracticeFirm(t: TestApp, nextIp: () => string): Promise<PracticeFirm> {
  await seedDemoFirm(t.database.db);
  const admin = await signIn(t.app, 'admin@demo-firm.test', { ip: nextIp() });
  const otherAdmin = await signIn(t.app, 'admin@harbor-vale.test', { ip: nextIp() });
  return {
    admin,
    staff: await signIn(t.app, 'staff@demo-firm.test', { ip: nextIp() }),
    otherAdmin,
    firmId: admin.membership.firm_id,
    otherFirmId: otherAdmin.membership.firm_id,
  };
}

/** Makes a co-counsel of `firmId` (contact card with `hourlyRate`, account, membership) and signs it in. */
export async function makeCoCounsel(
  t: TestApp,
  firmId: string,
  options: { email: string; hourlyRate?: number; ip: string },
): Promise<CoCounsel> {
  const db = t.database.db;
  const contact = await makeContact(db, firmId, {
    name: `Counsel ${options.email}`,
    email: options.email,
    emails: [{ address: options.email, label: 'work', primary: true }],
    isCoCounsel: true,
    hourlyRate: options.hourlyRate ?? null,
  });
  const [identity] = await db
    .insert(identities)
    .values({ email: options.email, name: contact.name, passwordHash: await hashPassword(DEMO_PASSWORD) })
    .returning();
  const [membership] = await db
    .insert(memberships)
    .values({ firmId, identityId: identity?.id ?? '', role: 'co_counsel', contactId: contact.id })
    .returning();
  return {
    session: await signIn(t.app, options.email, { ip: options.ip }),
    membershipId: membership?.id ?? '',
    contactId: contact.id,
  };
}

/** Shares one resource with a co-counsel, as the sharing routes store it; answers the share's id. */
export async function share(
  db: Db,
  values: { firmId: string; contactId: string; sharedBy: string } & (
    | { matterId: string }
    | { documentId: string }
  ),
): Promise<string> {
  const { sharedBy, ...rest } = values;
  const [row] = await db
    .insert(shares)
    .values({
      ...rest,
      resourceType: 'matterId' in values ? 'matter' : 'document',
      createdByMembershipId: sharedBy,
    })
    .returning({ id: shares.id });
  return row?.id ?? '';
}

/** Stops a share the way the sharing routes do: the row goes. */
export async function stopSharing(db: Db, shareId: string): Promise<void> {
  await db.delete(shares).where(eq(shares.id, shareId));
}
