import { mutationHook, useChannelQuery } from '../../data/queries';

export const useLecturers = (includeArchived = false) => useChannelQuery('lecturers.list', { includeArchived });
export const useVenues = (includeArchived = false) => useChannelQuery('venues.list', { includeArchived });
export const useLecturerHours = (year: number) => useChannelQuery('lecturers.hours', { year });

// A lecturer's norms and status show in the hours table too.
export const LECTURER_CHANGE = ['lecturers.list', 'lecturers.hours'] as const;
export const useSetLecturerArchived = mutationHook('lecturers.setArchived', LECTURER_CHANGE);
export const useSetVenueArchived = mutationHook('venues.setArchived', ['venues.list']);
