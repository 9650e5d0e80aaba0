import { IdParams, One, PageQuery } from '@chambers/contracts/common';
import { UploadDocumentsForm } from '@chambers/contracts/documents';
import {
  PortalResourceParams,
  PortalSharedResource,
  PortalSharedResourcePage,
  PortalUploadResult,
  SharePortalResource,
} from '@chambers/contracts/portals';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors/app-error';
import { principalOf } from '../../plugins/authenticate';
import { UploadForm, UUID } from '../documents/upload-form';
import { closeIfUnread, whenCutOff } from '../documents/upload-routes';
import { listSharedResources, shareResource, unshareResource } from './shared-resource-service';
import { uploadToPortal } from './upload-service';

/**
 * What a portal shows its participants besides messages: the matter's folders and documents the
 * firm shares into it, and what participants upload into it. Every route declares the read
 * permission: the services answer 404 out of sight and 403 to externals for managing.
 */
const sharedResourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Multipart parsing only in this plugin's scope (the upload): every other route stays JSON-only.
  await app.register(multipart, { throwFileSizeLimit: true });
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };
  const write = { ...read, 403: ref(Problem) };

  app.get(
    '/api/v1/portals/:id/shared_resources',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'listPortalSharedResources',
        tags: ['Portals'],
        summary: "The matter's folders and documents shared into a portal, oldest first",
        description:
          'Every participant sees them; open them through `/folders` and `/documents` (`GET /documents?folder_id=` ' +
          "lists a shared folder's documents). A folder covers whatever is inside it when a request is made.",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: PortalSharedResourcePage, ...read },
      },
    },
    async (request) => listSharedResources(app, principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/portals/:id/shared_resources',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'sharePortalResource',
        tags: ['Portals'],
        summary: 'Share a folder or document of the matter into a portal',
        description:
          "Firm users only (403 for participants outside the firm). A folder or live document of the portal's " +
          'matter; anything else answers 422 naming `/resource_id`, sharing it twice 409. Every contact ' +
          'participant sees it from its next request.',
        params: IdParams,
        body: ref(SharePortalResource),
        response: { 201: One(ref(PortalSharedResource)), ...write, 409: ref(Problem), 422: ref(Problem) },
      },
    },
    async (request, reply) => {
      const shared = await shareResource(
        app,
        principalOf(request),
        request.params.id,
        request.body,
        request.ip,
      );
      return reply.code(201).send({ data: shared });
    },
  );

  app.delete(
    '/api/v1/portals/:id/shared_resources/:resourceId',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'unsharePortalResource',
        tags: ['Portals'],
        summary: 'Stop sharing a resource into a portal',
        description:
          'Firm users only. Removes the sharing, never the folder or document; participants lose sight ' +
          'of it with their next request.',
        params: PortalResourceParams,
        response: { 204: { type: 'null' }, ...write },
      },
    },
    async (request, reply) => {
      await unshareResource(
        app,
        principalOf(request),
        request.params.id,
        request.params.resourceId,
        request.ip,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/portals/:id/documents',
    {
      config: { permission: 'portals:read' },
      schema: {
        operationId: 'uploadPortalDocuments',
        tags: ['Portals'],
        summary: 'Upload files into a portal',
        description: [
          'Any participant, or any firm user, while the portal is open (409 once closed). The form of `POST /documents` without its target: each file as a part named `file`, optionally preceded by its `name` and its relative `path`.',
          '',
          `The files go into the matter's "Portal uploads" folder (made when first needed), checked as any upload is (type: 415; UPLOAD_MAX_FILE_BYTES, UPLOAD_MAX_REQUEST_BYTES, UPLOAD_MAX_FILES: 413), all or nothing. Each new document is shared into the portal. An upload by a participant outside the firm is told to the firm by one mail, as a co-counsel upload is.`,
        ].join('\n'),
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: Type.Omit(UploadDocumentsForm, ['folder_id', 'matter_id']),
        response: {
          201: ref(PortalUploadResult),
          ...write,
          409: ref(Problem),
          413: ref(Problem),
          415: ref(Problem),
          422: ref(Problem),
          503: ref(Problem),
        },
      },
      // The form is read as a stream in the handler (it never becomes `request.body`): the schema
      // above documents it, and the id is checked here.
      validatorCompiler: () => () => true,
      onSend: closeIfUnread,
    },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) {
        throw new AppError('validation_failed', 'params/id: must match format "uuid"', {
          errors: [{ path: 'params/id', message: 'must match format "uuid"' }],
        });
      }
      const shared = await uploadToPortal(
        app,
        principalOf(request),
        request.params.id,
        UploadForm.open(request, app.config.documents),
        request.ip,
      ).catch((error: unknown) => {
        throw whenCutOff(request, error);
      });
      return reply.code(201).send({ data: shared });
    },
  );
};

export default sharedResourceRoutes;
