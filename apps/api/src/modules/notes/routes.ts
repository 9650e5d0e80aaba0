import { IdParams, One } from '@chambers/contracts/common';
import { CreateNote, Note, NotePage, NoteQuery, UpdateNote } from '@chambers/contracts/notes';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { createNote, deleteNote, getNote, listNotes, updateNote } from './service';

/**
 * Notes on matters. Changing routes declare the read permission: the service answers 404 for a
 * note out of sight and 403 for one the caller sees but may not change (API.md).
 */
const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem) };

  app.get(
    '/api/v1/notes',
    {
      config: { permission: 'notes:read' },
      schema: {
        operationId: 'listNotes',
        tags: ['Notes'],
        summary: 'Notes on matters, oldest first',
        description: 'Co-counsel see the notes of the matters shared with them, read-only.',
        querystring: NoteQuery,
        response: { 200: NotePage, ...read },
      },
    },
    async (request) => listNotes(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/notes',
    {
      config: { permission: 'notes:read' },
      schema: {
        operationId: 'createNote',
        tags: ['Notes'],
        summary: 'Write a note on a matter (the caller is its author)',
        description: "A `matter_id` the caller cannot see (another firm's, say) is refused with 422.",
        body: ref(CreateNote),
        response: { 201: One(ref(Note)), ...write, 422: ref(Problem) },
      },
    },
    async (request, reply) => {
      const note = await createNote(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/notes/${note.id}`).send({ data: note });
    },
  );

  app.get(
    '/api/v1/notes/:id',
    {
      config: { permission: 'notes:read' },
      schema: {
        operationId: 'getNote',
        tags: ['Notes'],
        summary: 'One note',
        params: IdParams,
        response: { 200: One(ref(Note)), ...read },
      },
    },
    async (request) => ({ data: await getNote(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/notes/:id',
    {
      config: { permission: 'notes:read' },
      schema: {
        operationId: 'updateNote',
        tags: ['Notes'],
        summary: "Change a note's subject, body or date",
        params: IdParams,
        body: ref(UpdateNote),
        response: { 200: One(ref(Note)), ...write },
      },
    },
    async (request) => ({
      data: await updateNote(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/notes/:id',
    {
      config: { permission: 'notes:read' },
      schema: {
        operationId: 'deleteNote',
        tags: ['Notes'],
        summary: 'Delete a note',
        params: IdParams,
        response: { 204: { type: 'null' }, ...write },
      },
    },
    async (request, reply) => {
      await deleteNote(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default noteRoutes;
