import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../shared/contract';
import { api } from '../../api';

export type EnrollmentList = Output<'enrollments.list'>;

export function enrollmentsKey(classId: number) {
  return ['enrollments.list', classId] as const;
}

export function useEnrollments(classId: number) {
  return useQuery({ queryKey: enrollmentsKey(classId), queryFn: () => api.enrollments.list({ classId }) });
}

/**
 * Every change to who is in the class answers with the new list; the attendance and results grids
 * have one row per learner, so they are fetched again when next shown.
 */
export function storeEnrollments(
  queryClient: QueryClient,
  answer: EnrollmentList & { added?: number; capacityWarning?: string | null },
): void {
  // An add answers with the list plus what it did; only the list is cached.
  const { added: _added, capacityWarning: _warning, ...list } = answer;
  queryClient.setQueryData(enrollmentsKey(list.classId), list satisfies EnrollmentList);
  void queryClient.invalidateQueries({ queryKey: ['attendance.grid', list.classId] });
  void queryClient.invalidateQueries({ queryKey: ['results.grid', list.classId] });
}

/** "Học viên (28)" on the class page's tab, from the same cached list the tab shows. */
export function EnrolledTabLabel({ classId }: { classId: number }) {
  const list = useEnrollments(classId);
  return list.data ? `Học viên (${list.data.enrolled})` : 'Học viên';
}
