import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityCases } from '../access/cases/activities';
import { calendarCases } from '../access/cases/calendar';
import { communicationCases } from '../access/cases/communications';
import { contactCases } from '../access/cases/contacts';
import { matterCases } from '../access/cases/matters';
import { noteCases } from '../access/cases/notes';
import { taskCases } from '../access/cases/tasks';
import { credentials } from '../access/route-case';
import { buildWorld, type PrincipalKind, type World } from '../access/world';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * What the access matrix only checks by status: the lists that answer 200 to co-counsel without
 * a share (never given, stopped, or at another firm) and to the identity acting as the other
 * firm's admin hold exactly their own rows — none of the demo firm's matters, records or people —
 * and no co-counsel list row carries a rate, an amount or billing.
 */
const lists = {
  contacts: '/api/v1/contacts',
  matters: '/api/v1/matters',
  notes: '/api/v1/notes',
  communications: '/api/v1/communications',
  calendar_entries: '/api/v1/calendar_entries',
  tasks: '/api/v1/tasks',
  activities: '/api/v1/activities',
} as const;
type List = keyof typeof lists;

const coCounselKinds = [
  'co_counsel',
  'co_counsel_unshared',
  'co_counsel_revoked',
  'co_counsel_other_firm',
] as const;

describe("co-counsel lists in the access matrix's world", () => {
  let t: TestApp;
  let world: World;

  /** Every row of a list, page after page. */
  async function listAll(who: PrincipalKind, list: List): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const response = await t.app.inject({
        method: 'GET',
        url: `${lists[list]}?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        headers: credentials(world, who),
      });
      expect(response.statusCode, `${who} ${list}: ${response.body}`).toBe(200);
      const page: { data: Record<string, unknown>[]; meta: { next_cursor: string | null } } = response.json();
      found.push(...page.data);
      cursor = page.meta.next_cursor;
    } while (cursor);
    return found;
  }
  const idsOf = async (who: PrincipalKind, list: List) =>
    new Set((await listAll(who, list)).map((row) => row.id as string));
  const firmRows = async (table: List, firmId: string) =>
    new Set(
      (
        (await t.database.db.execute(
          sql`select id from ${sql.identifier(table)} where firm_id = ${firmId}`,
        )) as unknown as { rows: { id: string }[] }
      ).rows.map((row) => row.id),
    );

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t.app, t.database);
    // The matrix's own fixtures: rows on the shared matter, entries it attends, tasks assigned to it.
    for (const cases of [
      contactCases,
      matterCases,
      noteCases,
      communicationCases,
      calendarCases,
      taskCases,
      activityCases,
    ]) {
      for (const row of cases) await row.setup?.(world);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('shows co-counsel never shared anything, or whose shares stopped, only its own card', async () => {
    for (const who of ['co_counsel_unshared', 'co_counsel_revoked'] as const) {
      for (const list of Object.keys(lists) as List[]) {
        const expected = list === 'contacts' ? [world.contactIds[who]] : [];
        expect(await idsOf(who, list), `${who} ${list}`).toEqual(new Set(expected));
      }
    }
  });

  it("shows another firm's co-counsel its own firm's shared matter and the people on it, nothing of the demo firm", async () => {
    const matterId = world.sharedElsewhere.matterId;
    const [matter] = (
      (await t.database.db.execute(sql`select client_id from matters where id = ${matterId}`)) as unknown as {
        rows: { client_id: string }[];
      }
    ).rows;
    const expected: Record<List, string[]> = {
      contacts: [world.contactIds.co_counsel_other_firm, matter?.client_id ?? ''],
      matters: [matterId],
      notes: [],
      communications: [],
      calendar_entries: [],
      tasks: [],
      activities: [],
    };
    for (const list of Object.keys(lists) as List[]) {
      expect(await idsOf('co_counsel_other_firm', list), list).toEqual(new Set(expected[list]));
    }
  });

  it("shows the demo co-counsel's identity, acting as the other firm's admin, exactly that firm's rows", async () => {
    for (const list of Object.keys(lists) as List[]) {
      // The demo firm has rows of every kind, some shared with this identity's co-counsel account there.
      expect((await firmRows(list, world.firmIds.demo)).size, list).toBeGreaterThan(0);
      expect(await idsOf('firm_user_elsewhere', list), list).toEqual(
        await firmRows(list, world.firmIds.other),
      );
    }
  });

  it('answers co-counsel list rows without rates, amounts or billing', async () => {
    for (const who of coCounselKinds) {
      for (const list of Object.keys(lists) as List[]) {
        for (const row of await listAll(who, list)) {
          for (const field of ['billing', 'hourly_rate', 'rate', 'amount']) {
            expect(row, `${who} ${list} ${field}`).not.toHaveProperty(field);
          }
        }
      }
    }
  });
});
