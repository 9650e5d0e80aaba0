import type { PageEnvelope } from '@chambers/api-client/client';
import type { CalendarEntry } from '@chambers/contracts/calendar';
import type { CalendarRange } from '@chambers/ui/calendar-view';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/**
 * `GET /api/v1/calendar_entries`: every entry the caller is invited to that overlaps the range,
 * page after page (a calendar shows the whole range at once).
 */
export async function getCalendarEntries(
  range: CalendarRange,
  signal?: AbortSignal,
): Promise<CalendarEntry[]> {
  const entries: CalendarEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.request<PageEnvelope<CalendarEntry>>('GET', '/api/v1/calendar_entries', {
      query: { from: range.from, to: range.to, limit: 200, cursor },
      signal,
    });
    entries.push(...page.data);
    cursor = page.meta.next_cursor ?? undefined;
  } while (cursor);
  return entries;
}

export const calendarEntriesQueryOptions = (range: CalendarRange) =>
  queryOptions({
    queryKey: ['calendar_entries', range.from, range.to],
    queryFn: ({ signal }) => getCalendarEntries(range, signal),
  });

/** The range's entries; the previous range's stay shown while the next one loads. */
export function useCalendarEntries(range: CalendarRange | null) {
  return useQuery({
    ...calendarEntriesQueryOptions(range ?? { from: '', to: '' }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}
