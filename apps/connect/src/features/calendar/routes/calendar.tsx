import type { CalendarEntry } from '@chambers/contracts/calendar';
import { type CalendarRange, CalendarView, calendarEventOf } from '@chambers/ui/calendar-view';
import { useTimeZone } from '@chambers/ui/date-time';
import { LoadError } from '@chambers/ui/query-state';
import { Stack, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { pageTitle } from '../../../lib/product';
import { useCalendarEntries } from '../api/get-calendar-entries';
import { EventDetailsModal } from '../components/event-details-modal';

/** The events the person is invited to: month, week or list (the list on a phone), each openable. */
export function Component() {
  useDocumentTitle(pageTitle('Calendar'));
  const timeZone = useTimeZone();
  // Read at once, not after a first render, so a phone starts on the list rather than switching to it.
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const [range, setRange] = useState<CalendarRange | null>(null);
  const [opened, setOpened] = useState<CalendarEntry | null>(null);
  const entries = useCalendarEntries(range);
  const events = useMemo(() => (entries.data ?? []).map(calendarEventOf), [entries.data]);

  function openEvent(id: string) {
    setOpened(entries.data?.find((entry) => entry.id === id) ?? null);
  }

  return (
    <Stack>
      <Title order={1}>Calendar</Title>
      {entries.isError && <LoadError error={entries.error} onRetry={() => entries.refetch()} />}
      <CalendarView
        timeZone={timeZone}
        events={events}
        onRangeChange={setRange}
        onOpenEvent={openEvent}
        defaultView={phone ? 'list' : 'month'}
        loading={entries.isFetching}
      />
      <EventDetailsModal entry={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
