import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `POST /api/v1/portals/{id}/read`: Home's and the header's unread counts drop. */
export function useMarkPortalRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (portalId: string) => api.request<void>('POST', `/api/v1/portals/${portalId}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['home'] }),
  });
}
