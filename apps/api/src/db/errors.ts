/** The PostgreSQL error code of a failed query, looking through drizzle's wrapper. */
function sqlState(error: unknown): string | undefined {
  for (
    let current = error;
    current && typeof current === 'object';
    current = (current as { cause?: unknown }).cause
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** A row could not be deleted (or a reference written) because of a foreign key. */
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === '23503';

/** A unique index refused the row. */
export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';
