import { AppError } from '../errors/app-error';

/**
 * Keyset cursors are the last row's (time-ordered UUIDv7) id, base64url-encoded so clients treat
 * them as opaque. Paging on the id alone avoids timestamp precision traps.
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const badCursor = () =>
  new AppError('validation_failed', 'cursor is not valid for this list.', {
    errors: [{ path: 'querystring/cursor', message: 'is not a cursor this API issued' }],
  });

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw badCursor();
  return id;
}

/** Fetch `limit + 1` rows; this trims the extra one and says where the next page starts. */
export function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  return pageWith(rows, limit, (last) => encodeCursor(last.id));
}

function pageWith<T>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => string,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/** A position in a list ordered by a timestamp column, then id (rows with equal times stay apart). */
export interface TimeKey {
  at: Date;
  id: string;
}

/**
 * `t.<epoch milliseconds>.<id>`, base64url-encoded. Timestamps are stored to the millisecond, so
 * the pair round-trips exactly; the `t.` tag keeps an id cursor of another list from passing.
 */
export function encodeTimeCursor(key: TimeKey): string {
  return Buffer.from(`t.${key.at.getTime()}.${key.id}`, 'utf8').toString('base64url');
}

const TIME_KEY = /^t\.(-?\d{1,15})\.([0-9a-f-]{36})$/;
/** Years 0001–9999: what `toISOString` writes with four digits and PostgreSQL reads back. */
const EPOCH_MS_RANGE = [-62_135_596_800_000, 253_402_300_799_999] as const;

/** The key a time cursor names, or 400 for anything this API did not issue. */
export function decodeTimeCursor(cursor: string): TimeKey {
  const match = TIME_KEY.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const ms = Number(match?.[1]);
  const id = match?.[2] ?? '';
  if (!match || !UUID.test(id) || !(ms >= EPOCH_MS_RANGE[0] && ms <= EPOCH_MS_RANGE[1])) throw badCursor();
  return { at: new Date(ms), id };
}

/** `pageOf` for lists keyed on (time, id): the cursor carries the last row's time and id. */
export function pageOfTimeKeyed<T extends { id: string }>(
  rows: T[],
  limit: number,
  timeOf: (row: T) => Date,
): { items: T[]; nextCursor: string | null } {
  return pageWith(rows, limit, (last) => encodeTimeCursor({ at: timeOf(last), id: last.id }));
}

/** A position in a list ordered by a plain date (none sorts as the list says), then id. */
export interface DateKey {
  date: string | null;
  id: string;
}

/**
 * `<order>.<YYYY-MM-DD or ->.<id>`, base64url-encoded. The order's name is part of the cursor, so a
 * cursor of one order (or of another list) is refused by another instead of skipping rows.
 */
export function encodeDateCursor(order: string, key: DateKey): string {
  return Buffer.from(`${order}.${key.date ?? '-'}.${key.id}`, 'utf8').toString('base64url');
}

const DATE_KEY = /^([a-z_]+)\.(\d{4}-\d{2}-\d{2}|-)\.([0-9a-f-]{36})$/;

/** A real calendar date (not 2026-02-30), which PostgreSQL would otherwise refuse with a 500. */
const isCalendarDate = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
};

/** The key a date cursor of `order` names, or 400 for anything else. */
export function decodeDateCursor(order: string, cursor: string): DateKey {
  const match = DATE_KEY.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const date = match?.[2] === '-' ? null : (match?.[2] ?? '');
  const id = match?.[3] ?? '';
  if (!match || match[1] !== order || !UUID.test(id) || (date !== null && !isCalendarDate(date))) {
    throw badCursor();
  }
  return { date, id };
}

/** `pageOf` for lists keyed on (date, id) in `order`: the cursor carries the last row's date and id. */
export function pageOfDateKeyed<T extends { id: string }>(
  rows: T[],
  limit: number,
  order: string,
  dateOf: (row: T) => string | null,
): { items: T[]; nextCursor: string | null } {
  return pageWith(rows, limit, (last) => encodeDateCursor(order, { date: dateOf(last), id: last.id }));
}
