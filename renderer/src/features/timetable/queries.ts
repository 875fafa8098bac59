import { mutationHook, useChannelQuery } from '../../data/queries';
import { CLASS_CHANGE } from '../classes/queries';

export const useTimetable = (classId: number) => useChannelQuery('timetable.get', { classId });
// Generating and checking answer with a draft the editor shows; nothing is stored until it is saved.
export const useGenerateTimetable = mutationHook('timetable.generate');
export const useCheckTimetable = mutationHook('timetable.check');
// Saving may move the class's dates to its first and last session; the sessions show in the calendar too.
export const useSaveTimetable = mutationHook('timetable.save', ['timetable.get', 'calendar.sessions', ...CLASS_CHANGE]);
