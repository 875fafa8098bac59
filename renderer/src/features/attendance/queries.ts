import { ApiError } from '../../api';
import { answerHook } from '../../data/answers';
import { useChannelQuery, useInvalidate } from '../../data/queries';
import { STALE_GRID_CODES } from './attendance-batch';

export const useAttendanceGrid = (classId: number) => useChannelQuery('attendance.grid', { classId });

/** A saved batch answers with the whole grid; a learner's result counts their absences, so the class's results are stale too. */
const useSaveMarks = answerHook(
  'attendance.set',
  (grid) => ['attendance.grid', { classId: grid.classId }, grid],
  (grid) => [['results.grid', { classId: grid.classId }]],
);

/**
 * Saving marks; after a refusal that says the grid on screen is out of date (a session moved, a
 * learner withdrawn), it is loaded again, so "Bỏ thay đổi chưa lưu" leaves the clerk with what is really saved.
 */
export function useSetAttendance() {
  const invalidate = useInvalidate();
  return useSaveMarks({
    onError: (err, input) => {
      if (err instanceof ApiError && STALE_GRID_CODES.includes(err.code)) void invalidate(['attendance.grid', { classId: input.classId }]);
    },
  });
}
