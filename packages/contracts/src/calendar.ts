import { type Static, type TSchema, Type } from 'typebox';
import { IsoDateTime, Page, PageQuery, Timestamp, UpdatedSinceQuery } from './common';
import { Person, PersonRef } from './people';
import { ref } from './schema-ref';

/** An attendee list holds at most this many people. */
export const MAX_ATTENDEES = 100;
/** An entry lasts at most this long (366 days), which keeps range queries on the start index. */
export const MAX_ENTRY_DAYS = 366;

const example = {
  id: '019a0000-0000-7000-8000-0000000000c1',
  title: 'Deposition of Acme procurement manager',
  description: 'Bring exhibits 4–12; court reporter booked.',
  location: 'Demo Firm LLP, Conference Room A',
  conference_url: 'https://zoom.example/j/5550100',
  starts_at: '2026-11-24T14:00:00.000Z',
  ends_at: '2026-11-24T18:00:00.000Z',
  time_zone: 'America/New_York',
  all_day: false,
  matter_id: '019a0000-0000-7000-8000-000000000010',
  attendees: [
    { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
    { type: 'contact', id: '019a0000-0000-7000-8000-000000000031', name: 'Casey Counsel' },
  ],
  created_by: { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-20T16:04:05.000Z',
};

const TIMING =
  '`starts_at` and `ends_at` are UTC instants with `ends_at` ≥ `starts_at`, at most 366 days apart; ' +
  '`time_zone` is the IANA zone the event was planned in. An all-day entry covers whole days in ' +
  '`time_zone`: `starts_at` is the first instant (midnight) of its first day there and `ends_at` the ' +
  'first instant of the day after its last (exclusive), e.g. 24 Nov 2026 in America/New_York is ' +
  '`2026-11-24T05:00:00Z` – `2026-11-25T05:00:00Z`; other instants are refused (422). ' +
  'There is no recurrence: a repeating event is entered once per occurrence.';

/** A calendar event of the firm. */
export const CalendarEntry = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    description: Type.String(),
    location: Type.Union([Type.String(), Type.Null()]),
    conference_url: Type.Union([Type.String(), Type.Null()], {
      description: 'A video-call link (http or https), e.g. a Zoom meeting.',
    }),
    starts_at: ref(Timestamp),
    ends_at: ref(Timestamp),
    time_zone: Type.String({ description: 'An IANA time zone, e.g. America/New_York.' }),
    all_day: Type.Boolean(),
    matter_id: Type.Union([Type.String(), Type.Null()]),
    attendees: Type.Array(ref(Person), { description: 'Firm users and contacts, in the order given.' }),
    created_by: ref(Person),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  { $id: 'CalendarEntry', additionalProperties: false, description: TIMING, examples: [example] },
);
export type CalendarEntry = Static<typeof CalendarEntry>;

export const CalendarEntryPage = Page(ref(CalendarEntry));
export type CalendarEntryPage = Static<typeof CalendarEntryPage>;

const Title = Type.String({ minLength: 1, maxLength: 300 });
const Description = Type.String({ maxLength: 20_000 });
const Location = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);
/** http(s) with a host; `javascript:`, `data:` and the like never reach a calendar client. */
const ConferenceUrl = Type.Union([
  Type.String({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*$', maxLength: 2000 }),
  Type.Null(),
]);
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'An IANA time zone, e.g. Europe/London (unknown zones: 400).',
});
const Attendees = Type.Array(ref(PersonRef), {
  maxItems: MAX_ATTENDEES,
  uniqueItems: true,
  description:
    'Active firm users and contacts of the firm, each at most once (100 at most). On PATCH the list replaces the old one.',
});
const MatterId = Type.Union([Type.String({ format: 'uuid' }), Type.Null()]);

export const CreateCalendarEntry = Type.Object(
  {
    title: Title,
    description: Type.Optional(Description),
    location: Type.Optional(Location),
    conference_url: Type.Optional(ConferenceUrl),
    starts_at: IsoDateTime,
    ends_at: IsoDateTime,
    time_zone: TimeZone,
    all_day: Type.Optional(Type.Boolean({ default: false })),
    matter_id: Type.Optional(MatterId),
    attendees: Type.Optional(Attendees),
  },
  {
    $id: 'CreateCalendarEntry',
    additionalProperties: false,
    description: `${TIMING} The caller is \`created_by\`.`,
    examples: [
      {
        title: example.title,
        location: example.location,
        conference_url: example.conference_url,
        starts_at: example.starts_at,
        ends_at: example.ends_at,
        time_zone: example.time_zone,
        matter_id: example.matter_id,
        attendees: [
          { type: 'user', id: '019a0000-0000-7000-8000-000000000002' },
          { type: 'contact', id: '019a0000-0000-7000-8000-000000000031' },
        ],
      },
      {
        title: 'Discovery responses due',
        starts_at: '2026-11-24T05:00:00Z',
        ends_at: '2026-11-25T05:00:00Z',
        time_zone: 'America/New_York',
        all_day: true,
      },
    ],
  },
);
export type CreateCalendarEntry = Static<typeof CreateCalendarEntry>;

export const UpdateCalendarEntry = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Description),
    location: Type.Optional(Location),
    conference_url: Type.Optional(ConferenceUrl),
    starts_at: Type.Optional(IsoDateTime),
    ends_at: Type.Optional(IsoDateTime),
    time_zone: Type.Optional(TimeZone),
    all_day: Type.Optional(Type.Boolean()),
    matter_id: Type.Optional(MatterId),
    attendees: Type.Optional(Attendees),
  },
  {
    $id: 'UpdateCalendarEntry',
    additionalProperties: false,
    minProperties: 1,
    description:
      'The timing rules apply to the entry as it would be after the change. Attendees already on the entry may stay even if their account was deactivated since; new ones must be active.',
    examples: [{ starts_at: '2026-11-24T15:00:00Z', ends_at: '2026-11-24T19:00:00Z' }],
  },
);
export type UpdateCalendarEntry = Static<typeof UpdateCalendarEntry>;

export const CalendarEntryQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'Entries overlapping [from, to): an entry ending exactly at `from` is left out, one of no length starting at `from` is in.',
      }),
    ),
    to: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'Must be after `from` when both are sent. An entry starting exactly at `to` is left out.',
      }),
    ),
    matter_id: Type.Optional(Type.String({ format: 'uuid', description: "Only this matter's entries." })),
    attendee_user_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only entries this firm user (membership id) attends.' }),
    ),
    attendee_contact_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only entries this contact attends.' }),
    ),
  },
  { additionalProperties: false },
);
export type CalendarEntryQuery = Static<typeof CalendarEntryQuery>;

/** The caller's calendar feed, as shown after it was made: never its URL. */
export const CalendarFeed = Type.Object(
  { created_at: ref(Timestamp) },
  {
    $id: 'CalendarFeed',
    additionalProperties: false,
    description: 'When the current feed URL was made. The URL itself is shown only when it is made.',
    examples: [{ created_at: '2026-11-20T16:04:05.000Z' }],
  },
);
export type CalendarFeed = Static<typeof CalendarFeed>;

/** The answer to making (or rotating) a feed: the only time its secret URL is shown. */
export const CreatedCalendarFeed = Type.Object(
  {
    url: Type.String({
      description:
        'Subscribe to it in a calendar app. Anyone holding it reads your calendar: it is shown only here, stored hashed, and rotating the feed kills it.',
    }),
    created_at: ref(Timestamp),
  },
  {
    $id: 'CreatedCalendarFeed',
    additionalProperties: false,
    examples: [
      {
        url: 'https://chambers.example/api/v1/calendar_feeds/3q2-7wK9cZ0pX1bq4m8VhYt6JrLdNfGs5uEaWkPoTiM',
        created_at: '2026-11-20T16:04:05.000Z',
      },
    ],
  },
);
export type CreatedCalendarFeed = Static<typeof CreatedCalendarFeed>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const calendarSchemas: TSchema[] = [
  CalendarEntry,
  CreateCalendarEntry,
  UpdateCalendarEntry,
  CalendarFeed,
  CreatedCalendarFeed,
];
