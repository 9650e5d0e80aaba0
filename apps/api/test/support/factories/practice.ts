import { randomUUID } from 'node:crypto';
import type { Db } from '../../../src/db/database';
import { contacts } from '../../../src/db/schema/contacts';
import { firms } from '../../../src/db/schema/firms';
import { matters } from '../../../src/db/schema/matters';
import { createRootFolder } from '../../../src/modules/folders/root-folder';

/**
 * Rows for tests that need practice data to exist without going through its routes. Each takes
 * overrides; tests about a resource's own routes create it through the API instead.
 */

export async function makeFirm(db: Db, overrides: Partial<typeof firms.$inferInsert> = {}) {
  const [firm] = await db
    .insert(firms)
    .values({ name: `Firm ${randomUUID().slice(0, 8)}`, ...overrides })
    .returning();
  if (!firm) throw new Error('firm not inserted');
  return firm;
}

export async function makeContact(
  db: Db,
  firmId: string,
  overrides: Partial<typeof contacts.$inferInsert> = {},
) {
  const suffix = randomUUID().slice(0, 8);
  const [contact] = await db
    .insert(contacts)
    .values({
      firmId,
      name: `Contact ${suffix}`,
      firstName: 'Contact',
      lastName: suffix,
      email: `contact-${suffix}@example.test`,
      emails: [{ address: `contact-${suffix}@example.test`, label: 'work', primary: true }],
      ...overrides,
    })
    .returning();
  if (!contact) throw new Error('contact not inserted');
  return contact;
}

/** A matter with its root folder (and a new client contact unless `clientId` is given). */
export async function makeMatter(
  db: Db,
  firmId: string,
  overrides: Partial<typeof matters.$inferInsert> = {},
) {
  const clientId = overrides.clientId ?? (await makeContact(db, firmId, { isClient: true })).id;
  const [matter] = await db
    .insert(matters)
    .values({
      firmId,
      number: `T-${randomUUID().slice(0, 8)}`,
      description: 'Test matter',
      clientId,
      openDate: '2026-01-05',
      ...overrides,
    })
    .returning();
  if (!matter) throw new Error('matter not inserted');
  const rootFolderId = await createRootFolder(db, {
    firmId,
    matterId: matter.id,
    createdByMembershipId: null,
  });
  return { ...matter, rootFolderId };
}
