import { desc, lt } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { devMail } from '../../db/schema/dev-mail';
import { decodeCursor, pageOf } from '../../lib/cursor';

/** One page of captured mail, newest first. */
export async function pageDevMail(db: Db, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(devMail)
    .where(before ? lt(devMail.id, before) : undefined)
    .orderBy(desc(devMail.id))
    .limit(limit + 1);
  return pageOf(rows, limit);
}
