import crypto from 'node:crypto';
import { AppError, storageError } from './errors';
import type { Logger } from './log';
import type { JobState } from '../../shared/contract/common';

export type JobStatus = JobState['status'];

export type JobView<T> = JobState & { result: T | null };

export interface JobControl {
  /** Called after each step; `done` never goes down. */
  progress(done: number): void;
  /** Checked between steps: a cancelled job stops at the next one and keeps what already happened. */
  readonly cancelled: boolean;
}

interface Job {
  kind: string;
  /** What stays of the result once the screen has collected it (a PDF is not kept twice). */
  afterCollect: ((result: unknown) => unknown) | null;
  collected: boolean;
  status: JobStatus;
  done: number;
  total: number;
  message: string | null;
  result: unknown;
  cancelRequested: boolean;
  finishedAt: number | null;
}

// A finished job waits this long for the screen to collect its result (a large PDF), then is dropped;
// once collected, its summary stays a minute for a poll that was already on its way.
const KEEP_FINISHED_MS = 10 * 60 * 1000;
const KEEP_COLLECTED_MS = 60 * 1000;

/**
 * Long work (printing hundreds of certificates) runs in the background while the screen polls for
 * progress: both shells answer requests one at a time, and only polling works through both the
 * Electron IPC and the browser host the same way.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly log: Logger,
    private readonly where: string,
  ) {}

  /**
   * Runs `run` in the background. It says how it ended (a cancel that arrives during the last step
   * does not make a finished PDF "cancelled"); a throw is a failure with its message.
   */
  start<T>(
    kind: string,
    total: number,
    run: (control: JobControl) => Promise<{ result: T; message: string; status?: Exclude<JobStatus, 'running'> }>,
    afterCollect?: (result: T) => T,
  ): string {
    this.sweep();
    const id = crypto.randomUUID();
    const job: Job = {
      kind,
      status: 'running',
      done: 0,
      total,
      message: null,
      result: null,
      cancelRequested: false,
      finishedAt: null,
      afterCollect: afterCollect ? (r) => afterCollect(r as T) : null,
      collected: false,
    };
    this.jobs.set(id, job);
    const control: JobControl = {
      progress: (done) => {
        job.done = Math.max(job.done, Math.min(done, total));
      },
      get cancelled() {
        return job.cancelRequested;
      },
    };
    void run(control).then(
      ({ result, message, status }) => {
        job.status = status ?? 'done';
        job.result = result;
        job.message = message;
        job.finishedAt = Date.now();
      },
      (err: unknown) => {
        job.status = 'failed';
        job.finishedAt = Date.now();
        if (err instanceof AppError) job.message = err.message;
        else {
          const known = storageError(err, this.where);
          if (known) job.message = known.message;
          else {
            this.log.error(`Job ${kind} failed`, err);
            job.message = `Đã xảy ra lỗi không mong muốn. Chi tiết đã được ghi vào nhật ký: ${this.log.file}`;
          }
        }
      },
    );
    return id;
  }

  /** The job's state; a finished job's full result is handed out once, then only its summary. */
  take<T>(kind: string, id: string): JobView<T> {
    this.sweep();
    const job = this.jobs.get(id);
    if (!job || job.kind !== kind) throw new AppError('NOT_FOUND', 'Không tìm thấy lượt in này (có thể đã xong từ lâu); hãy làm lại.');
    const view = { status: job.status, done: job.done, total: job.total, message: job.message, result: job.result as T | null };
    if (job.status !== 'running' && !job.collected) {
      job.collected = true;
      job.finishedAt = Date.now() - KEEP_FINISHED_MS + KEEP_COLLECTED_MS;
      if (job.afterCollect && job.result !== null) job.result = job.afterCollect(job.result);
    }
    return view;
  }

  /** How many jobs (of a kind) are still working. */
  running(kind?: string): number {
    let n = 0;
    for (const job of this.jobs.values()) if (job.status === 'running' && (kind === undefined || job.kind === kind)) n++;
    return n;
  }

  cancel(kind: string, id: string): void {
    const job = this.jobs.get(id);
    if (!job || job.kind !== kind) throw new AppError('NOT_FOUND', 'Không tìm thấy lượt in này.');
    job.cancelRequested = true;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
