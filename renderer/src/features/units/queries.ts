import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** The Party units (base organisations and cells), for every screen that picks or filters by one. */
export function useUnits(includeArchived = false) {
  return useQuery({ queryKey: ['units.list', includeArchived], queryFn: () => api.units.list({ includeArchived }) });
}
