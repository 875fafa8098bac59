import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { person, setup } from './enrollments-fixtures';
import { ok, startCore } from './helpers';

/** Counts the reads (get, all, iterate) every statement of the connection makes while `work` runs. */
async function reads(core: AppCore, work: () => Promise<unknown>): Promise<number> {
  const proto = Object.getPrototypeOf(core.db.prepare('SELECT 1')) as Record<'get' | 'all' | 'iterate', (...a: unknown[]) => unknown>;
  const originals = { get: proto.get, all: proto.all, iterate: proto.iterate };
  let count = 0;
  for (const name of ['get', 'all', 'iterate'] as const) {
    const original = originals[name];
    proto[name] = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    Object.assign(proto, originals);
  }
  return count;
}

describe('queries per request', () => {
  it('checks the people of an enrolment in one query however many they are', async () => {
    const core = await startCore();
    const c = await setup(core, null);
    const few = [await person(core, 'Trần Văn An'), await person(core, 'Lê Văn Bảo')];
    const many: number[] = [];
    for (let i = 0; i < 20; i++) many.push((await person(core, `Nguyễn Văn Người${i}`)).id);
    const forFew = await reads(core, () => ok(core, 'enrollments.add', { classId: c.id, personIds: few.map((p) => p.id) }));
    const forMany = await reads(core, () => ok(core, 'enrollments.add', { classId: c.id, personIds: many }));
    expect(forMany).toBe(forFew);
  });

  it('builds the results grid once when recognising', async () => {
    const core = await startCore();
    const c = await setup(core);
    const list = await ok(core, 'enrollments.add', { classId: c.id, personIds: [(await person(core, 'Trần Văn An')).id] });
    const enrollmentId = list.enrollments[0]!.id;
    const { sessions } = await ok(core, 'attendance.grid', { classId: c.id });
    await ok(core, 'attendance.set', {
      classId: c.id,
      changes: sessions.map((s) => ({ enrollmentId, sessionId: s.id, mark: 'present' as const })),
    });
    await ok(core, 'results.setScores', { classId: c.id, changes: [{ enrollmentId, component: 0, attempt: 1, tenths: 80 }] });
    await ok(core, 'classes.setStatus', { id: c.id, status: 'running' });
    await ok(core, 'classes.setStatus', { id: c.id, status: 'finished' });
    const grid = await reads(core, () => ok(core, 'results.grid', { classId: c.id }));
    const recognise = await reads(core, () =>
      ok(core, 'results.recognise', { classId: c.id, decisionNumber: 9, decisionDate: '2026-03-10' }),
    );
    // One grid's reads and the decision number's checks (the term, a clash); building the grid three times took ~3×.
    expect(recognise).toBeLessThanOrEqual(grid + 2);
  });
});
