import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { JobRegistry } from '../../electron/core/jobs';
import type { Logger } from '../../electron/core/log';

const logged: string[] = [];
const log = {
  file: '/tmp/app.log',
  info: () => undefined,
  warn: () => undefined,
  error: (m: string) => logged.push(m),
} as unknown as Logger;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('background jobs', () => {
  it('reports progress, says how a job ended, and keeps only the summary once collected', async () => {
    const jobs = new JobRegistry(log, '/data');
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const id = jobs.start(
      'k',
      10,
      async (c) => {
        c.progress(4);
        c.progress(2);
        await gate;
        return { result: { big: 'x'.repeat(10), n: 10 }, message: 'xong' };
      },
      (r) => ({ ...r, big: '' }),
    );
    await settle();
    expect(jobs.take('k', id)).toMatchObject({ status: 'running', done: 4, total: 10, result: null });
    expect(jobs.running('k')).toBe(1);
    // A cancel that arrives after the last step does not make a finished job "cancelled".
    jobs.cancel('k', id);
    finish();
    await settle();
    expect(jobs.take('k', id)).toMatchObject({ status: 'done', message: 'xong', result: { big: 'xxxxxxxxxx', n: 10 } });
    expect(jobs.take('k', id)).toMatchObject({ status: 'done', result: { big: '', n: 10 } });
    expect(jobs.running()).toBe(0);
    expect(() => jobs.take('other', id)).toThrow(AppError);
  });

  it("turns a throw into a failure: the clerk's message for an AppError, the log's place for a bug", async () => {
    const jobs = new JobRegistry(log, '/data');
    const a = jobs.start('k', 1, () => Promise.reject(new AppError('X', 'Máy in hết giấy')));
    const b = jobs.start('k', 1, () => Promise.reject(new Error('boom')));
    await settle();
    expect(jobs.take('k', a)).toMatchObject({ status: 'failed', message: 'Máy in hết giấy' });
    expect(jobs.take('k', b).message).toContain('/tmp/app.log');
    expect(logged).toEqual(['Job k failed']);
  });
});
