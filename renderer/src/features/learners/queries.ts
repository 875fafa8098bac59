import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api';

export function useUnits(includeArchived = false) {
  return useQuery({ queryKey: ['units.list', includeArchived], queryFn: () => api.units.list({ includeArchived }) });
}

/** 3,321 communes: fetched once per session. */
export function useCommunes() {
  return useQuery({ queryKey: ['reference.communes'], queryFn: () => api.reference.communes(), staleTime: Infinity });
}

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
