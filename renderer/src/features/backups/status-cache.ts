import type { QueryClient } from '@tanstack/react-query';
import type { AppStatus } from '../../../../shared/contract/app';
import { STATUS_KEY } from '../../app/useAppStatus';

/**
 * A command that answers with the app's status: the answer is shown at once, then read again. After
 * a restore, an unlock or a new key every cached screen may be stale (`everything`), not only the status.
 */
export function applyStatus(queryClient: QueryClient, status: AppStatus, everything = false): Promise<void> {
  queryClient.setQueryData(STATUS_KEY, status);
  return everything ? queryClient.invalidateQueries() : queryClient.invalidateQueries({ queryKey: STATUS_KEY });
}
