import {
  Activity,
  ActivityPage,
  ActivityQuery,
  ActivityTotals,
  ActivityTotalsQuery,
  CreateActivity,
  UpdateActivity,
} from '@chambers/contracts/activities';
import { IdParams, One } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import {
  createActivity,
  deleteActivity,
  getActivity,
  getMatterTotals,
  listActivities,
  updateActivity,
} from './service';

/**
 * Time entries. Changing routes declare the read permission: the service answers 404 for an
 * entry out of sight and 403 for one the caller sees but may not change (API.md).
 */
const activityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem), 422: ref(Problem) };
  // A change races a bill taking or releasing the entry: 409, read it again.
  const change = { ...write, 409: ref(Problem), 412: ref(Problem) };

  app.get(
    '/api/v1/activities',
    {
      config: { permission: 'activities:read' },
      schema: {
        operationId: 'listActivities',
        tags: ['Activities'],
        summary: 'Time entries, oldest first or newest date first (`order`)',
        description:
          "`from` and `to` are inclusive dates. `author_id` is a membership id (a co-counsel's too: firm users " +
          'see co-counsel time here, ready to bill). `document_id` lists the time logged on one document. ' +
          'Co-counsel see only their own entries.',
        querystring: ActivityQuery,
        response: { 200: ActivityPage, ...read },
      },
    },
    async (request) => listActivities(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/activities',
    {
      config: { permission: 'activities:read' },
      schema: {
        operationId: 'createActivity',
        tags: ['Activities'],
        summary: 'Log time on a matter (the caller is its author)',
        description:
          "A `matter_id`, `task_id`, `calendar_entry_id` or `document_id` the caller cannot see (another firm's, " +
          'say) is refused with 422, as is a task, calendar entry or document of another matter and a deleted document. ' +
          'Co-counsel log time on the matters shared with them, at the one rate the firm keeps on their contact card ' +
          "(whatever the matter's rate); they may not send `rate` (422).",
        body: ref(CreateActivity),
        response: { 201: One(ref(Activity)), ...write },
      },
    },
    async (request, reply) => {
      const activity = await createActivity(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/activities/${activity.id}`).send({ data: activity });
    },
  );

  app.get(
    '/api/v1/activities/totals',
    {
      config: { permission: 'activities:read' },
      schema: {
        operationId: 'getActivityTotals',
        tags: ['Activities'],
        summary: "A matter's running totals of time and amounts",
        description:
          'Sums the entries the caller sees: a co-counsel gets its own time on a matter shared with it, and no amounts.',
        querystring: ActivityTotalsQuery,
        response: { 200: One(ref(ActivityTotals)), ...read },
      },
    },
    async (request) => ({ data: await getMatterTotals(app, principalOf(request), request.query.matter_id) }),
  );

  app.get(
    '/api/v1/activities/:id',
    {
      config: { permission: 'activities:read' },
      schema: {
        operationId: 'getActivity',
        tags: ['Activities'],
        summary: 'One time entry',
        params: IdParams,
        response: { 200: One(ref(Activity)), ...read },
      },
    },
    async (request) => ({ data: await getActivity(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      config: { permission: 'activities:read' },
      schema: {
        operationId: 'updateActivity',
        tags: ['Activities'],
        summary: 'Change a time entry (its amount is recomputed)',
        description:
          'An entry on an issued or paid bill is locked (422). On a draft it may be edited, but the ' +
          "draft's line items keep the values it was drafted with. Co-counsel change only their own entries, " +
          'and never their `rate` (422).',
        params: IdParams,
        body: ref(UpdateActivity),
        response: { 200: One(ref(Activity)), ...change },
      },
    },
    async (request) => ({
      data: await updateActivity(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/activities/:id',
    {
      config: { permission: 'activities:read' },
      schema: {
        operationId: 'deleteActivity',
        tags: ['Activities'],
        summary: 'Delete a time entry',
        description:
          'An entry on any bill is refused (422): void an issued bill, or delete a draft, to release it first.',
        params: IdParams,
        response: { 204: { type: 'null' }, ...change },
      },
    },
    async (request, reply) => {
      await deleteActivity(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default activityRoutes;
