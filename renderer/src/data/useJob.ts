import { useCallback, useEffect, useState } from 'react';
import type { Channel, Input, Output } from '../../../shared/contract';
import type { JobState } from '../../../shared/contract/common';
import { call } from '../api';

/** Channels that answer where a job stands, asked with its id. */
export type JobStatusChannel = {
  [C in Channel]: Output<C> extends JobState ? (Input<C> extends { jobId: string } ? C : never) : never;
}[Channel];
type JobCancelChannel = { [C in Channel]: Input<C> extends { jobId: string } ? (Output<C> extends JobState ? never : C) : never }[Channel];

const POLL_MS = 300;

export interface JobHandle<S extends JobStatusChannel> {
  /** Where the job stands: `running` with nothing done from its start until the first answer. */
  state: JobState | null;
  /** The last full answer (a finished batch's file and count). */
  last: Output<S> | null;
  running: boolean;
  /** The status could not be asked (the job itself may have gone on). */
  error: Error | null;
  stopping: boolean;
  /** Asks the job to stop after its current step. */
  cancel: () => Promise<void>;
}

/**
 * Follows one background job: polls its status one request at a time (a finished job hands its
 * result out once) until it is no longer running, and calls `onFinish` with that last answer.
 */
export function useJob<S extends JobStatusChannel>(
  channels: { status: S; cancel: JobCancelChannel },
  job: { jobId: string; total: number } | null,
  onFinish?: (last: Output<S>) => void,
): JobHandle<S> {
  const jobId = job?.jobId ?? null;
  const [answer, setAnswer] = useState<{ jobId: string; last: Output<S> | null; error: Error | null; stopping: boolean } | null>(null);
  const mine = answer && answer.jobId === jobId ? answer : null;
  const last = mine?.last ?? null;
  const finished = last !== null && last.status !== 'running';

  useEffect(() => {
    if (!jobId) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      call(channels.status, { jobId } as Input<S>).then(
        (s) => {
          if (!alive) return;
          setAnswer((a) => ({ jobId, last: s, error: null, stopping: a?.jobId === jobId && a.stopping }));
          if (s.status === 'running') timer = setTimeout(poll, POLL_MS);
          else onFinish?.(s);
        },
        (err: unknown) => {
          if (alive) setAnswer((a) => ({ jobId, last: a?.jobId === jobId ? a.last : null, error: err as Error, stopping: false }));
        },
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // One loop per job: a new `onFinish` each render must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId, channels.status]);

  const error = mine?.error ?? null;
  const cancelChannel = channels.cancel;
  const cancel = useCallback(async () => {
    if (!jobId) return;
    setAnswer((a) => (a?.jobId === jobId ? { ...a, stopping: true } : { jobId, last: null, error: null, stopping: true }));
    await call(cancelChannel, { jobId } as Input<typeof cancelChannel>);
  }, [jobId, cancelChannel]);

  let state: JobState | null = null;
  if (job) {
    const base: JobState = last ?? { status: 'running', done: 0, total: job.total, message: null };
    state = error && base.status === 'running' ? { ...base, status: 'failed' } : base;
  }
  return { state, last, running: state?.status === 'running', error, stopping: !finished && (mine?.stopping ?? false), cancel };
}
