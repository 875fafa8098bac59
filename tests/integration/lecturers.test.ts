import { describe, expect, it } from 'vitest';
import { invoke, ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

const lecturer = {
  familyAndMiddle: 'Nguyễn Thị',
  given: 'Hoa',
  kind: 'chuyen_trach',
  role: 'giang_vien',
  unit: 'Trung tâm',
  position: 'Giảng viên',
  phone: '',
  normHours: 120,
  lecturingHours: 90,
} as const;

describe('lecturers', () => {
  it('adds, edits, archives and lists lecturers', async () => {
    const core = await startCore();
    const saved = await ok(core, 'lecturers.save', lecturer);
    expect(saved).toMatchObject({ fullName: 'Nguyễn Thị Hoa', normHours: 120, archivedAt: null });
    const edited = await ok(core, 'lecturers.save', { ...lecturer, id: saved.id, position: 'Phó Giám đốc' });
    expect(edited).toMatchObject({ id: saved.id, position: 'Phó Giám đốc' });
    expect((await ok(core, 'lecturers.setArchived', { id: saved.id, archived: true })).archivedAt).not.toBeNull();
    expect((await ok(core, 'lecturers.list', { includeArchived: false })).map((l) => l.id)).not.toContain(saved.id);
    expect((await ok(core, 'lecturers.list', { includeArchived: true })).map((l) => l.id)).toContain(saved.id);
    expect((await ok(core, 'lecturers.setArchived', { id: saved.id, archived: false })).archivedAt).toBeNull();
    expect(await refusal(core, 'lecturers.save', { ...lecturer, id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(core, 'lecturers.setArchived', { id: 999, archived: true })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không tìm thấy bản ghi.',
    });
    const hours = await ok(core, 'lecturers.hours', { year: 2026 });
    expect(hours.find((h) => h.lecturer.id === saved.id)).toMatchObject({ sessions: 0, periods: 0, classes: 0 });
  });
});

describe('venues', () => {
  it('refuses a name already in use until that venue is archived, and an unknown commune', async () => {
    const core = await startCore();
    const hall = await ok(core, 'venues.save', { name: 'Hội trường trung tâm', address: 'Thôn 3', communeCode: null, capacity: 80 });
    const again = await invoke(core, 'venues.save', { name: 'hội trường  TRUNG TÂM', address: '', communeCode: null, capacity: null });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE_NAME', fields: { name: 'Đã có địa điểm «hội trường TRUNG TÂM»' } },
    });
    const commune = await invoke(core, 'venues.save', { name: 'Phòng 2', address: '', communeCode: '00000', capacity: null });
    expect(commune).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { communeCode: 'Không có trong danh mục 2025' } } });
    expect(
      await ok(core, 'venues.save', { id: hall.id, name: 'Hội trường lớn', address: 'Thôn 3', communeCode: null, capacity: 100 }),
    ).toMatchObject({ id: hall.id, name: 'Hội trường lớn', capacity: 100 });
    await ok(core, 'venues.setArchived', { id: hall.id, archived: true });
    expect((await ok(core, 'venues.list', { includeArchived: false })).map((v) => v.id)).not.toContain(hall.id);
    const replacement = await ok(core, 'venues.save', { name: 'Hội trường lớn', address: '', communeCode: null, capacity: null });
    expect(replacement.id).not.toBe(hall.id);
    expect((await ok(core, 'venues.list', { includeArchived: true })).map((v) => v.id)).toEqual([replacement.id, hall.id]);
  });
});
