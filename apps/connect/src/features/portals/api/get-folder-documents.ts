import type { Document } from '@chambers/contracts/documents';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/documents?folder_id=`: the documents of a folder shared into the portal. */
export const folderDocumentsQueryOptions = (portalId: string, folderId: string) =>
  pagedQueryOptions<Document>(
    api,
    ['portals', portalId, 'shared-resources', 'folder', folderId],
    '/api/v1/documents',
    {
      folder_id: folderId,
    },
  );

export function useFolderDocuments(portalId: string, folderId: string) {
  return useInfiniteQuery(folderDocumentsQueryOptions(portalId, folderId));
}
