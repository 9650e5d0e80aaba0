import { IdParams, One } from '@chambers/contracts/common';
import {
  CreateFolder,
  DeleteFolderQuery,
  Folder,
  FolderPage,
  FolderQuery,
  UpdateFolder,
} from '@chambers/contracts/folders';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { createFolder, deleteFolder, getFolder, listFolders, updateFolder } from './service';

/**
 * A matter's folder tree. Changing routes declare the read permission: the service answers 404
 * for a folder out of sight and 403 for one the caller sees but may not change (API.md).
 */
const folderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem), 409: ref(Problem), 422: ref(Problem) };

  app.get(
    '/api/v1/folders',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'listFolders',
        tags: ['Folders'],
        summary: 'Folders, oldest first; `matter_id` gives a matter’s whole tree',
        description:
          'A flat list: rebuild the tree from `parent_id` (null for the root). `parent_id` lists one ' +
          'folder’s children. Co-counsel sees the folders shared with it, each with everything below ' +
          'it as the tree stands at the time of the request (a folder moved out is gone on the next ' +
          'one), and the folders it made; a matter share alone shows no folder. The tops of its tree ' +
          'are the listed folders whose `parent_id` is not among the listed ones: that parent stays ' +
          'out of sight (404), only its id shows.',
        querystring: FolderQuery,
        response: { 200: FolderPage, ...read },
      },
    },
    async (request) => listFolders(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/folders',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'createFolder',
        tags: ['Folders'],
        summary: 'Create a folder inside another one',
        description:
          'A `parent_id` the caller cannot file into is refused with 422; a name a sibling has ' +
          '(ignoring case) with 409. Co-counsel files (uploads, and makes folders as a step of that) ' +
          'into a folder it sees or into the root folder of a matter shared with it; the folder is ' +
          'then its own to see.',
        body: ref(CreateFolder),
        response: { 201: One(ref(Folder)), ...write },
      },
    },
    async (request, reply) => {
      const folder = await createFolder(app, principalOf(request), request.body, request.ip);
      return reply.code(201).header('location', `/api/v1/folders/${folder.id}`).send({ data: folder });
    },
  );

  app.get(
    '/api/v1/folders/:id',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'getFolder',
        tags: ['Folders'],
        summary: 'One folder',
        params: IdParams,
        response: { 200: One(ref(Folder)), ...read },
      },
    },
    async (request) => ({ data: await getFolder(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/folders/:id',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'updateFolder',
        tags: ['Folders'],
        summary: 'Rename a folder or move it within its matter',
        description:
          'Moving into another matter, into the folder itself or one of its sub-folders, and any ' +
          'change to a root folder are refused with 422. Co-counsel changes no folder: 403 for one ' +
          'it sees.',
        params: IdParams,
        body: ref(UpdateFolder),
        response: { 200: One(ref(Folder)), ...write, 412: ref(Problem) },
      },
    },
    async (request) => ({
      data: await updateFolder(app, principalOf(request), request.params.id, request.body, request.ip),
    }),
  );

  app.delete(
    '/api/v1/folders/:id',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'deleteFolder',
        tags: ['Folders'],
        summary: 'Delete a folder (with its contents only when `recursive=true`)',
        description:
          'An empty folder goes at once. One holding folders or documents is refused with 409 naming ' +
          'what is inside, unless `recursive=true`: then its sub-folders go too and its documents are ' +
          'deleted, restorable from the matter’s root folder for the retention period. A root folder ' +
          'cannot be deleted (422). Co-counsel deletes no folder: 403 for one it sees.',
        params: IdParams,
        querystring: DeleteFolderQuery,
        response: { 204: { type: 'null' }, ...write, 412: ref(Problem) },
      },
    },
    async (request, reply) => {
      await deleteFolder(app, principalOf(request), request.params.id, request.query, request.ip);
      return reply.code(204).send(null);
    },
  );
};

export default folderRoutes;
