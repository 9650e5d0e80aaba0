import { MAX_ENTRY_DAYS } from '@chambers/contracts/calendar';
import { and, asc, eq, gt, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { calendarAttendees, calendarEntries, calendarFeeds } from '../../db/schema/calendar';
import { firms } from '../../db/schema/firms';
import { memberships } from '../../db/schema/memberships';
import type { TimeKey } from '../../lib/cursor';
import type { PersonColumns } from '../practice/people';
import { DAY_MS } from './timing';

export type EntryRow = typeof calendarEntries.$inferSelect;
export type AttendeeRow = typeof calendarAttendees.$inferSelect;

/** What a list of entries may be narrowed to; every filter given must hold. */
export interface EntryFilters {
  /** Entries overlapping [from, to): see `overlapping`. */
  from?: Date;
  to?: Date;
  matterId?: string;
  attendeeMembershipId?: string;
  attendeeContactId?: string;
  updatedSince?: Date;
}

/**
 * Entries overlapping the half-open range [from, to): starting before `to`, and ending after
 * `from` or starting at or after it (so a zero-length entry at `from` counts, one ending exactly
 * at `from` does not). An entry lasts at most MAX_ENTRY_DAYS, so the start is also bounded from
 * below and the (firm, starts_at, id) index serves the whole range.
 */
function overlapping(from: Date | undefined, to: Date | undefined): SQL | undefined {
  return and(
    to ? lt(calendarEntries.startsAt, to) : undefined,
    from
      ? and(
          or(gte(calendarEntries.startsAt, from), gt(calendarEntries.endsAt, from)),
          gte(calendarEntries.startsAt, new Date(from.getTime() - MAX_ENTRY_DAYS * DAY_MS)),
        )
      : undefined,
  );
}

/** Entries one person attends (a firm user by membership id, or a contact). */
function attendedBy(person: SQL): SQL {
  return sql`exists (select 1 from ${calendarAttendees} where ${calendarAttendees.entryId} = ${calendarEntries.id} and ${person})`;
}

/** After the keyset position `after` in (starts_at, id) order. */
const afterKey = (after: TimeKey) =>
  sql`(${calendarEntries.startsAt}, ${calendarEntries.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`;

/** Entries within `scope` (the policy's) meeting `filters`, in (starts_at, id) order. */
export function listEntries(
  db: Db,
  scope: SQL,
  filters: EntryFilters,
  page: { limit: number; after?: TimeKey },
): Promise<EntryRow[]> {
  return db
    .select()
    .from(calendarEntries)
    .where(
      and(
        scope,
        overlapping(filters.from, filters.to),
        filters.matterId ? eq(calendarEntries.matterId, filters.matterId) : undefined,
        filters.attendeeMembershipId
          ? attendedBy(eq(calendarAttendees.membershipId, filters.attendeeMembershipId))
          : undefined,
        filters.attendeeContactId
          ? attendedBy(eq(calendarAttendees.contactId, filters.attendeeContactId))
          : undefined,
        filters.updatedSince ? gte(calendarEntries.updatedAt, filters.updatedSince) : undefined,
        page.after ? afterKey(page.after) : undefined,
      ),
    )
    .orderBy(asc(calendarEntries.startsAt), asc(calendarEntries.id))
    .limit(page.limit);
}

/** One entry within `scope`; `lock` holds it until the transaction ends (attendees are replaced whole). */
export async function findEntry(db: Db, scope: SQL, entryId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(calendarEntries)
    .where(and(scope, eq(calendarEntries.id, entryId)))
    .limit(1);
  const [row] = await (options.lock ? query.for('update') : query);
  return row ?? null;
}

/** The attendees of some entries in one query, in the order they were added. */
export function listAttendees(db: Db, entryIds: string[]): Promise<AttendeeRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(calendarAttendees)
    .where(inArray(calendarAttendees.entryId, entryIds))
    .orderBy(asc(calendarAttendees.id));
}

export async function insertEntry(db: Db, values: typeof calendarEntries.$inferInsert): Promise<EntryRow> {
  const [row] = await db.insert(calendarEntries).values(values).returning();
  if (!row) throw new Error('calendar entry not inserted');
  return row;
}

/** Changes an entry; `updated_at` moves even when only its attendees changed. */
export async function updateEntry(
  db: Db,
  entryId: string,
  values: Partial<typeof calendarEntries.$inferInsert>,
): Promise<EntryRow> {
  const [row] = await db
    .update(calendarEntries)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(calendarEntries.id, entryId))
    .returning();
  if (!row) throw new Error('calendar entry vanished');
  return row;
}

/** Replaces an entry's attendees with `people`, kept in the given order. */
export async function replaceAttendees(
  db: Db,
  entry: { id: string; firmId: string },
  people: PersonColumns[],
): Promise<void> {
  await db.delete(calendarAttendees).where(eq(calendarAttendees.entryId, entry.id));
  if (people.length === 0) return;
  await db
    .insert(calendarAttendees)
    .values(people.map((person) => ({ firmId: entry.firmId, entryId: entry.id, ...person })));
}

export async function deleteEntry(db: Db, entryId: string): Promise<void> {
  await db.delete(calendarEntries).where(eq(calendarEntries.id, entryId));
}

export async function findFeed(db: Db, membershipId: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.membershipId, membershipId))
    .limit(1);
  return row ?? null;
}

/**
 * Makes the membership's feed, or gives its existing one a new token (the old one stops
 * matching at once). One statement, so two rotations at the same time leave one token.
 */
export async function upsertFeed(db: Db, feed: { firmId: string; membershipId: string; tokenHash: string }) {
  const now = new Date();
  const [row] = await db
    .insert(calendarFeeds)
    .values({ ...feed, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: calendarFeeds.membershipId,
      set: { tokenHash: feed.tokenHash, createdAt: now, updatedAt: now },
    })
    .returning();
  if (!row) throw new Error('calendar feed not written');
  return row;
}

export async function deleteFeed(db: Db, membershipId: string) {
  const [row] = await db
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.membershipId, membershipId))
    .returning();
  return row ?? null;
}

/** The active membership (and its firm's name) a feed token belongs to; null for any other token. */
export async function findFeedOwner(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ membership: memberships, firmName: firms.name })
    .from(calendarFeeds)
    .innerJoin(memberships, eq(memberships.id, calendarFeeds.membershipId))
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(memberships.status, 'active')))
    .limit(1);
  return row ?? null;
}
