import { describe, expect, it } from 'vitest';
import { channelKey, isStale } from '../../renderer/src/data/keys';
import { addChanges, changeKey, saverStatus, settleBatch, type MarkChange } from '../../renderer/src/features/attendance/attendance-batch';
import { ReasonGate } from '../../renderer/src/features/results/reason-gate';

describe('query keys derived from the channel and its input', () => {
  it('files an answer under [channel, input], an absent input as {}', () => {
    expect(channelKey('levels.history', { personId: 7 })).toEqual(['levels.history', { personId: 7 }]);
    expect(channelKey('levels.groups')).toEqual(['levels.groups', {}]);
  });

  it('makes a whole capability, one channel, or one channel for some inputs stale', () => {
    const history7 = channelKey('levels.history', { personId: 7 });
    expect(isStale(history7, 'levels')).toBe(true);
    expect(isStale(history7, 'levels.history')).toBe(true);
    expect(isStale(history7, ['levels.history', { personId: 7 }])).toBe(true);
    expect(isStale(history7, ['levels.history', { personId: 8 }])).toBe(false);
    expect(isStale(history7, 'levels.report')).toBe(false);
    // A capability is the part before the dot, not any prefix of the name.
    expect(isStale(channelKey('learners.search', { q: 'a' }), 'learner' as never)).toBe(false);
    expect(
      isStale(channelKey('studies.report', { scope: { kind: 'year', year: 2025 } }), ['studies.report', { scope: { year: 2025 } }]),
    ).toBe(true);
    expect(isStale(['not a channel'], 'levels')).toBe(false);
  });
});

describe('attendance saver bookkeeping', () => {
  const change = (enrollmentId: number, sessionId: number, mark: MarkChange['mark']): MarkChange => ({ enrollmentId, sessionId, mark });

  it('keeps the last mark per cell and drops only what the saved batch carried', () => {
    const pending = new Map<string, MarkChange>();
    addChanges(pending, [change(1, 1, 'present'), change(1, 2, 'unexcused')]);
    addChanges(pending, [change(1, 1, 'excused')]);
    expect(pending.get(changeKey(1, 1))?.mark).toBe('excused');
    const batch = [...pending.values()];
    // Typed again while the batch travelled: that cell stays for the next batch.
    addChanges(pending, [change(1, 2, 'present')]);
    settleBatch(pending, batch);
    expect([...pending.values()]).toEqual([change(1, 2, 'present')]);
  });

  it('says error, saving, saved or idle', () => {
    expect(saverStatus({ error: 'x', saving: true, pending: 1, savedOnce: true })).toBe('error');
    expect(saverStatus({ error: null, saving: false, pending: 1, savedOnce: false })).toBe('saving');
    expect(saverStatus({ error: null, saving: true, pending: 0, savedOnce: false })).toBe('saving');
    expect(saverStatus({ error: null, saving: false, pending: 0, savedOnce: true })).toBe('saved');
    expect(saverStatus({ error: null, saving: false, pending: 0, savedOnce: false })).toBe('idle');
  });
});

describe('the reason for changing recognised results', () => {
  it('is asked once for several askers and reused afterwards', async () => {
    const asking: boolean[] = [];
    const gate = new ReasonGate((a) => asking.push(a));
    const first = gate.ask();
    const second = gate.ask();
    expect(asking).toEqual([true]);
    gate.give('Sửa theo biên bản');
    expect(await first).toBe('Sửa theo biên bản');
    expect(await second).toBe('Sửa theo biên bản');
    expect(await gate.ask()).toBe('Sửa theo biên bản');
    expect(asking).toEqual([true, false]);
  });

  it('asks again after a refusal or when the core says the results were locked meanwhile', async () => {
    const gate = new ReasonGate();
    const refused = gate.ask();
    gate.refuse();
    expect(await refused).toBeNull();
    const again = gate.ask();
    gate.give('Lý do');
    expect(await again).toBe('Lý do');
    gate.forget();
    expect(gate.current()).toBeNull();
    const third = gate.ask();
    gate.give('Lý do mới');
    expect(await third).toBe('Lý do mới');
  });
});
