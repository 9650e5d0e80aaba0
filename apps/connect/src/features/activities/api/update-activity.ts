import type { DataEnvelope } from '@chambers/api-client/client';
import type { Activity, UpdateActivity } from '@chambers/contracts/activities';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `PATCH /api/v1/activities/:id`. */
export async function updateActivity(id: string, body: UpdateActivity): Promise<Activity> {
  return (await api.request<DataEnvelope<Activity>>('PATCH', `/api/v1/activities/${id}`, { body })).data;
}

export function useUpdateActivity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateActivity) => updateActivity(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['activities'] }),
  });
}
