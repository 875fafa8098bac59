import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

export const STATUS_KEY = ['app.status'] as const;

export function useAppStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => api.app.status() });
}
