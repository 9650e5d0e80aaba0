import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { firms } from './firms';

export const contactKind = pgEnum('contact_kind', ['person', 'company']);

/** One email address of a contact; exactly one of a contact's addresses is primary. */
export interface ContactEmail {
  address: string;
  label: string | null;
  primary: boolean;
}
export interface ContactPhone {
  number: string;
  label: string | null;
}
export interface ContactAddress {
  label: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
}

/**
 * People and companies a firm works with. Co-counsel and clients are contacts; an external's
 * membership points at its contact. Emails, phones and addresses are small value lists kept on
 * the row (see docs/decisions/013); `email` mirrors the primary address for lookups and mail.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    kind: contactKind('kind').notNull().default('person'),
    /** Display name: "First Last" for a person, the company name for a company. */
    name: text('name').notNull(),
    prefix: text('prefix'),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    lastName: text('last_name'),
    /** A person's employer, as text; a company contact's own name is `name`. */
    companyName: text('company_name'),
    title: text('title'),
    email: text('email'),
    emails: jsonb('emails').$type<ContactEmail[]>().notNull().default(sql`'[]'::jsonb`),
    phones: jsonb('phones').$type<ContactPhone[]>().notNull().default(sql`'[]'::jsonb`),
    addresses: jsonb('addresses').$type<ContactAddress[]>().notNull().default(sql`'[]'::jsonb`),
    notes: text('notes'),
    isClient: boolean('is_client').notNull().default(false),
    isCoCounsel: boolean('is_co_counsel').notNull().default(false),
    /** A co-counsel's single hourly rate in minor units; their time entries carry it. */
    hourlyRate: integer('hourly_rate'),
    ...timestamps(),
  },
  (table) => [index('contacts_firm_id_idx').on(table.firmId, table.id)],
);
