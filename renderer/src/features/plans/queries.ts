import { mutationHook, useChannelQuery } from '../../data/queries';

// The year's plan lines and their progress are one answer, so every change to a line makes it stale.
export const PLAN_CHANGE = ['plans.year'] as const;
export const usePlanYear = (year: number) => useChannelQuery('plans.year', { year });
export const useCopyPlanYear = mutationHook('plans.copyYear', PLAN_CHANGE);
export const useDeletePlanLine = mutationHook('plans.deleteLine', PLAN_CHANGE);
