import type { DataEnvelope } from '@chambers/api-client/client';
import type { Task } from '@chambers/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `POST /api/v1/tasks/{id}/reopen`. */
export async function reopenTask(id: string): Promise<Task> {
  return (await api.request<DataEnvelope<Task>>('POST', `/api/v1/tasks/${encodeURIComponent(id)}/reopen`))
    .data;
}

/** Reopens a completed task (back to pending); both task lists and Home's open tasks are fetched again. */
export function useReopenTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reopenTask,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]),
  });
}
