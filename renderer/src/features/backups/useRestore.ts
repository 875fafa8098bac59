import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { applyStatus } from './status-cache';

/** After a restore every cached screen is stale: drop them all. */
export function useRestore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: string; recoveryKey?: string }) => api.backups.restore(input),
    onSuccess: (status) => applyStatus(queryClient, status, true),
  });
}
