import { useMutation, useQueryClient, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../../shared/contract';
import type { AppStatus } from '../../../shared/contract/app';
import { call } from '../api';
import { channelKey, channelQuery, invalidate, mutationHook, useChannelQuery } from '../data/queries';

export const statusQuery = channelQuery('app.status');
export const useAppStatus = () => useChannelQuery('app.status');

export const useChooseFolder = mutationHook('app.chooseFolder');
export const useChooseBackupFile = mutationHook('app.chooseBackupFile');

/**
 * A command that answers with the app's status: the answer is shown at once, then read again. After
 * a restore, an unlock or a new key every cached screen may be stale (`everything`), not only the status.
 */
export function applyStatus(queryClient: QueryClient, status: AppStatus, everything = false): Promise<void> {
  queryClient.setQueryData(channelKey('app.status'), status);
  return everything ? queryClient.invalidateQueries() : invalidate(queryClient, ['app.status']);
}

type StatusChannel = { [C in Channel]: Output<C> extends AppStatus ? C : never }[Channel];
type StatusChangeOptions<C extends Channel> = Omit<UseMutationOptions<Output<C>, Error, Input<C>>, 'mutationFn'>;

/**
 * A feature's change hook for a channel answering with the status: the screen's own `onSuccess` runs
 * once the new status is shown, before the rest is read again. `forget` names answers dropped from the
 * cache rather than read again (a recovery sheet that no longer exists, say).
 */
export function statusChangeHook<C extends StatusChannel>(channel: C, options: { everything?: boolean; forget?: Channel } = {}) {
  return (screen: StatusChangeOptions<C> = {}) => {
    const queryClient = useQueryClient();
    return useMutation<Output<C>, Error, Input<C>>({
      ...screen,
      mutationFn: (input) => call(channel, input),
      onSuccess: async (status, ...more) => {
        if (options.forget) queryClient.removeQueries({ queryKey: [options.forget] });
        queryClient.setQueryData(channelKey('app.status'), status);
        await screen.onSuccess?.(status, ...more);
        await applyStatus(queryClient, status, options.everything);
      },
    });
  };
}
