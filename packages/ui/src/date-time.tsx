import { createContext, type ReactNode, useContext } from 'react';

/** The browser's own zone: what times are shown in until the person's profile says otherwise. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const TimeZoneContext = createContext<string | null>(null);

/** Shows every time below in the signed-in person's time zone (their profile's `time_zone`). */
export function TimeZoneProvider({
  timeZone,
  children,
}: {
  timeZone: string | undefined;
  children: ReactNode;
}) {
  return <TimeZoneContext value={timeZone ?? null}>{children}</TimeZoneContext>;
}

/** The zone times are shown in: the person's own, else the browser's. */
export function useTimeZone(): string {
  return useContext(TimeZoneContext) ?? browserTimeZone();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(undefined, { timeZone, ...options });
    formatters.set(key, cached);
  }
  return cached;
}

/** "Nov 22, 2026, 3:04 PM" in the zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "Nov 22, 2026": the day an instant falls on in the zone. */
export function formatDate(iso: string, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium' }).format(new Date(iso));
}

/** "3:04 PM" in the zone. */
export function formatTime(iso: string, timeZone: string): string {
  return formatter(timeZone, { timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date with no time (`2026-11-22`, a due date or a time entry's date), never shifted by a zone. */
export function formatPlainDate(date: string): string {
  return formatter('UTC', { dateStyle: 'medium' }).format(new Date(`${date}T00:00:00Z`));
}

/** Today's date (`YYYY-MM-DD`) in the zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return isoDate(
    formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now),
  );
}

function isoDate(parts: Intl.DateTimeFormatPart[]): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** An instant as a `<time>` element, shown in the person's zone. */
export function DateTime({ value, dateOnly = false }: { value: string; dateOnly?: boolean }) {
  const timeZone = useTimeZone();
  return (
    <time dateTime={value}>{dateOnly ? formatDate(value, timeZone) : formatDateTime(value, timeZone)}</time>
  );
}

/** A plain calendar date as a `<time>` element. */
export function PlainDate({ value }: { value: string }) {
  return <time dateTime={value}>{formatPlainDate(value)}</time>;
}
