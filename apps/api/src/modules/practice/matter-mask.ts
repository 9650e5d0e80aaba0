import { and, inArray } from 'drizzle-orm';
import { isExternal, type Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { matters } from '../../db/schema/matters';
import { scope } from '../../policy/policy';

/** Maps a record's matter id to what the caller may be told: the id, or null. */
export type MatterMask = (matterId: string | null) => string | null;

/**
 * A record an external sees (an event it attends, a task assigned to it, a document shared alone)
 * can belong to a matter not shared with it; answers must not name that matter, so its id is
 * given as `null`. Firm users see every matter of their firm: their mask changes nothing.
 */
export async function matterMask(
  db: Db,
  principal: Principal,
  matterIds: readonly (string | null)[],
): Promise<MatterMask> {
  if (!isExternal(principal.role)) return (matterId) => matterId;
  const wanted = [...new Set(matterIds.filter((id): id is string => id !== null))];
  const rows =
    wanted.length === 0
      ? []
      : await db
          .select({ id: matters.id })
          .from(matters)
          .where(and(scope(principal, 'matter'), inArray(matters.id, wanted)));
  const visible = new Set(rows.map((row) => row.id));
  return (matterId) => (matterId !== null && visible.has(matterId) ? matterId : null);
}
