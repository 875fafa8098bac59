import type { Input } from '../../../../shared/contract';
import type { ClassRow } from '../../../../shared/contract/classes';
import { useSetAnswer } from '../../data/answers';
import { mutationHook, useChannelQuery, useInvalidate, type Stale } from '../../data/queries';

export const useClasses = (year: number | null, programId: number | null = null) => useChannelQuery('classes.list', { year, programId });
export const useClass = (id: number) => useChannelQuery('classes.get', { id });
/** The next cohort and decision numbers for a class of this program and start; not asked while `request` is null. */
export const useClassProposal = (request: Input<'classes.propose'> | null) =>
  useChannelQuery('classes.propose', request ?? undefined, { enabled: request !== null });
/** Asked on demand while a new class is being filled in: a read, sent as the clerk picks a program or a date. */
export const useProposeClass = mutationHook('classes.propose');

/**
 * A class's dates, status, sites and program show in the year's lists and plan, in its documents, and in the
 * attendance, results and enrolment tabs; those belong to other capabilities, so their whole channel is named.
 */
export const CLASS_CHANGE: readonly Stale[] = [
  'classes.get',
  'classes.list',
  'plans.year',
  'documents.preview',
  'attendance.grid',
  'results.grid',
  'enrollments.list',
];
export const useSetClassStatus = mutationHook('classes.setStatus', CLASS_CHANGE);

/** What a class page runs after another tab changed the class (results recognised, say). */
export function useRefreshClass(): () => void {
  const invalidate = useInvalidate();
  return () => void invalidate(...CLASS_CHANGE);
}

/** A saved class is shown at once where it is read, before its page asks for it (a new class opens on save). */
export function useStoreClass(): (c: ClassRow) => void {
  const setAnswer = useSetAnswer();
  return (c) => setAnswer('classes.get', { id: c.id }, c);
}
