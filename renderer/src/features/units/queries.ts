import { everythingHook } from '../../data/everything';
import { useChannelQuery } from '../../data/queries';

/** The Party units (base organisations and cells), for every screen that picks or filters by one. */
export const useUnits = (includeArchived = false) => useChannelQuery('units.list', { includeArchived });

// The registry shows each person's unit by name.
export const UNIT_CHANGE = ['units.list', 'learners.search'] as const;
// Its members move to the other unit: every list of people may show them.
export const useMergeUnits = everythingHook('units.merge');
