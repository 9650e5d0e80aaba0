import {
  CalendarEntry,
  CalendarEntryPage,
  CalendarEntryQuery,
  CalendarFeed,
  CreateCalendarEntry,
  CreatedCalendarFeed,
  UpdateCalendarEntry,
} from '@chambers/contracts/calendar';
import { IdParams, One } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../plugins/authenticate';
import { calendarFeedIcs, deleteCalendarFeed, getCalendarFeed, rotateCalendarFeed } from './feed';
import { calendarObject, icsFileName } from './ics';
import {
  createCalendarEntry,
  deleteCalendarEntry,
  getCalendarEntry,
  listCalendarEntries,
  readableEntry,
  updateCalendarEntry,
} from './service';

/** Any string is taken as a token: a malformed one is answered like an unknown one (404). */
const TokenParams = Type.Object({ token: Type.String() });

const ICS_TYPE = 'text/calendar; charset=utf-8';
const ICS_EXAMPLE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Chambers//Calendar//EN',
  'BEGIN:VEVENT',
  'UID:019a0000-0000-7000-8000-0000000000c1@chambers',
  'DTSTAMP:20261120T160405Z',
  'DTSTART:20261123T190000Z',
  'DTEND:20261123T200000Z',
  'SUMMARY:Strategy call with co-counsel',
  'URL:https://zoom.example/j/5550100',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
/** An iCalendar (RFC 5545) document, documented as such in OpenAPI. */
const IcsBody = (description: string) =>
  Type.Unsafe<string>({
    description,
    content: { 'text/calendar': { schema: { type: 'string', examples: [ICS_EXAMPLE] } } },
  });

/**
 * The firm's calendar entries, one entry's `.ics`, and each member's secret subscription feed
 * (co-counsel's too: it lists the entries they attend).
 */
const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const change = { ...read, 403: ref(Problem), 422: ref(Problem) };

  app.get(
    '/api/v1/calendar_entries',
    {
      config: { permission: 'calendar:read' },
      schema: {
        operationId: 'listCalendarEntries',
        tags: ['Calendar'],
        summary: 'Calendar entries, by start time',
        description:
          'Ordered by `starts_at`, then id. `from` / `to` select entries overlapping [from, to); the other filters narrow further. ' +
          'Co-counsel see the entries they attend, read-only.',
        querystring: CalendarEntryQuery,
        response: { 200: CalendarEntryPage, ...read },
      },
    },
    async (request) => listCalendarEntries(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/calendar_entries',
    {
      config: { permission: 'calendar:read' },
      schema: {
        operationId: 'createCalendarEntry',
        tags: ['Calendar'],
        summary: 'Create a calendar entry',
        description: 'Firm users only: co-counsel, who see the entries they attend, are refused (403).',
        body: ref(CreateCalendarEntry),
        response: { 201: One(ref(CalendarEntry)), ...change },
      },
    },
    async (request, reply) => {
      const entry = await createCalendarEntry(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/calendar_entries/${entry.id}`).send({ data: entry });
    },
  );

  app.get(
    '/api/v1/calendar_entries/:id',
    {
      config: { permission: 'calendar:read' },
      schema: {
        operationId: 'getCalendarEntry',
        tags: ['Calendar'],
        summary: 'One calendar entry',
        params: IdParams,
        response: { 200: One(ref(CalendarEntry)), ...read },
      },
    },
    async (request) => ({ data: await getCalendarEntry(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/calendar_entries/:id',
    {
      config: { permission: 'calendar:read' },
      schema: {
        operationId: 'updateCalendarEntry',
        tags: ['Calendar'],
        summary: 'Change a calendar entry (attendees, when sent, replace the old list)',
        params: IdParams,
        body: ref(UpdateCalendarEntry),
        response: { 200: One(ref(CalendarEntry)), ...change },
      },
    },
    async (request) => ({
      data: await updateCalendarEntry(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/calendar_entries/:id',
    {
      config: { permission: 'calendar:read' },
      schema: {
        operationId: 'deleteCalendarEntry',
        tags: ['Calendar'],
        summary: 'Delete a calendar entry',
        params: IdParams,
        response: { 204: { type: 'null' }, ...read, 403: ref(Problem) },
      },
    },
    async (request, reply) => {
      await deleteCalendarEntry(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar_entries/:id/ics',
    {
      config: { permission: 'calendar:read' },
      schema: {
        operationId: 'exportCalendarEntry',
        tags: ['Calendar'],
        summary: 'One calendar entry as an iCalendar (.ics) file',
        description:
          'One VEVENT with UID `<id>@chambers`. Timed entries are written in UTC; all-day entries as dates in the entry’s time zone. Attendees are named, without addresses.',
        params: IdParams,
        response: { 200: IcsBody('An iCalendar file (download).'), ...read },
      },
    },
    async (request, reply) => {
      const entry = await readableEntry(app.database.db, principalOf(request), request.params.id);
      return reply
        .type(ICS_TYPE)
        .header('content-disposition', `attachment; filename="${icsFileName(entry.title)}"`)
        .send(calendarObject([entry]));
    },
  );

  app.post(
    '/api/v1/calendar_feed',
    {
      config: { permission: 'calendar:read', answersSecret: true },
      schema: {
        operationId: 'rotateCalendarFeed',
        tags: ['Calendar'],
        summary: 'Make your secret calendar feed URL, or replace it (the old URL stops working)',
        description:
          'The feed lists the entries you attend, from 90 days ago onwards (at most 1,000). Its URL is shown only in this answer.',
        response: {
          201: One(ref(CreatedCalendarFeed)),
          400: ref(Problem),
          401: ref(Problem),
          404: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      const feed = await rotateCalendarFeed(app, principalOf(request), request.ip);
      return reply.code(201).header('location', '/api/v1/calendar_feed').send({ data: feed });
    },
  );

  app.get(
    '/api/v1/calendar_feed',
    {
      config: { permission: 'calendar:read' },
      schema: {
        operationId: 'getCalendarFeed',
        tags: ['Calendar'],
        summary: 'Whether you have a calendar feed, and since when (never its URL)',
        response: { 200: One(ref(CalendarFeed)), 401: ref(Problem), 404: ref(Problem) },
      },
    },
    async (request) => ({ data: await getCalendarFeed(app, principalOf(request)) }),
  );

  app.delete(
    '/api/v1/calendar_feed',
    {
      config: { permission: 'calendar:read' },
      schema: {
        operationId: 'deleteCalendarFeed',
        tags: ['Calendar'],
        summary: 'Turn your calendar feed off: its URL stops working',
        response: { 204: { type: 'null' }, 401: ref(Problem), 404: ref(Problem) },
      },
    },
    async (request, reply) => {
      await deleteCalendarFeed(app, principalOf(request), request.ip);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar_feeds/:token',
    {
      config: { permission: 'public' },
      schema: {
        operationId: 'getCalendarFeedIcs',
        tags: ['Calendar'],
        summary: 'A calendar feed (the secret URL is the credential)',
        description:
          'For calendar apps to subscribe to. An unknown or replaced URL, or one whose owner was deactivated, answers 404.',
        params: TokenParams,
        response: { 200: IcsBody('An iCalendar feed.'), 404: ref(Problem) },
      },
    },
    async (request, reply) => reply.type(ICS_TYPE).send(await calendarFeedIcs(app, request.params.token)),
  );
};

export default calendarRoutes;
