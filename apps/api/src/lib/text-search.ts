import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** `%text%` for ILIKE, with the user's `%`, `_` and `\` matched literally (backslash is the escape). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Whether `column` contains `text`, ignoring case; the caller's wildcards mean themselves. */
export function containsText(column: PgColumn | SQL, text: string): SQL {
  return sql`${column} ilike ${containsPattern(text)}`;
}
