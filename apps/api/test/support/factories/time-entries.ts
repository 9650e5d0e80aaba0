import type { Db } from '../../../src/db/database';
import { activities } from '../../../src/db/schema/activities';
import { calendarEntries } from '../../../src/db/schema/calendar';
import { tasks } from '../../../src/db/schema/tasks';

/**
 * Rows that time entries link to or that tests need without going through the entries' own
 * routes (an entry logged by a co-counsel, who cannot log through the API yet). Each takes
 * overrides.
 */

export async function makeTask(
  db: Db,
  firmId: string,
  createdByMembershipId: string,
  overrides: Partial<typeof tasks.$inferInsert> = {},
) {
  const [task] = await db
    .insert(tasks)
    .values({ firmId, createdByMembershipId, name: 'Draft the motion', ...overrides })
    .returning();
  if (!task) throw new Error('task not inserted');
  return task;
}

export async function makeCalendarEntry(
  db: Db,
  firmId: string,
  createdByMembershipId: string,
  overrides: Partial<typeof calendarEntries.$inferInsert> = {},
) {
  const [entry] = await db
    .insert(calendarEntries)
    .values({
      firmId,
      createdByMembershipId,
      title: 'Hearing',
      startsAt: new Date('2026-11-20T15:00:00Z'),
      endsAt: new Date('2026-11-20T16:00:00Z'),
      timeZone: 'Europe/London',
      ...overrides,
    })
    .returning();
  if (!entry) throw new Error('calendar entry not inserted');
  return entry;
}

/** A time entry as stored (amount as given: the API computes it, this does not). */
export async function makeActivity(
  db: Db,
  values: { firmId: string; matterId: string; authorMembershipId: string } & Partial<
    typeof activities.$inferInsert
  >,
) {
  const [activity] = await db
    .insert(activities)
    .values({ date: '2026-11-20', durationSeconds: 3600, description: 'Work', ...values })
    .returning();
  if (!activity) throw new Error('time entry not inserted');
  return activity;
}
