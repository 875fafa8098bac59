import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Channel, Input, Output } from '../../../shared/contract';
import { call } from '../api';
import { channelKey, isStale, type Stale } from './keys';

export { channelKey, type Stale } from './keys';

type Key<C extends Channel> = readonly [C, Input<C>];
export type QueryExtras<C extends Channel> = Omit<UseQueryOptions<Output<C>, Error, Output<C>, Key<C>>, 'queryKey' | 'queryFn'>;

/** The query options of a channel asked with `input`: its key is `[channel, input]`, its answer the core's. */
export function channelQuery<C extends Channel>(channel: C, input?: Input<C>, extras?: QueryExtras<C>) {
  return queryOptions<Output<C>, Error, Output<C>, Key<C>>({
    ...extras,
    queryKey: channelKey(channel, input),
    queryFn: () => call(channel, (input ?? {}) as Input<C>),
  });
}

export function useChannelQuery<C extends Channel>(channel: C, input?: Input<C>, extras?: QueryExtras<C>) {
  return useQuery(channelQuery(channel, input, extras));
}

/** Marks stale (and refetches the shown) queries that `stale` names; resolves when they are fetched again. */
export function invalidate(queryClient: QueryClient, stale: readonly Stale[]): Promise<void> {
  if (stale.length === 0) return Promise.resolve();
  return queryClient.invalidateQueries({ predicate: (q) => stale.some((s) => isStale(q.queryKey, s)) });
}

export function useInvalidate(): (...stale: Stale[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback((...stale: Stale[]) => invalidate(queryClient, stale), [queryClient]);
}

export type Invalidates<C extends Channel> = readonly Stale[] | ((output: Output<C>, input: Input<C>) => readonly Stale[]);

export type ChannelMutationOptions<C extends Channel> = Omit<UseMutationOptions<Output<C>, Error, Input<C>>, 'mutationFn'> & {
  /** What the change makes stale; refetched before `onSuccess` runs, so a closing dialog leaves an updated list. */
  invalidates?: Invalidates<C>;
};

/** A change through `channel` that owns its invalidation: the screen says what it shows, not what to refresh. */
export function useChannelMutation<C extends Channel>(channel: C, options: ChannelMutationOptions<C> = {}) {
  const queryClient = useQueryClient();
  const { invalidates, onSuccess, ...rest } = options;
  return useMutation<Output<C>, Error, Input<C>>({
    ...rest,
    mutationFn: (input) => call(channel, input),
    onSuccess: async (output, input, ...more) => {
      const stale = typeof invalidates === 'function' ? invalidates(output, input) : (invalidates ?? []);
      await invalidate(queryClient, stale);
      await onSuccess?.(output, input, ...more);
    },
  });
}

/** A feature's named change hook: the channel and what it makes stale, said once; the screen adds its own callbacks. */
export function mutationHook<C extends Channel>(channel: C, invalidates?: Invalidates<C>) {
  return (options: Omit<ChannelMutationOptions<C>, 'invalidates'> = {}) => useChannelMutation(channel, { invalidates, ...options });
}
