import { useRef, useState } from 'react';
import { ApiError } from '../../api';
import { addChanges, saverStatus, settleBatch, type MarkChange } from './attendance-batch';
import { useSetAttendance } from './queries';

export { changeKey, type MarkChange } from './attendance-batch';

const DEBOUNCE_MS = 400;

/**
 * Marks typed into the grid are shown at once and saved in batches: every change waits ~400 ms
 * for the next one, then all unsaved changes go in one attendance.set call. A change typed while a
 * batch is on its way waits for that batch and goes in the next, so the order of saves is the order
 * of typing. After results are recognised the core wants a reason: it is asked once, when the first
 * change is typed, and sent with every batch from then on.
 */
export function useAttendanceSaver(classId: number, locked: boolean) {
  const save = useSetAttendance();
  // The timer and the in-flight save read these outside React's render; the state copy is what the grid shows.
  const pendingRef = useRef(new Map<string, MarkChange>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const reasonRef = useRef<string | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, MarkChange>>(new Map());
  const [saving, setSaving] = useState(false);
  const [savedOnce, setSavedOnce] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Changes held back until the clerk says why recognised results are being changed. */
  const [awaitingReason, setAwaitingReason] = useState<MarkChange[] | null>(null);

  const publish = () => setPending(new Map(pendingRef.current));

  const schedule = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  };

  const flush = async () => {
    timer.current = null;
    if (inFlight.current) return;
    const batch = [...pendingRef.current.values()];
    if (batch.length === 0) return;
    inFlight.current = true;
    setSaving(true);
    let saved = false;
    try {
      await save.mutateAsync({ classId, changes: batch, ...(reasonRef.current ? { reason: reasonRef.current } : {}) });
      settleBatch(pendingRef.current, batch);
      publish();
      setError(null);
      setSavedOnce(true);
      saved = true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'LOCKED_NEEDS_REASON') {
        // The grid was loaded before the results were recognised: ask now, keep the changes on screen.
        reasonRef.current = null;
        setAwaitingReason([]);
      } else {
        // A refusal that leaves the grid out of date reloads it (the change hook says so).
        setError(err instanceof Error ? err.message : 'Đã xảy ra lỗi không mong muốn.');
      }
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
    if (saved && pendingRef.current.size > 0) schedule();
  };

  const apply = (changes: MarkChange[]) => {
    addChanges(pendingRef.current, changes);
    publish();
    schedule();
  };

  const discard = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pendingRef.current.clear();
    publish();
    setError(null);
  };

  return {
    pending,
    status: saverStatus({ error, saving, pending: pending.size, savedOnce }),
    error,
    awaitingReason: awaitingReason !== null,
    edit: (changes: MarkChange[]) => {
      if (changes.length === 0) return;
      if (locked && reasonRef.current === null) setAwaitingReason(changes);
      else apply(changes);
    },
    giveReason: (reason: string) => {
      reasonRef.current = reason;
      const held = awaitingReason ?? [];
      setAwaitingReason(null);
      if (held.length > 0) apply(held);
      else void flush();
    },
    /** Without a reason nothing locked can change: what was typed is dropped. */
    refuseReason: () => {
      setAwaitingReason(null);
      discard();
    },
    retry: () => {
      setError(null);
      void flush();
    },
    discard,
  };
}
