import { IdParams, One } from '@chambers/contracts/common';
import {
  Contact,
  ContactPage,
  ContactQuery,
  CreateContact,
  UpdateContact,
} from '@chambers/contracts/contacts';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../plugins/authenticate';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './service';

/**
 * The firm's contacts: people and companies, clients and co-counsel among them. Changing routes
 * declare the read permission; the service answers 403 to callers who see but may not change.
 */
const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem), 422: ref(Problem) };

  app.get(
    '/api/v1/contacts',
    {
      config: { permission: 'contacts:read' },
      schema: {
        operationId: 'listContacts',
        tags: ['Contacts'],
        summary: "The firm's contacts, in creation order",
        description:
          '`q` matches part of the name or of any email address, ignoring case. Co-counsel see their own card ' +
          'and the clients and related contacts of the matters shared with them, read-only.',
        querystring: ContactQuery,
        response: { 200: ContactPage, ...read },
      },
    },
    async (request) => listContacts(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/contacts',
    {
      config: { permission: 'contacts:read' },
      schema: {
        operationId: 'createContact',
        tags: ['Contacts'],
        summary: 'Add a person or a company',
        description:
          'A person needs a first or last name and its display name is made from them (`name` is ' +
          'refused, 422); a company needs a `name`. At most one email is primary (422 otherwise); ' +
          'without one the first is, and `email` answers it.',
        body: ref(CreateContact),
        response: { 201: One(ref(Contact)), ...write },
      },
    },
    async (request, reply) => {
      const contact = await createContact(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/contacts/${contact.id}`).send({ data: contact });
    },
  );

  app.get(
    '/api/v1/contacts/:id',
    {
      config: { permission: 'contacts:read' },
      schema: {
        operationId: 'getContact',
        tags: ['Contacts'],
        summary: 'One contact',
        params: IdParams,
        response: { 200: One(ref(Contact)), ...read },
      },
    },
    async (request) => ({ data: await getContact(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      config: { permission: 'contacts:read' },
      schema: {
        operationId: 'updateContact',
        tags: ['Contacts'],
        summary: 'Change a contact',
        description:
          'Only the fields given change; `emails`, `phones` and `addresses` replace the stored lists. ' +
          "A contact's email is never anyone's login email: changing it changes no sign-in.",
        params: IdParams,
        body: ref(UpdateContact),
        response: { 200: One(ref(Contact)), ...write },
      },
    },
    async (request) => ({
      data: await updateContact(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/contacts/:id',
    {
      config: { permission: 'contacts:read' },
      schema: {
        operationId: 'deleteContact',
        tags: ['Contacts'],
        summary: 'Delete a contact',
        description:
          "Refused (422) while anything refers to the contact: a matter's client or related contact, " +
          'an attendee, a communication participant, a task assignee, or an external account.',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted.' }), ...write },
      },
    },
    async (request, reply) => {
      await deleteContact(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default contactRoutes;
