/**
 * Runs in a worker thread: reads each file brought for import and posts back the plain cells or the
 * refusal, one file at a time. A file crafted to exhaust memory or time kills this thread, never the app (sheet-worker.ts).
 */
import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors';
import { readWorkbook } from './sheet-reader';
import type { ReadRequest, ReadResponse } from './sheet-worker';

function heapMb(): number {
  const h = v8.getHeapStatistics();
  return Math.round((h.total_heap_size + h.external_memory) / (1024 * 1024));
}

parentPort?.on('message', (request: ReadRequest) => {
  const reply = (response: ReadResponse): void => parentPort?.postMessage(response);
  readWorkbook(
    Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength),
    request.fileName,
    request.limits,
  ).then(
    (book) => reply({ ok: true, book, heapMb: heapMb() }),
    (err: unknown) =>
      reply(
        err instanceof AppError
          ? { ok: false, code: err.code, message: err.message, heapMb: heapMb() }
          : { ok: false, code: null, message: err instanceof Error ? (err.stack ?? err.message) : String(err), heapMb: heapMb() },
      ),
  );
});
