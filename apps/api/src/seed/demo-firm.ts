import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { contacts } from '../db/schema/contacts';
import { firms } from '../db/schema/firms';
import { identities } from '../db/schema/identities';
import { memberships } from '../db/schema/memberships';
import { hashPassword } from '../lib/password';
import type { BlobStore } from '../storage/blob-store';
import { type DemoAccounts, seedDemoPractice } from './demo-practice';

export const DEMO_PASSWORD = 'chambers-demo';
export const DEMO_FIRM_NAME = 'Demo Firm LLP';
export const SECOND_FIRM_NAME = 'Harbor & Vale LLP';

type Role = 'admin' | 'attorney' | 'staff' | 'co_counsel' | 'client';

/** The demo people: who they are and which accounts they hold. All sign in with DEMO_PASSWORD. */
export const demoPeople: ReadonlyArray<{
  email: string;
  name: string;
  accounts: ReadonlyArray<{ firm: 'demo' | 'second'; role: Role }>;
}> = [
  { email: 'admin@demo-firm.test', name: 'Avery Admin', accounts: [{ firm: 'demo', role: 'admin' }] },
  { email: 'attorney@demo-firm.test', name: 'Ari Attorney', accounts: [{ firm: 'demo', role: 'attorney' }] },
  { email: 'staff@demo-firm.test', name: 'Sam Staff', accounts: [{ firm: 'demo', role: 'staff' }] },
  {
    email: 'cocounsel@outside-counsel.test',
    name: 'Cora Counsel',
    accounts: [{ firm: 'demo', role: 'co_counsel' }],
  },
  { email: 'client@client.test', name: 'Cliff Client', accounts: [{ firm: 'demo', role: 'client' }] },
  { email: 'admin@harbor-vale.test', name: 'Hana Harbor', accounts: [{ firm: 'second', role: 'admin' }] },
  {
    email: 'morgan@demo-firm.test',
    name: 'Morgan Multi',
    accounts: [
      { firm: 'demo', role: 'attorney' },
      { firm: 'second', role: 'co_counsel' },
    ],
  },
];

/** One line per login for the start-up banner. */
export function demoLoginLines(): string[] {
  const firmName = { demo: DEMO_FIRM_NAME, second: SECOND_FIRM_NAME };
  return demoPeople.map((person) => {
    const accounts = person.accounts
      .map((account) => `${account.role} at ${firmName[account.firm]}`)
      .join(', ');
    return `${person.email.padEnd(32)} ${accounts}`;
  });
}

/**
 * Seeds the demo firms into an empty database; does nothing once any firm exists, so restarts
 * never re-seed or overwrite what a user changed. Returns whether it seeded. `practice` adds the
 * matters, contacts, events, tasks, time entries, bills, folders and what is shared with the demo
 * co-counsel that a newcomer's first screen shows (tests about other things leave it out so their
 * lists start empty); with `blobs` too, the practice includes documents stored there.
 */
export async function seedDemoFirm(
  db: Db,
  options: { practice?: boolean; blobs?: BlobStore } = {},
): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Two replicas starting on an empty database must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(7315002115)`);
    const existing = await tx.select({ id: firms.id }).from(firms).limit(1);
    if (existing.length > 0) return false;

    const inserted = await tx
      .insert(firms)
      .values([{ name: DEMO_FIRM_NAME }, { name: SECOND_FIRM_NAME }])
      .returning();
    const firmIds = { demo: inserted[0]?.id ?? '', second: inserted[1]?.id ?? '' };
    const accounts: DemoAccounts = { firmIds, memberships: {}, contacts: {} };
    for (const person of demoPeople) {
      const [identity] = await tx
        .insert(identities)
        .values({ email: person.email, name: person.name, passwordHash, timeZone: 'America/New_York' })
        .returning();
      if (!identity) throw new Error('demo identity insert returned no row');
      for (const account of person.accounts) {
        const firmId = firmIds[account.firm];
        // Externals are the firm's contacts first; their membership points at that card.
        const external = account.role === 'co_counsel' || account.role === 'client';
        const [contact] = external
          ? await tx
              .insert(contacts)
              .values({ firmId, ...externalContact(person.name, person.email, account.role) })
              .returning()
          : [];
        const [membership] = await tx
          .insert(memberships)
          .values({
            firmId,
            identityId: identity.id,
            role: account.role,
            contactId: contact?.id ?? null,
            hourlyRate: external ? null : 30000,
          })
          .returning();
        const key = `${account.firm}:${person.email}`;
        if (membership) accounts.memberships[key] = membership.id;
        if (contact) accounts.contacts[key] = contact.id;
      }
    }
    if (options.practice) await seedDemoPractice(tx, accounts, options.blobs);
    return true;
  });
}

/** The contact card behind an external's membership: a person, flagged as client or co-counsel. */
function externalContact(name: string, email: string, role: Role) {
  const [firstName, ...rest] = name.split(' ');
  return {
    name,
    firstName: firstName ?? name,
    lastName: rest.join(' ') || null,
    email,
    emails: [{ address: email, label: 'work', primary: true }],
    isClient: role === 'client',
    isCoCounsel: role === 'co_counsel',
    hourlyRate: role === 'co_counsel' ? 25000 : null,
  };
}
