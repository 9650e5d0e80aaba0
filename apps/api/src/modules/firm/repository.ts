import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { firms } from '../../db/schema/firms';

export type FirmRow = typeof firms.$inferSelect;

/** The firm; `lock` holds its row until the transaction ends. */
export async function findFirm(db: Db, firmId: string, lock = false): Promise<FirmRow | null> {
  const query = db.select().from(firms).where(eq(firms.id, firmId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateFirm(
  db: Db,
  firmId: string,
  values: Partial<Pick<typeof firms.$inferInsert, 'name' | 'shareNoticeMails'>>,
): Promise<FirmRow> {
  const [row] = await db.update(firms).set(values).where(eq(firms.id, firmId)).returning();
  if (!row) throw new Error('firm vanished');
  return row;
}
