import { mutationHook, useChannelQuery } from '../../data/queries';

export const useHolidayYear = (year: number) => useChannelQuery('holidays.year', { year });
// Only the year's lists show adjustments; a timetable reads the days off when it is generated or checked.
export const ADJUSTMENT_CHANGE = ['holidays.year'] as const;
export const useRemoveAdjustment = mutationHook('holidays.removeAdjustment', ADJUSTMENT_CHANGE);
