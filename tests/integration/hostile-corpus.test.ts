/**
 * Every file of the hostile corpus through the isolated reader (issue 12): refused with a Vietnamese
 * message or read within limits, each within 10 s, the reader's memory under its cap, never by
 * the worker being killed (the pre-check catches them first), and nothing written.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { DEFAULT_ISOLATION, readWorkbookInWorker } from '../../electron/core/io/sheet-worker';
import { hostileFiles, type HostileFile } from '../fixtures/hostile-files';
import { invoke, startCore } from './helpers';

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
const LIMIT_MS = 10_000;

describe('the hostile corpus', () => {
  let files: HostileFile[] = [];
  beforeAll(async () => {
    const started = performance.now();
    files = await hostileFiles();
    console.info(`${files.length} hostile files generated in ${Math.round(performance.now() - started)} ms`);
  }, 60_000);

  it('has at least 200 files in every family asked for, deterministic and named uniquely', async () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
    const families = new Map<string, number>();
    for (const f of files) families.set(f.family, (families.get(f.family) ?? 0) + 1);
    for (const family of [
      'zip-bomb',
      'merge-bomb',
      'whitespace-flood',
      'lying-dimension',
      'sparse-far',
      'string-flood',
      'style-flood',
      'xml-entities',
      'truncated',
      'wrong-type',
      'empty-workbook',
      'csv-encoding',
      'csv-hostile',
      'junk',
    ]) {
      expect(families.get(family) ?? 0, family).toBeGreaterThanOrEqual(3);
    }
    const digest = (list: HostileFile[]) =>
      createHash('sha256')
        .update(list.map((f) => `${f.name}:${createHash('sha256').update(f.bytes).digest('hex')}`).join('\n'))
        .digest('hex');
    expect(digest(await hostileFiles())).toBe(digest(files));
  }, 60_000);

  it('refuses or reads each within 10 s, in Vietnamese, without the worker running out of memory or time', async () => {
    const outcomes: string[] = [];
    const problems: string[] = [];
    const check = (ok: boolean, problem: string): void => {
      if (!ok) problems.push(problem);
    };
    let worst = { ms: 0, name: '' };
    for (const file of files) {
      const started = performance.now();
      const result = await readWorkbookInWorker(file.bytes, file.name, { isolation: { timeoutMs: LIMIT_MS } }).then(
        (read) => ({ read }),
        (err: unknown) => ({ err }),
      );
      const ms = performance.now() - started;
      if (ms > worst.ms) worst = { ms, name: file.name };
      check(ms < LIMIT_MS, `${file.name}: ${Math.round(ms)} ms`);
      if ('read' in result) {
        outcomes.push(`${file.name}: read ${result.read.book.sheets.map((s) => s.rowCount).join('+')} rows, ${result.read.heapMb} MB`);
        check(file.mayBeAccepted === true, `${file.name} (${file.note}) was read`);
        check(result.read.heapMb < DEFAULT_ISOLATION.heapMb, `${file.name}: ${result.read.heapMb} MB`);
        for (const s of result.read.book.sheets)
          check(s.rowCount <= 50_030 && s.colCount <= 256, `${file.name}: ${s.rowCount} × ${s.colCount}`);
      } else if (!(result.err instanceof AppError)) {
        problems.push(`${file.name}: not a refusal: ${String(result.err)}`);
      } else {
        const { code, message } = result.err;
        outcomes.push(`${file.name}: ${code}`);
        check(/^IMPORT_/.test(code), `${file.name}: ${code}`);
        check(VIETNAMESE.test(message), `${file.name}: not Vietnamese: ${message}`);
        // The pre-check caught it: the worker was never ended for memory or time.
        check(!/cần quá nhiều bộ nhớ|đọc quá \d+ giây/.test(message), `${file.name} needed the worker to be ended`);
      }
    }
    expect(problems).toEqual([]);
    console.info(`slowest: ${worst.name} in ${Math.round(worst.ms)} ms\n${outcomes.join('\n')}`);
  }, 600_000);

  it('writes nothing when a refused file comes through the import channel', async () => {
    const core = await startCore();
    const fingerprint = () =>
      JSON.stringify([core.db.prepare('SELECT total_changes() AS n').get(), core.db.prepare('SELECT COUNT(*) AS n FROM people').get()]);
    const before = fingerprint();
    for (const file of files.filter((_, i) => i % 10 === 0 && !files[i]!.mayBeAccepted)) {
      const r = await invoke(core, 'imports.open', { fileName: file.name, dataBase64: file.bytes.toString('base64') });
      expect(r.ok, file.name).toBe(false);
      if (!r.ok) expect(r.error.code, file.name).toMatch(/^IMPORT_/);
    }
    expect(fingerprint()).toBe(before);
  }, 120_000);
});
