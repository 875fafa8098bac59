import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Channel, Input, Output } from '../../../shared/contract';
import { channelKey } from './keys';
import { useChannelMutation, type ChannelMutationOptions, type Invalidates } from './queries';

/** What a change's answer is the new state of: a query (channel, input) and its data. */
export type Shown<R extends Channel> = readonly [R, Input<R>, Output<R>];

/** Files `data` as the answer of `channel` asked with `input`: the screens showing it update without asking again. */
export function useSetAnswer() {
  const queryClient = useQueryClient();
  return useCallback(
    <R extends Channel>(...[channel, input, data]: Shown<R>) => void queryClient.setQueryData(channelKey(channel, input), data),
    [queryClient],
  );
}

/**
 * A feature's named change hook whose answer is the new state of a query it shows (a grid, a list):
 * the answer is cached as that query's, and what else the change makes stale is said once, here.
 */
export function answerHook<C extends Channel, R extends Channel>(
  channel: C,
  shows: (output: Output<C>, input: Input<C>) => Shown<R>,
  invalidates?: Invalidates<C>,
) {
  return (options: Omit<ChannelMutationOptions<C>, 'invalidates'> = {}) => {
    const setAnswer = useSetAnswer();
    const { onSuccess, ...rest } = options;
    return useChannelMutation(channel, {
      invalidates,
      ...rest,
      onSuccess: async (output, input, ...more) => {
        setAnswer(...shows(output, input));
        await onSuccess?.(output, input, ...more);
      },
    });
  };
}
