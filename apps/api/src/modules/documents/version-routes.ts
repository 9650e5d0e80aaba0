import { IdParams, One } from '@chambers/contracts/common';
import { Document, DocumentVersionPage, VersionParams } from '@chambers/contracts/documents';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../plugins/authenticate';
import { listVersions, restoreVersion } from './versions-service';

/** A document's versions: the list, and making an earlier one current again (uploads: upload-routes). */
const versionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };

  app.get(
    '/api/v1/documents/:id/versions',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'listDocumentVersions',
        tags: ['Documents'],
        summary: 'The versions of a document, newest first',
        description:
          'Every available version, with its number, size, checksum, uploader and date; `is_current` marks the one shown. Uploads still pending never appear. The page holds them all (`next_cursor` is null).',
        params: IdParams,
        response: { 200: DocumentVersionPage, ...read },
      },
    },
    async (request) => listVersions(app, principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/documents/:id/versions/:number/restore',
    {
      config: { permission: 'documents:read' },
      schema: {
        operationId: 'restoreDocumentVersion',
        tags: ['Documents'],
        summary: 'Make an earlier version the current one again',
        description:
          'No bytes are copied: the document points at that version again, and the later versions stay listed. Audited. Co-counsel restores none: 403 for a document it sees.',
        params: VersionParams,
        response: { 200: One(ref(Document)), ...read, 403: ref(Problem) },
      },
    },
    async (request) => ({
      data: await restoreVersion(
        app,
        principalOf(request),
        request.params.id,
        request.params.number,
        request.ip,
      ),
    }),
  );
};

export default versionRoutes;
