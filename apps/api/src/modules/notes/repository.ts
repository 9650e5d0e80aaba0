import { and, eq, gt, gte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { notes } from '../../db/schema/notes';

export type NoteRow = typeof notes.$inferSelect;

/** Notes within `scope` (the policy's), in id order, after `afterId`. */
export function listNotes(
  db: Db,
  scope: SQL,
  options: { limit: number; afterId?: string; matterId?: string; updatedSince?: Date },
) {
  return db
    .select()
    .from(notes)
    .where(
      and(
        scope,
        options.matterId ? eq(notes.matterId, options.matterId) : undefined,
        options.updatedSince ? gte(notes.updatedAt, options.updatedSince) : undefined,
        options.afterId ? gt(notes.id, options.afterId) : undefined,
      ),
    )
    .orderBy(notes.id)
    .limit(options.limit);
}

export async function findNote(db: Db, scope: SQL, noteId: string): Promise<NoteRow | null> {
  const [row] = await db
    .select()
    .from(notes)
    .where(and(scope, eq(notes.id, noteId)))
    .limit(1);
  return row ?? null;
}

export async function insertNote(db: Db, values: typeof notes.$inferInsert): Promise<NoteRow> {
  const [row] = await db.insert(notes).values(values).returning();
  if (!row) throw new Error('note not inserted');
  return row;
}

export async function updateNote(
  db: Db,
  noteId: string,
  values: Partial<Pick<typeof notes.$inferInsert, 'subject' | 'body' | 'date'>>,
): Promise<NoteRow> {
  const [row] = await db.update(notes).set(values).where(eq(notes.id, noteId)).returning();
  if (!row) throw new Error('note vanished');
  return row;
}

export async function deleteNote(db: Db, noteId: string): Promise<void> {
  await db.delete(notes).where(eq(notes.id, noteId));
}
