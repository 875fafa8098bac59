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
  | { ok: true; book: RawWorkbook; heapMb: number }
  | { ok: false; code: string | null; message: string; heapMb: number };

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

/** Set once by the Electron main process, which knows where the bundle put the worker. */
export function useBuiltReadWorker(file: string): void {
  builtScript = file;
}

function startWorker(script: string | undefined, heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
  if (script) return new Worker(script, { resourceLimits });
  const entry = path.join(__dirname, 'read-worker.ts');
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, {
    eval: true,
    resourceLimits,
  });
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
    const worker = startWorker(isolation.script, isolation.heapMb);
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(slowTimer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(tooComplex(name, `đọc quá ${Math.round(isolation.timeoutMs / 1000)} giây`))),
      isolation.timeoutMs,
    );
    const slowTimer = setTimeout(() => options.onSlow?.(performance.now() - started), isolation.timeoutMs / 2);
    worker.on('message', (response: ReadResponse) =>
      settle(() => {
        if (response.ok) resolve({ book: response.book, heapMb: response.heapMb });
        else if (response.code) reject(new AppError(response.code, response.message));
        else reject(new Error(`Reading an import file failed in the worker: ${response.message}`));
      }),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooComplex(name, 'cần quá nhiều bộ nhớ')
            : new Error(`The read worker failed: ${err.stack ?? err.message}`),
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`The read worker exited (${code}) without an answer`))));
    const request: ReadRequest = { bytes, fileName, limits: options.limits ?? {} };
    worker.postMessage(request);
  });
}
