import type { AttendanceMark } from '../../../../shared/domain/eligibility';

export interface MarkChange {
  enrollmentId: number;
  sessionId: number;
  mark: AttendanceMark | null;
}

export const changeKey = (enrollmentId: number, sessionId: number) => `${enrollmentId}:${sessionId}`;

/** Files changes by cell: a later mark in the same cell replaces the earlier one. */
export function addChanges(pending: Map<string, MarkChange>, changes: readonly MarkChange[]): void {
  for (const c of changes) pending.set(changeKey(c.enrollmentId, c.sessionId), c);
}

/** After a batch is saved: its changes leave the queue, unless the cell was changed again while it travelled. */
export function settleBatch(pending: Map<string, MarkChange>, batch: readonly MarkChange[]): void {
  for (const c of batch) {
    const k = changeKey(c.enrollmentId, c.sessionId);
    if (pending.get(k)?.mark === c.mark) pending.delete(k);
  }
}

/** Refusals after which the grid on screen may be out of date (a session moved, a learner withdrawn). */
export const STALE_GRID_CODES: readonly string[] = ['INVALID_INPUT', 'WITHDRAWN', 'LOCKED'];

export type SaverStatus = 'error' | 'saving' | 'saved' | 'idle';

export function saverStatus(s: { error: string | null; saving: boolean; pending: number; savedOnce: boolean }): SaverStatus {
  if (s.error) return 'error';
  if (s.saving || s.pending > 0) return 'saving';
  return s.savedOnce ? 'saved' : 'idle';
}
