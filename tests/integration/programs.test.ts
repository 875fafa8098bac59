import { describe, expect, it } from 'vitest';
import type { ProgramInput } from '../../shared/contract/programs';
import { invoke, ok, startCore, tempDir } from './helpers';
import { refusal } from '../fixtures/builders';

const newProgram: ProgramInput = {
  code: 'ls-dp',
  name: 'Bồi dưỡng lịch sử Đảng bộ địa phương',
  targetLearners: 'Đảng viên',
  outcome: 'certificate',
  validityMonths: null,
  maxAbsencePct: 20,
  maxRetakes: 1,
  typicalDays: 2,
  topics: [
    { title: 'Lịch sử Đảng bộ xã giai đoạn 1930–1975', sessions: 1 },
    { title: 'Lịch sử Đảng bộ xã giai đoạn 1975–nay', sessions: 2 },
    { title: 'Truyền thống cách mạng địa phương', sessions: 1 },
  ],
  components: [{ name: 'Bài thu hoạch', weight: 100 }],
  bands: [
    { label: 'Đạt', min: 50, max: 100 },
    { label: 'Không đạt', min: 0, max: 50 },
  ],
};

describe('program catalogue', () => {
  it('adds a program, listed after the seeded ones, with its totals', async () => {
    const core = await startCore();
    const saved = await ok(core, 'programs.save', newProgram);
    expect(saved.code).toBe('LS-DP');
    expect(saved.topics.map((t) => t.title)).toEqual(newProgram.topics.map((t) => t.title));
    const list = await ok(core, 'programs.list', { includeArchived: false });
    expect(list.at(-1)).toMatchObject({ code: 'LS-DP', topicCount: 3, sessionCount: 4, assessed: true });
  });

  it('keeps who the program is meant for: seeded for KND and DVM, anyone by default, edited by the clerk', async () => {
    const core = await startCore();
    const list = await ok(core, 'programs.list', { includeArchived: false });
    const byCode = async (code: string) => (await ok(core, 'programs.get', { id: list.find((p) => p.code === code)!.id })).fitStatuses;
    expect([await byCode('KND'), await byCode('DVM')]).toEqual([['quan_chung'], ['du_bi']]);
    const saved = await ok(core, 'programs.save', newProgram);
    expect(saved.fitStatuses).toEqual([]);
    const edited = await ok(core, 'programs.save', { ...newProgram, id: saved.id, fitStatuses: ['du_bi', 'chinh_thuc', 'du_bi'] });
    expect(edited.fitStatuses).toEqual(['du_bi', 'chinh_thuc']);
    expect((await invoke(core, 'programs.save', { ...newProgram, fitStatuses: ['dang_vien' as 'du_bi'] })).ok).toBe(false);
  });

  it('refuses a duplicate code (ignoring case and diacritics) at the code field', async () => {
    const core = await startCore();
    const r = await invoke(core, 'programs.save', { ...newProgram, code: 'knd' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DUPLICATE_CODE');
      expect(r.error.fields?.code).toMatch(
        /^Mã "KND" đã dùng cho chương trình «Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng»$/,
      );
    }
    const first = await ok(core, 'programs.save', { ...newProgram, code: 'ĐV-1' });
    const clash = await invoke(core, 'programs.save', { ...newProgram, code: 'dv-1' });
    expect(clash.ok).toBe(false);
    // Saving a program under its own code is not a clash.
    expect((await invoke(core, 'programs.save', { ...newProgram, id: first.id, code: 'ĐV-1' })).ok).toBe(true);
  });

  it('reorders topics keeping their identity, and removes and adds in one save', async () => {
    const core = await startCore();
    const p = await ok(core, 'programs.save', newProgram);
    const [a, b, c] = p.topics;
    const saved = await ok(core, 'programs.save', {
      ...newProgram,
      id: p.id,
      topics: [
        { id: c!.id, title: c!.title, sessions: 3 },
        { id: a!.id, title: a!.title, sessions: a!.sessions },
        { title: 'Chuyên đề mới', sessions: 1 },
      ],
    });
    expect(saved.topics.map((t) => [t.id === c!.id, t.id === a!.id, t.title, t.sessions])).toEqual([
      [true, false, c!.title, 3],
      [false, true, a!.title, 1],
      [false, false, 'Chuyên đề mới', 1],
    ]);
    expect(saved.topics.some((t) => t.id === b!.id)).toBe(false);
  });

  it('refuses a topic id from another program', async () => {
    const core = await startCore();
    const list = await ok(core, 'programs.list', { includeArchived: false });
    const knd = await ok(core, 'programs.get', { id: list[0]!.id });
    const p = await ok(core, 'programs.save', newProgram);
    const r = await invoke(core, 'programs.save', {
      ...newProgram,
      id: p.id,
      topics: [{ id: knd.topics[0]!.id, title: 'x', sessions: 1 }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await ok(core, 'programs.get', { id: knd.id })).topics).toHaveLength(6);
  });

  it('refuses bad bands, limits and sessions with field messages, writing nothing', async () => {
    const core = await startCore();
    const before = await ok(core, 'programs.list', { includeArchived: true });
    const r = await invoke(core, 'programs.save', {
      ...newProgram,
      maxAbsencePct: 120,
      topics: [{ title: 'A', sessions: 0 }],
      bands: [
        { label: 'Đạt', min: 40, max: 100 },
        { label: 'Không đạt', min: 0, max: 50 },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.fields).toMatchObject({
        maxAbsencePct: 'Tỉ lệ vắng tối đa phải từ 0 đến 100%',
        'topics.0.sessions': 'Số buổi phải là số nguyên từ 1 đến 60',
        'bands.0.min': 'Khoảng điểm chồng lên «Không đạt» (0,0–5,0)',
      });
    }
    expect(await ok(core, 'programs.list', { includeArchived: true })).toEqual(before);
  });

  it('archives and restores, never deletes; archived programs are hidden unless asked', async () => {
    const core = await startCore();
    const p = await ok(core, 'programs.save', newProgram);
    const archived = await ok(core, 'programs.setArchived', { id: p.id, archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect((await ok(core, 'programs.list', { includeArchived: false })).some((x) => x.id === p.id)).toBe(false);
    expect((await ok(core, 'programs.list', { includeArchived: true })).at(-1)?.id).toBe(p.id);
    expect((await ok(core, 'programs.setArchived', { id: p.id, archived: false })).archivedAt).toBeNull();
    const actions = core.db
      .prepare("SELECT action FROM audit_log WHERE entity = 'program' AND entity_id = ? ORDER BY id")
      .all(String(p.id));
    expect(actions).toEqual([{ action: 'create' }, { action: 'archive' }, { action: 'unarchive' }]);
  });

  it('answers NOT_FOUND for a program that does not exist', async () => {
    const core = await startCore();
    expect(await refusal(core, 'programs.get', { id: 9999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('persists across restarts', async () => {
    const dir = tempDir();
    const a = await startCore(dir);
    const p = await ok(a, 'programs.save', newProgram);
    a.close();
    const b = await startCore(dir);
    expect((await ok(b, 'programs.get', { id: p.id })).topics).toHaveLength(3);
  });
});
