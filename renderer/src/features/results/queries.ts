import { answerHook } from '../../data/answers';
import { useChannelQuery } from '../../data/queries';

export const useResultsGrid = (classId: number) => useChannelQuery('results.grid', { classId });

/** Decisions are numbered per Party term: the next free number on a date comes with the class numbering the core proposes. */
export const useNextDecision = (programId: number, onDate: string, enabled: boolean) =>
  useChannelQuery('classes.propose', { programId, startDate: onDate, cohortNumbering: 'per_year' }, { enabled });

/** A score change answers with the whole grid: every result of the row may have moved. */
export const useSetScores = answerHook('results.setScores', (grid) => ['results.grid', { classId: grid.classId }, grid]);

/** Recognised results lock the class's attendance too. */
export const useRecognise = answerHook(
  'results.recognise',
  (grid) => ['results.grid', { classId: grid.classId }, grid],
  (grid) => [['attendance.grid', { classId: grid.classId }]],
);
