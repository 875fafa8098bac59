import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api';

export const STATUS_KEY = ['app.status'] as const;

export const statusQuery = queryOptions({ queryKey: STATUS_KEY, queryFn: () => api.app.status() });

export function useAppStatus() {
  return useQuery(statusQuery);
}
