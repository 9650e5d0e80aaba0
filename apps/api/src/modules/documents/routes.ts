import { IdParams, One } from '@chambers/contracts/common';
import { Document, DocumentPage, DocumentQuery, UpdateDocument } from '@chambers/contracts/documents';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import directUploadRoutes from './direct-upload-routes';
import { deleteDocument, getDocument, listDocuments, restoreDocument, updateDocument } from './service';
import uploadRoutes from './upload-routes';
import versionRoutes from './version-routes';

/**
 * Documents: reading, renaming, moving, deleting (softly) and restoring them here; uploads,
 * versions and direct uploads in their own plugins (the multipart and raw-body parsers stay in
 * theirs). Changing routes declare the read permission: the service answers 404 for a document
 * out of sight and 403 for one the caller sees but may not change (API.md).
 */
const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem) };

  app.get(
    '/api/v1/documents',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'listDocuments',
        tags: ['Documents'],
        summary: 'Documents, oldest first',
        description:
          'Only complete documents are listed: an upload in progress never shows. `deleted=true` lists the deleted documents that can still be restored instead (to those who may restore them: never to co-counsel). Co-counsel sees the documents in the folders shared with it (as they stand at the time of the request: one moved out is gone on the next), those shared with it one by one, those it uploaded, and those attached to messages of its conversations. A matter share alone shows none of the matter’s documents.',
        querystring: DocumentQuery,
        response: { 200: DocumentPage, ...read },
      },
    },
    async (request) => listDocuments(app, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/documents/:id',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'getDocument',
        tags: ['Documents'],
        summary: 'One document (its current version’s content type, size and checksum)',
        params: IdParams,
        response: { 200: One(ref(Document)), ...read },
      },
    },
    async (request) => ({ data: await getDocument(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/documents/:id',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'updateDocument',
        tags: ['Documents'],
        summary: 'Rename a document, or move it to another folder of its matter',
        description:
          'A folder of another matter (or one the caller cannot see) answers 422, as does a name whose extension does not fit the content. Co-counsel changes no document: 403 for one it sees.',
        params: IdParams,
        body: ref(UpdateDocument),
        response: { 200: One(ref(Document)), ...write, 412: ref(Problem), 422: ref(Problem) },
      },
    },
    async (request) => ({
      data: await updateDocument(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/documents/:id',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'deleteDocument',
        tags: ['Documents'],
        summary: 'Delete a document (restorable for DOCUMENT_RETENTION_DAYS, 30 by default)',
        description: 'Co-counsel deletes no document: 403 for one it sees.',
        params: IdParams,
        response: { 204: { type: 'null' }, ...write, 412: ref(Problem) },
      },
    },
    async (request, reply) => {
      await deleteDocument(app, principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/documents/:id/restore',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'restoreDocument',
        tags: ['Documents'],
        summary: 'Restore a deleted document, where it was',
        description:
          'Only while the retention period lasts; a live document, or one deleted longer ago, answers 404 — as does any deleted document to co-counsel, for whom deleted documents do not exist.',
        params: IdParams,
        response: { 200: One(ref(Document)), ...write },
      },
    },
    async (request) => ({
      data: await restoreDocument(app, principalOf(request), request.params.id, request.ip),
    }),
  );

  await app.register(uploadRoutes);
  await app.register(versionRoutes);
  await app.register(directUploadRoutes);
};

export default documentRoutes;
