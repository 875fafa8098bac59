import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** After a restore every cached screen is stale: drop them all. */
export function useRestore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: string) => api.backups.restore({ file }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
