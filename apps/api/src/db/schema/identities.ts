import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

/** One login: a person, whatever firms they work with. */
export const identities = pgTable(
  'identities',
  {
    id: id(),
    /** Stored as typed; unique case-insensitively. */
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    name: text('name').notNull(),
    /** The blob of the profile picture (as uploaded, after type checks) and its verified type. */
    avatarKey: text('avatar_key'),
    avatarContentType: text('avatar_content_type'),
    timeZone: text('time_zone').notNull().default('UTC'),
    ...timestamps(),
  },
  (table) => [uniqueIndex('identities_email_lower_key').on(sql`lower(${table.email})`)],
);
