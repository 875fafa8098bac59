import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, type QueryClient } from '@tanstack/react-query';
import type { SearchCursor } from '../../../../shared/contract/learners';
import type { PartyStatus } from '../../../../shared/domain/learner-fields';
import { call } from '../../api';
import { channelKey, channelQuery, useChannelQuery } from '../../data/queries';

export interface RegistryFilters {
  unitId?: number;
  partyStatus?: PartyStatus;
}

export function registrySearch(q: string, filters: RegistryFilters) {
  return infiniteQueryOptions({
    // Every page of one search is filed under the search's input; the cursor only picks the page.
    queryKey: channelKey('learners.search', { q, filters, limit: 200 }),
    queryFn: ({ pageParam }) => call('learners.search', { q, filters, after: pageParam, limit: 200 }),
    initialPageParam: null as SearchCursor | null,
    getNextPageParam: (last) => last.next,
  });
}

export function registryCount(q: string, filters: RegistryFilters) {
  return channelQuery('learners.count', { q, filters });
}

// While a new search is asked, the rows and count of the last one stay on screen.
export const useRegistry = (q: string, filters: RegistryFilters) =>
  useInfiniteQuery({ ...registrySearch(q, filters), placeholderData: keepPreviousData });
export const useRegistryCount = (q: string, filters: RegistryFilters) =>
  useChannelQuery('learners.count', { q, filters }, { placeholderData: keepPreviousData });

/**
 * Asked by the route as navigation starts, while the screen's code loads and the shell renders, so the
 * registry's first rows are there when the screen first draws (issue 14: first rows within a second).
 */
export function prefetchRegistry(queryClient: QueryClient, q: string): void {
  void queryClient.prefetchInfiniteQuery(registrySearch(q, {}));
  void queryClient.prefetchQuery(registryCount(q, {}));
}
