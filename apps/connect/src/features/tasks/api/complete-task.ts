import type { DataEnvelope } from '@chambers/api-client/client';
import type { Task } from '@chambers/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `POST /api/v1/tasks/{id}/complete`. */
export async function completeTask(id: string): Promise<Task> {
  return (await api.request<DataEnvelope<Task>>('POST', `/api/v1/tasks/${encodeURIComponent(id)}/complete`))
    .data;
}

/** Completes a task; both task lists and Home's open tasks are fetched again. */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeTask,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]),
  });
}
