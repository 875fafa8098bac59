import { useMemo } from 'react';
import { communeRanker, type CommuneOption } from '../../../../shared/domain/commune-search';
import { useChannelQuery } from '../../data/queries';
import { useCentre } from '../centre/queries';

/** 3,321 communes: fetched once per session. */
export function useCommunes() {
  return useChannelQuery('reference.communes', {}, { staleTime: Infinity });
}

/**
 * `filterOptions` for a commune Autocomplete: the commune named first ("dak ha", "Đắk Hà" → Xã Đăk Hà),
 * the centre's own communes before same-named ones elsewhere, then Vietnamese order; at most `limit`
 * options so a list of thousands opens quickly.
 */
export function useCommuneFilter(limit = 100) {
  const centre = useCentre();
  const preferred = centre.data?.current?.areaCommunes;
  const rank = useMemo(() => communeRanker<CommuneOption>(), []);
  return useMemo(
    () =>
      <T extends CommuneOption>(options: T[], state: { inputValue: string }): T[] =>
        rank(options, state.inputValue, preferred ?? [], limit) as T[],
    [rank, preferred, limit],
  );
}
