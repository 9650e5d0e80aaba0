import type { Note } from '@chambers/contracts/notes';
import { pagedQueryOptions } from '@chambers/ui/paged-list';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/v1/notes?matter_id=`: a shared matter's notes (read-only for co-counsel), oldest first. */
export const matterNotesQueryOptions = (matterId: string) =>
  pagedQueryOptions<Note>(api, ['notes', 'list', { matterId }], '/api/v1/notes', { matter_id: matterId });

export function useMatterNotes(matterId: string) {
  return useInfiniteQuery(matterNotesQueryOptions(matterId));
}
