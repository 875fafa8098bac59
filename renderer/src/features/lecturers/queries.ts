import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export function useLecturers(includeArchived = false) {
  return useQuery({ queryKey: ['lecturers.list', includeArchived], queryFn: () => api.lecturers.list({ includeArchived }) });
}

export function useVenues(includeArchived = false) {
  return useQuery({ queryKey: ['venues.list', includeArchived], queryFn: () => api.venues.list({ includeArchived }) });
}
