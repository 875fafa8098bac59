import { useQueryClient } from '@tanstack/react-query';
import type { Channel } from '../../../shared/contract';
import { useChannelMutation, type ChannelMutationOptions } from './queries';

/**
 * A feature's change hook whose change reaches every screen (two records merged into one, say):
 * every cached answer is read again before the screen's own `onSuccess` runs.
 */
export function everythingHook<C extends Channel>(channel: C) {
  return (options: Omit<ChannelMutationOptions<C>, 'invalidates'> = {}) => {
    const queryClient = useQueryClient();
    return useChannelMutation(channel, {
      ...options,
      onSuccess: async (...args) => {
        await queryClient.invalidateQueries();
        await options.onSuccess?.(...args);
      },
    });
  };
}
