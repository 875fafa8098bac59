import { mutationHook, useChannelQuery } from '../../data/queries';

// The year's plan lines and their progress are one answer, so every change to a line makes it stale.
export const usePlanYear = (year: number) => useChannelQuery('plans.year', { year });
export const useSavePlanLine = mutationHook('plans.saveLine', ['plans.year']);
export const useCopyPlanYear = mutationHook('plans.copyYear', ['plans.year']);
export const useDeletePlanLine = mutationHook('plans.deleteLine', ['plans.year']);
