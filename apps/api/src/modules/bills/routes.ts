import { Bill, BillPage, BillQuery, CreateBill, UpdateBill } from '@chambers/contracts/bills';
import { IdParams, One } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { createBill, deleteBill, getBill, listBills, transitionBill, updateBill } from './service';

/**
 * Bills. Every route declares `bills:read`: the service answers 404 for a bill out of sight and
 * 403 for a firm user who sees bills but may not manage them (staff), as API.md asks. Externals
 * never hold it, so every bill route is 404 to them, even on a matter shared with them.
 */
const billRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem), 422: ref(Problem) };

  app.get(
    '/api/v1/bills',
    {
      config: { permission: 'bills:read' },
      schema: {
        operationId: 'listBills',
        tags: ['Bills'],
        summary: 'Bills, oldest first, with their line items',
        querystring: BillQuery,
        response: { 200: BillPage, ...read },
      },
    },
    async (request) => listBills(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/bills',
    {
      config: { permission: 'bills:read' },
      schema: {
        operationId: 'createBill',
        tags: ['Bills'],
        summary: "Draft a bill from a matter's unbilled time entries",
        description:
          'Needs `bills:manage` (admins and attorneys; 403 for staff). Entries that are on another matter, ' +
          'non-billable, already on a bill or not visible are refused with 422 naming each `/activity_ids/N`.',
        body: ref(CreateBill),
        response: { 201: One(ref(Bill)), ...write },
      },
    },
    async (request, reply) => {
      const bill = await createBill(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/bills/${bill.id}`).send({ data: bill });
    },
  );

  app.get(
    '/api/v1/bills/:id',
    {
      config: { permission: 'bills:read' },
      schema: {
        operationId: 'getBill',
        tags: ['Bills'],
        summary: 'One bill with its line items',
        params: IdParams,
        response: { 200: One(ref(Bill)), ...read },
      },
    },
    async (request) => ({ data: await getBill(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/bills/:id',
    {
      config: { permission: 'bills:read' },
      schema: {
        operationId: 'updateBill',
        tags: ['Bills'],
        summary: "Change a draft's due date",
        description: 'Only a draft can be changed (422 otherwise).',
        params: IdParams,
        body: ref(UpdateBill),
        response: { 200: One(ref(Bill)), ...write, 412: ref(Problem) },
      },
    },
    async (request) => ({
      data: await updateBill(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/bills/:id',
    {
      config: { permission: 'bills:read' },
      schema: {
        operationId: 'deleteBill',
        tags: ['Bills'],
        summary: 'Delete a draft, releasing its time entries',
        description: 'Only a draft can be deleted; an issued bill is voided instead (422 otherwise).',
        params: IdParams,
        response: { 204: { type: 'null' }, ...write, 412: ref(Problem) },
      },
    },
    async (request, reply) => {
      await deleteBill(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  const transitions = [
    {
      name: 'issue',
      operationId: 'issueBill',
      summary: 'Issue a draft: its time entries become locked',
      description: 'Only a draft can be issued (422 naming the current status otherwise).',
    },
    {
      name: 'void',
      operationId: 'voidBill',
      summary: 'Void an issued bill: its time entries are released to be edited and billed again',
      description:
        'Only an issued bill can be voided (422 naming the current status otherwise). The void bill keeps its line items.',
    },
    {
      name: 'pay',
      operationId: 'payBill',
      summary: 'Mark an issued bill paid',
      description: 'Only an issued bill can be marked paid (422 naming the current status otherwise).',
    },
  ] as const;
  for (const { name, ...doc } of transitions) {
    app.post(
      `/api/v1/bills/:id/${name}`,
      {
        config: { permission: 'bills:read' },
        schema: {
          ...doc,
          tags: ['Bills'],
          params: IdParams,
          response: { 200: One(ref(Bill)), ...write },
        },
      },
      async (request) => ({
        data: await transitionBill(app, principalOf(request), request.params.id, name, request.ip),
      }),
    );
  }
};

export default billRoutes;
