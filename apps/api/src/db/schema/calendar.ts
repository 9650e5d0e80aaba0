import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { firms } from './firms';
import { matters } from './matters';
import { memberships } from './memberships';
import { personCheck, personColumns } from './people';

/**
 * An event. Start and end are UTC instants; `time_zone` (IANA) is the zone it was planned in,
 * which all-day events and exports need. No recurrence yet (docs/decisions/013).
 */
export const calendarEntries = pgTable(
  'calendar_entries',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    matterId: uuid('matter_id').references(() => matters.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    location: text('location'),
    conferenceUrl: text('conference_url'),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    timeZone: text('time_zone').notNull(),
    allDay: boolean('all_day').notNull().default(false),
    createdByMembershipId: uuid('created_by_membership_id')
      .notNull()
      .references(() => memberships.id),
    ...timestamps(),
  },
  (table) => [
    index('calendar_entries_firm_starts_idx').on(table.firmId, table.startsAt, table.id),
    index('calendar_entries_matter_idx').on(table.matterId),
  ],
);

/** Who attends an event: firm users and contacts (inviting a co-counsel is how an event is shared). */
export const calendarAttendees = pgTable(
  'calendar_attendees',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => calendarEntries.id, { onDelete: 'cascade' }),
    ...personColumns(),
  },
  (table) => [
    index('calendar_attendees_entry_idx').on(table.entryId),
    index('calendar_attendees_membership_idx').on(table.membershipId),
    index('calendar_attendees_contact_idx').on(table.contactId),
    personCheck('calendar_attendees_one_person', table),
  ],
);

/** A membership's secret calendar feed URL (only the token's hash is kept); one per membership. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: id(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    tokenHash: text('token_hash').notNull(),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('calendar_feeds_membership_key').on(table.membershipId),
    uniqueIndex('calendar_feeds_token_key').on(table.tokenHash),
  ],
);
