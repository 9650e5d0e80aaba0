import type { CalendarEntry } from '@chambers/contracts/calendar';
import type {
  DatesSetArg,
  DayCellMountArg,
  EventClickArg,
  EventInput,
  EventMountArg,
} from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import listPlugin from '@fullcalendar/list';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { ActionIcon, Button, Group, Loader, SegmentedControl, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { todayIn } from './date-time';

export type CalendarViewName = 'month' | 'week' | 'list';

const fullCalendarViews: Record<CalendarViewName, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listMonth',
};

const viewChoices = [
  { value: 'month', label: 'Month' },
  { value: 'week', label: 'Week' },
  { value: 'list', label: 'List' },
];

/** The visible range, `[from, to)`, as RFC 3339 instants with the zone's offset. */
export interface CalendarRange {
  from: string;
  to: string;
}

/** One event as the calendar lays it out (see `calendarEventOf`). */
export interface CalendarViewEvent {
  id: string;
  title: string;
  /** An instant for a timed event; a `YYYY-MM-DD` date for an all-day one. */
  start: string;
  /** Exclusive: an instant, or the date after an all-day event's last day. */
  end: string;
  allDay: boolean;
}

/**
 * A calendar entry as the calendar shows it. An all-day entry covers whole days in the zone it was
 * planned in, so it is laid out by those dates — the same days for everyone, wherever they are.
 */
export function calendarEventOf(entry: CalendarEntry): CalendarViewEvent {
  if (!entry.all_day) {
    return { id: entry.id, title: entry.title, start: entry.starts_at, end: entry.ends_at, allDay: false };
  }
  return {
    id: entry.id,
    title: entry.title,
    start: todayIn(entry.time_zone, new Date(entry.starts_at)),
    end: todayIn(entry.time_zone, new Date(entry.ends_at)),
    allDay: true,
  };
}

export interface CalendarViewProps {
  /** The IANA zone every time is laid out in: the person's own (`useTimeZone()`). */
  timeZone: string;
  events: CalendarViewEvent[];
  /** Called with each range shown (on first render, on prev/next/today, on a view switch). */
  onRangeChange: (range: CalendarRange) => void;
  /** An event was clicked, or chosen with Enter or Space. */
  onOpenEvent: (id: string) => void;
  defaultView?: CalendarViewName;
  /** Shows that events for the range are still on their way. */
  loading?: boolean;
}

/**
 * FullCalendar makes an event focusable and opens it on Enter, but gives it no role: name it a
 * button, so screen readers say it can be pressed. (In the list view the focusable part is inside.)
 */
function announceAsButton({ el }: EventMountArg) {
  const focusable = el.matches('[tabindex]') ? el : el.querySelector('[tabindex]');
  focusable?.setAttribute('role', 'button');
}

/**
 * FullCalendar names a month's day cell by its date alone, which hides the events inside it from
 * the name (axe: label-content-name-mismatch). Unnamed, the cell reads as its contents, and those
 * start with the full date (the day number's own label).
 */
function nameCellByContents({ el }: DayCellMountArg) {
  el.removeAttribute('aria-labelledby');
}

/**
 * Month, week and list views of events (FullCalendar), with its own toolbar of ordinary buttons
 * and a labelled view switcher, so everything works by keyboard; events are focusable and open on
 * Enter. The range's title is a level-2 heading that is announced when it changes.
 */
export function CalendarView({
  timeZone,
  events,
  onRangeChange,
  onOpenEvent,
  defaultView = 'month',
  loading = false,
}: CalendarViewProps) {
  const calendar = useRef<FullCalendar>(null);
  const [view, setView] = useState<CalendarViewName>(defaultView);
  const [title, setTitle] = useState('');
  const api = () => calendar.current?.getApi();
  const unit = view === 'week' ? 'week' : 'month';

  function switchView(next: CalendarViewName) {
    setView(next);
    api()?.changeView(fullCalendarViews[next]);
  }

  function datesSet(info: DatesSetArg) {
    setTitle(info.view.title);
    onRangeChange({ from: info.startStr, to: info.endStr });
  }

  function eventClick(info: EventClickArg) {
    info.jsEvent.preventDefault();
    onOpenEvent(info.event.id);
  }

  return (
    <div>
      <Group justify="space-between" mb="sm" gap="sm">
        <Group gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={() => api()?.today()}>
              Today
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Previous ${unit}`}
              onClick={() => api()?.prev()}
            >
              <IconChevronLeft aria-hidden size={18} />
            </ActionIcon>
            <ActionIcon variant="default" size="lg" aria-label={`Next ${unit}`} onClick={() => api()?.next()}>
              <IconChevronRight aria-hidden size={18} />
            </ActionIcon>
          </Group>
          <Title order={2} size="h4" aria-live="polite">
            {title}
          </Title>
          {loading && <Loader size="xs" role="status" aria-label="Loading events" />}
        </Group>
        <SegmentedControl
          aria-label="Calendar view"
          data={viewChoices}
          value={view}
          onChange={(value) => switchView(value as CalendarViewName)}
        />
      </Group>
      <FullCalendar
        ref={calendar}
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, luxonPlugin]}
        timeZone={timeZone}
        initialView={fullCalendarViews[defaultView]}
        headerToolbar={false}
        height="auto"
        events={events as EventInput[]}
        eventClick={eventClick}
        eventInteractive
        eventDidMount={announceAsButton}
        datesSet={datesSet}
        dayMaxEvents
        dayCellDidMount={nameCellByContents}
        // Other months' days would be shown faded, too faint to read (WCAG contrast): leave them blank.
        showNonCurrentDates={false}
        // Mantine's blue 8: white text on it passes WCAG AA, FullCalendar's default blue does not.
        eventColor="#1971c2"
        nowIndicator
        noEventsContent="No events in this period."
        eventTimeFormat={{ hour: 'numeric', minute: '2-digit', meridiem: 'short' }}
        // "Sun 22" rather than "Sun 11/22": seven of them fit a phone's width.
        views={{ timeGridWeek: { dayHeaderFormat: { weekday: 'short', day: 'numeric', omitCommas: true } } }}
      />
    </div>
  );
}
