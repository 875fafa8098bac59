import { useInfiniteQuery } from '@tanstack/react-query';
import type { Output } from '../../../../shared/contract';
import { answerHook, type Shown } from '../../data/answers';
import { useChannelQuery, type Stale } from '../../data/queries';
import { registrySearch } from '../learners/registry-queries';

export type EnrollmentList = Output<'enrollments.list'>;

export const useEnrollments = (classId: number) => useChannelQuery('enrollments.list', { classId });

/** The attendance and results grids have one row per learner: who is in the class changes them too. */
export const classGridsStale = (classId: number): Stale[] => [
  ['attendance.grid', { classId }],
  ['results.grid', { classId }],
];

type Answer = EnrollmentList & { added?: number; capacityWarning?: string | null };
/** Every change to who is in the class answers with the new list (an add also says what it did; only the list is cached). */
const theList = ({ added: _added, capacityWarning: _warning, ...list }: Answer): Shown<'enrollments.list'> => [
  'enrollments.list',
  { classId: list.classId },
  list,
];

const grids = (list: EnrollmentList) => classGridsStale(list.classId);

export const useAddLearners = answerHook('enrollments.add', theList, grids);
export const useAddUnit = answerHook('enrollments.addUnit', theList, grids);
export const useWithdraw = answerHook('enrollments.withdraw', theList, grids);
export const useSetDiscipline = answerHook('enrollments.setDiscipline', theList, grids);
export const useSetSite = answerHook('enrollments.setSite', theList, grids);

/** "Học viên (28)" on the class page's tab, from the same cached list the tab shows. */
export function EnrolledTabLabel({ classId }: { classId: number }) {
  const list = useEnrollments(classId);
  return list.data ? `Học viên (${list.data.enrolled})` : 'Học viên';
}

/** The registry's own search (diacritics ignored, in list order), page by page; the last answer stays while the next loads. */
export const useRegistryPages = (query: string) => useInfiniteQuery({ ...registrySearch(query, {}), placeholderData: (prev) => prev });
