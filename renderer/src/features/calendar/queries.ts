import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { Input } from '../../../../shared/contract';
import { channelQuery, useChannelQuery } from '../../data/queries';

/** The previous range stays on screen while the next week or month loads. */
export const useCalendarSessions = (range: Input<'calendar.sessions'>) =>
  useChannelQuery('calendar.sessions', range, { placeholderData: keepPreviousData });
/** The days off of every year a shown range touches (a week may span the new year). */
export const useHolidayYears = (years: readonly number[]) =>
  useQueries({ queries: years.map((year) => channelQuery('holidays.year', { year })) });
