import { AppError } from '../errors/app-error';

/**
 * Keyset cursors are the last row's (time-ordered UUIDv7) id, base64url-encoded so clients treat
 * them as opaque. Paging on the id alone avoids timestamp precision traps.
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id))
    throw new AppError('validation_failed', 'cursor is not valid for this list.', {
      errors: [{ path: 'querystring/cursor', message: 'is not a cursor this API issued' }],
    });
  return id;
}

/** Fetch `limit + 1` rows; this trims the extra one and says where the next page starts. */
export function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
