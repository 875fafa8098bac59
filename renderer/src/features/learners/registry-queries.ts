import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { SearchCursor } from '../../../../shared/contract/learners';
import type { PartyStatus } from '../../../../shared/domain/learner-fields';
import { api } from '../../api';

export interface RegistryFilters {
  unitId?: number;
  partyStatus?: PartyStatus;
}

export function registrySearch(q: string, filters: RegistryFilters) {
  return infiniteQueryOptions({
    queryKey: ['learners.search', q, filters],
    queryFn: ({ pageParam }) => api.learners.search({ q, filters, after: pageParam, limit: 200 }),
    initialPageParam: null as SearchCursor | null,
    getNextPageParam: (last) => last.next,
  });
}

export function registryCount(q: string, filters: RegistryFilters) {
  return queryOptions({ queryKey: ['learners.count', q, filters], queryFn: () => api.learners.count({ q, filters }) });
}

/**
 * Asked by the route as navigation starts, while the screen's code loads and the shell renders, so the
 * registry's first rows are there when the screen first draws (issue 14: first rows within a second).
 */
export function prefetchRegistry(queryClient: QueryClient, q: string): void {
  void queryClient.prefetchInfiniteQuery(registrySearch(q, {}));
  void queryClient.prefetchQuery(registryCount(q, {}));
}
