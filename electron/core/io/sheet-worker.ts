/**
 * Reads a file brought for import in a worker thread with a memory cap and a time limit. In Electron
 * the core runs in the main process: a file that exhausted memory there would close the app, and a
 * slow parse would freeze every window. Here the worker is ended instead and the clerk is told why.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { RawWorkbook, ReadLimits } from './raw-sheet';
import { tooComplex } from './read-errors';

export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  limits: ReadLimits;
}

export type ReadResponse =
  { ok: true; book: RawWorkbook; heapMb: number } | { ok: false; code: string | null; message: string; heapMb: number };

export interface Isolation {
  /** The worker's V8 heap; a list of 50,000 rows needs well under half of it. */
  heapMb: number;
  timeoutMs: number;
  /**
   * The built worker (out/main/read-worker.js) in the packaged app. Without it the TypeScript source
   * is run through tsx: tests, the browser host and the bench run the core from source.
   */
  script?: string;
}

export const DEFAULT_ISOLATION: Isolation = { heapMb: 1024, timeoutMs: 60_000 };

let builtScript: string | undefined;

/**
 * A worker that finished a file normally is kept for the next one: a warm worker has ExcelJS loaded
 * and compiled, which saves about half a second a file. One that ran out of memory or time is
 * ended; one that has read RECYCLE_AFTER files or holds more than RECYCLE_HEAP_MB is replaced.
 */
const RECYCLE_AFTER = 20;
const RECYCLE_HEAP_MB = 256;

interface PooledWorker {
  worker: Worker;
  script: string | undefined;
  heapMb: number;
  reads: number;
}

let idle: PooledWorker | null = null;

function startWorker(script: string | undefined, heapMb: number): PooledWorker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
  const entry = path.join(__dirname, 'read-worker.ts');
  const worker = script
    ? new Worker(script, { resourceLimits })
    : new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits });
  return { worker, script, heapMb, reads: 0 };
}

function takeWorker(script: string | undefined, heapMb: number): PooledWorker {
  const kept = idle;
  idle = null;
  if (kept && kept.script === script && kept.heapMb === heapMb) {
    for (const event of ['error', 'exit']) kept.worker.removeAllListeners(event);
    kept.worker.ref();
    return kept;
  }
  if (kept) void kept.worker.terminate();
  return startWorker(script, heapMb);
}

function keepWorker(pooled: PooledWorker, heapMb: number): void {
  if (pooled.reads >= RECYCLE_AFTER || heapMb > RECYCLE_HEAP_MB || idle) {
    void pooled.worker.terminate();
    return;
  }
  const { worker } = pooled;
  for (const event of ['message', 'error', 'exit']) worker.removeAllListeners(event);
  // An idle worker that dies is forgotten; an 'error' event with no listener would throw here.
  const forget = (): void => {
    if (idle === pooled) idle = null;
  };
  worker.once('error', forget);
  worker.once('exit', forget);
  // An idle worker must not keep a script or a test run alive.
  worker.unref();
  idle = pooled;
}

/**
 * Set once by the Electron main process (and the bench), which know where the bundle put the
 * worker; `prewarm` starts it at once so the clerk's first file does not wait for ExcelJS to load.
 */
export function useBuiltReadWorker(file: string, options: { prewarm?: boolean } = {}): void {
  builtScript = file;
  if (options.prewarm && !idle) keepWorker(startWorker(file, DEFAULT_ISOLATION.heapMb), 0);
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

export interface IsolatedRead {
  book: RawWorkbook;
  /** The worker's heap and external memory when it finished, for the bench and the corpus test. */
  heapMb: number;
}

/**
 * Refusals come back as the AppError the reader raised; a worker that ran out of memory or time,
 * or died, becomes IMPORT_TOO_COMPLEX. `onSlow` is told when the read passes half its time limit.
 */
export function readWorkbookInWorker(
  bytes: Buffer,
  fileName: string,
  options: { limits?: ReadLimits; isolation?: Partial<Isolation>; onSlow?: (ms: number) => void } = {},
): Promise<IsolatedRead> {
  const isolation = { ...DEFAULT_ISOLATION, script: builtScript, ...options.isolation };
  const name = baseName(fileName);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const pooled = takeWorker(isolation.script, isolation.heapMb);
    const { worker } = pooled;
    pooled.reads++;
    let settled = false;
    const settle = (fn: () => void, reusable: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(slowTimer);
      fn();
      if (reusable === null) void worker.terminate();
      else keepWorker(pooled, reusable);
    };
    const timer = setTimeout(
      () => settle(() => reject(tooComplex(name, `đọc quá ${Math.max(1, Math.round(isolation.timeoutMs / 1000))} giây`)), null),
      isolation.timeoutMs,
    );
    const slowTimer = setTimeout(() => options.onSlow?.(performance.now() - started), isolation.timeoutMs / 2);
    worker.on('message', (response: ReadResponse) =>
      settle(
        () => {
          if (response.ok) resolve({ book: response.book, heapMb: response.heapMb });
          else if (response.code) reject(new AppError(response.code, response.message));
          else reject(new Error(`Reading an import file failed in the worker: ${response.message}`));
        },
        response.ok || response.code ? response.heapMb : null,
      ),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      settle(
        () =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? tooComplex(name, 'cần quá nhiều bộ nhớ')
              : new Error(`The read worker failed: ${err.stack ?? err.message}`),
          ),
        null,
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`The read worker exited (${code}) without an answer`)), null));
    const request: ReadRequest = { bytes, fileName, limits: options.limits ?? {} };
    worker.postMessage(request);
  });
}
