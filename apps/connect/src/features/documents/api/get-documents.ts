import type { Document } from '@chambers/contracts/documents';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Place } from '../lib/document-tree';

/** The list filter for a place in the tree: a folder's own documents, a whole matter's, or all. */
function filterOf(place: Place): Record<string, string> {
  if (place.kind === 'folder') return { folder_id: place.id };
  if (place.kind === 'matter') return { matter_id: place.id };
  return {};
}

/** `GET /api/v1/documents`, a page at a time. */
export const documentsQueryOptions = (place: Place) => {
  const filter = filterOf(place);
  return pagedQueryOptions<Document>(api, ['documents', 'list', filter], '/api/v1/documents', filter);
};

export const useDocuments = (place: Place) => useInfiniteQuery(documentsQueryOptions(place));
