import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PersonInput } from '../../shared/contract/learners';
import type { AppCore } from '../../electron/core/app-core';
import { unknownPartyInput as person, refusal } from '../fixtures/builders';
import { invoke, ok, startCore } from './helpers';

async function add(core: AppCore, name: string, extra: Partial<PersonInput> = {}) {
  return ok(core, 'learners.save', person(name, extra));
}

async function names(core: AppCore, q: string, filters = {}) {
  return (await ok(core, 'learners.search', { q, filters, limit: 100 })).rows.map((r) => r.fullName);
}

describe('learner registry: search', () => {
  it('ignores diacritics and case, maps đ to d, and matches any word prefix', async () => {
    const core = await startCore();
    await add(core, 'Nguyễn Thị Hằng', { birthDate: '1975-03-02' });
    await add(core, 'Đặng Văn Đức', { birthDate: '1980' });
    await add(core, 'Trần Hằng Nga', { birthDate: '1990-12' });
    await add(core, 'Lê Văn Tám');
    expect(await names(core, 'nguyen thi hang')).toEqual(['Nguyễn Thị Hằng']);
    expect(await names(core, 'dang')).toEqual(['Đặng Văn Đức']);
    expect(await names(core, 'HANG')).toEqual(['Nguyễn Thị Hằng', 'Trần Hằng Nga']);
    // Words in the order typed come first: «Hằng Nga», then «Thị Hằng» (both words, not in that order).
    expect(await names(core, 'ha ng')).toEqual(['Trần Hằng Nga', 'Nguyễn Thị Hằng']);
    expect(await names(core, 'Hằng'.normalize('NFD'))).toEqual(['Nguyễn Thị Hằng', 'Trần Hằng Nga']);
    expect(await names(core, '1975')).toEqual(['Nguyễn Thị Hằng']);
    expect(await names(core, 'van')).toEqual(['Đặng Văn Đức', 'Lê Văn Tám']);
    expect(await names(core, 'xyz')).toEqual([]);
  });

  it('finds by unit words (without "Chi bộ") and by ID number prefix', async () => {
    const core = await startCore();
    const unit = await ok(core, 'units.save', { name: 'Chi bộ thôn Kon Gung', kind: 'cell', parentId: null, communeCode: null });
    await add(core, 'Y Moan Niê', { unitId: unit.id, citizenId: '066075001234' });
    await add(core, 'A Thút', { citizenId: '066080009999' });
    expect(await names(core, 'kon gung')).toEqual(['Y Moan Niê']);
    expect(await names(core, '0660750')).toEqual(['Y Moan Niê']);
    // Given name first: Niê before Thút.
    expect(await names(core, '066')).toEqual(['Y Moan Niê', 'A Thút']);
    // The generic word of unit names is not searchable, so "chi" finds no one here.
    expect(await names(core, 'chi bo')).toEqual([]);
  });

  it('lists the Vietnamese way and pages with a cursor, also through the full-text path', async () => {
    const core = await startCore();
    const given = ['An', 'Ánh', 'Bình', 'Châu', 'Dũng', 'Đào', 'Em', 'Giang', 'Hà', 'Yến'];
    const insert = core.db.transaction(() => {
      for (let i = 0; i < 3000; i++) {
        // 3,000 Nguyễn and a few rare people: the rare name needs the FTS path (beyond the scan limit).
        void ok(core, 'learners.save', person(`Nguyễn Văn ${given[i % given.length]}`));
      }
    });
    insert();
    await add(core, 'Phạm Thị Zung');
    await add(core, 'Ông Văn Zũng');
    const all = await names(core, 'zung');
    expect(all).toEqual(['Phạm Thị Zung', 'Ông Văn Zũng']);
    const page1 = await ok(core, 'learners.search', { q: 'nguyen', limit: 100 });
    expect(page1.rows).toHaveLength(100);
    expect(page1.rows.every((r) => r.given === 'An')).toBe(true);
    let after = page1.next;
    const seen = new Set(page1.rows.map((r) => r.id));
    let lastGiven = 'An';
    while (after) {
      const page = await ok(core, 'learners.search', { q: 'nguyen', after, limit: 500 });
      for (const r of page.rows) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
        expect(new Intl.Collator('vi').compare(lastGiven, r.given)).toBeLessThanOrEqual(0);
        lastGiven = r.given;
      }
      after = page.next;
    }
    expect(seen.size).toBe(3000);
    expect((await ok(core, 'learners.count', { q: 'nguyen' })).count).toBe(3000);
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(3002);
  });

  it('filters by unit, Party status and sex', async () => {
    const core = await startCore();
    const unit = await ok(core, 'units.save', { name: 'Chi bộ thôn 1', kind: 'cell', parentId: null, communeCode: null });
    await add(core, 'Lê Thị Mai', { sex: 'nu', partyStatus: 'du_bi', admissionDate: '2025-01-10', unitId: unit.id });
    await add(core, 'Lê Văn Nam', { sex: 'nam', partyStatus: 'quan_chung', unitId: unit.id });
    await add(core, 'Lê Văn Ba', { sex: 'nam' });
    expect(await names(core, 'le', { unitId: unit.id })).toEqual(['Lê Thị Mai', 'Lê Văn Nam']);
    expect(await names(core, '', { partyStatus: 'du_bi' })).toEqual(['Lê Thị Mai']);
    expect(await names(core, 'le', { sex: 'nam' })).toEqual(['Lê Văn Ba', 'Lê Văn Nam']);
  });
});

describe('learner registry: records', () => {
  it('keeps partial birth dates and validates every field with a message at it', async () => {
    const core = await startCore();
    const p = await add(core, 'Hoàng Văn Thụ', { birthDate: '1975', ethnicityCode: '02', communeCode: '00004' });
    expect(p).toMatchObject({ birthDate: '1975', ethnicityName: 'Tày', communeName: 'Phường Ba Đình' });
    const r = await invoke(
      core,
      'learners.save',
      person('Trần Văn Lỗi', { citizenId: '12345', birthDate: '1990-02-30', ethnicityCode: '99', phone: 'abc' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.fields).toMatchObject({
        citizenId: 'Số CCCD phải có đúng 12 chữ số (đang có 5)',
        birthDate: 'Ngày sinh phải là ngày/tháng/năm, tháng/năm hoặc năm (từ 1900)',
        ethnicityCode: 'Dân tộc không có trong danh mục 54 dân tộc',
        phone: 'Số điện thoại không hợp lệ',
      });
    }
    const noName = await invoke(core, 'learners.save', person(''));
    expect(!noName.ok && noName.error.fields?.given).toBe('Không được để trống');
  });

  it('refuses a citizen ID that belongs to someone else, and an unknown commune', async () => {
    const core = await startCore();
    await add(core, 'Nguyễn Văn A', { citizenId: '001075000001', birthDate: '1975-01-01' });
    const r = await invoke(core, 'learners.save', person('Nguyễn Văn B', { citizenId: '001 075 000 001', communeCode: '99999' }));
    expect(!r.ok && r.error.fields).toEqual({
      citizenId: 'Số CCCD này đã có ở hồ sơ Nguyễn Văn A, sinh 01/01/1975',
      communeCode: 'Không có trong danh mục xã, phường 2025',
    });
  });

  it('checks Party dates against the status', async () => {
    const core = await startCore();
    const r = await invoke(
      core,
      'learners.save',
      person('Võ Thị Sáu', { partyStatus: 'chinh_thuc', admissionDate: '2020-05-01', confirmationDate: '2020-01-01' }),
    );
    expect(!r.ok && r.error.fields?.confirmationDate).toBe('Ngày chính thức phải sau ngày vào Đảng');
    const q = await invoke(core, 'learners.save', person('Võ Thị Sáu', { partyStatus: 'quan_chung', admissionDate: '2020-05-01' }));
    expect(!q.ok && q.error.fields?.admissionDate).toBe('Quần chúng chưa có ngày vào Đảng');
  });

  it('shows a person history from the audit log', async () => {
    const core = await startCore();
    const p = await add(core, 'Bùi Thị Xuân');
    await ok(core, 'learners.save', { ...person('Bùi Thị Xuân', { phone: '0905123456' }), id: p.id });
    const got = await ok(core, 'learners.get', { id: p.id });
    expect(got.history.map((h) => h.text)).toEqual(['Cập nhật hồ sơ', 'Tạo hồ sơ: Thêm bằng tay']);
  });
});

describe('duplicates and merging', () => {
  it('finds pairs by citizen ID, by name and birth date, and by name, birth year and unit', async () => {
    const core = await startCore();
    const unit = await ok(core, 'units.save', { name: 'Chi bộ thôn 2', kind: 'cell', parentId: null, communeCode: null });
    const a = await add(core, 'Nguyễn Thị Hằng', { birthDate: '1975-03-02' });
    const b = await add(core, 'Nguyen Thi Hang', { birthDate: '1975-03-02' });
    const c = await add(core, 'Lê Văn Tư', { birthDate: '1980', unitId: unit.id });
    const d = await add(core, 'Lê Văn Tư', { birthDate: '1980-07-01', unitId: unit.id });
    await add(core, 'Lê Văn Tư', { birthDate: '1981', unitId: unit.id });
    const pairs = await ok(core, 'learners.duplicates', {});
    expect(pairs.map((p) => [p.reason, p.a.id, p.b.id])).toEqual([
      ['name_birth_date', a.id, b.id],
      ['name_birth_year_unit', c.id, d.id],
    ]);
    await ok(core, 'learners.dismissDuplicate', { aId: d.id, bId: c.id });
    expect(await ok(core, 'learners.duplicates', {})).toHaveLength(1);
  });

  it('never proposes two people whose 12-digit citizen IDs differ, whatever else they share', async () => {
    const core = await startCore();
    await add(core, 'Phạm Văn Hùng', { birthDate: '1970-01-01', citizenId: '051070000001' });
    await add(core, 'Phạm Văn Hùng', { birthDate: '1970-01-01', citizenId: '051070000002' });
    const e = await add(core, 'Phạm Văn Hùng', { birthDate: '1970-01-01' });
    const pairs = await ok(core, 'learners.duplicates', {});
    // The one without an ID may be either of them: proposed with both, never the two IDs together.
    expect(pairs).toHaveLength(2);
    for (const p of pairs) expect([p.a.id, p.b.id]).toContain(e.id);
  });

  it('merges keeping the fuller value of each field, and undoes the merge exactly', async () => {
    const core = await startCore();
    const unit = await ok(core, 'units.save', { name: 'Chi bộ thôn 5', kind: 'cell', parentId: null, communeCode: null });
    const kept = await add(core, 'Nguyễn Thị Hằng', { birthDate: '1975', phone: '0905111222', notes: 'Hồ sơ cũ' });
    const removed = await add(core, 'Nguyễn Thị Hằng', {
      birthDate: '1975-03-02',
      citizenId: '062175000123',
      unitId: unit.id,
      partyStatus: 'du_bi',
      admissionDate: '2025-06-01',
      notes: 'Từ danh sách chi bộ',
    });
    const preview = await ok(core, 'learners.mergePreview', { keepId: kept.id, removeId: removed.id });
    expect(preview.result).toMatchObject({
      id: kept.id,
      birthDate: '1975-03-02',
      citizenId: '062175000123',
      unitName: 'Chi bộ thôn 5',
      phone: '0905111222',
      partyStatus: 'du_bi',
      notes: 'Hồ sơ cũ | Từ danh sách chi bộ',
    });
    const merged = await ok(core, 'learners.merge', { keepId: kept.id, removeId: removed.id });
    expect(merged.person).toMatchObject({ birthDate: '1975-03-02', citizenId: '062175000123' });
    expect(await names(core, 'hang')).toEqual(['Nguyễn Thị Hằng']);
    expect((await ok(core, 'learners.get', { id: removed.id })).person.mergedIntoId).toBe(kept.id);
    expect(await refusal(core, 'learners.merge', { keepId: kept.id, removeId: removed.id })).toMatchObject({ code: 'ALREADY_MERGED' });

    const undone = await ok(core, 'learners.undoMerge', { mergeId: merged.mergeId });
    expect(undone.kept).toMatchObject({ birthDate: '1975', citizenId: null, phone: '0905111222', notes: 'Hồ sơ cũ' });
    expect(undone.restored).toMatchObject({ mergedIntoId: null, citizenId: '062175000123' });
    expect(await names(core, 'hang')).toEqual(['Nguyễn Thị Hằng', 'Nguyễn Thị Hằng']);
    expect(await refusal(core, 'learners.undoMerge', { mergeId: merged.mergeId })).toMatchObject({ code: 'ALREADY_UNDONE' });
    const log = (await ok(core, 'learners.merges', {}))[0];
    expect(log).toMatchObject({ keptId: kept.id, removedId: removed.id });
    expect(log?.undoneAt).not.toBeNull();
  });

  it('undoes merges newest first', async () => {
    const core = await startCore();
    const a = await add(core, 'Trần Văn Một');
    const b = await add(core, 'Trần Văn Một');
    const c = await add(core, 'Trần Văn Một');
    const m1 = await ok(core, 'learners.merge', { keepId: a.id, removeId: b.id });
    await ok(core, 'learners.merge', { keepId: a.id, removeId: c.id });
    expect(await refusal(core, 'learners.undoMerge', { mergeId: m1.mergeId })).toMatchObject({ code: 'UNDO_ORDER' });
  });
});

describe('export', () => {
  it('writes the filtered list to .xlsx with Vietnamese headers, real dates and IDs as text', async () => {
    const core = await startCore();
    await add(core, 'Nguyễn Thị Hằng', { birthDate: '1975-03-02', citizenId: '001175000123', sex: 'nu', ethnicityCode: '01' });
    await add(core, 'Đặng Văn Đức', { birthDate: '1980' });
    await add(core, 'Lê Văn Tám');
    const file = await ok(core, 'learners.exportXlsx', { q: 'hang' });
    expect(file.rowCount).toBe(1);
    expect(file.fileName).toMatch(/^Danh-sach-hoc-vien-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Học viên')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Họ và chữ đệm');
    const row = sheet.getRow(2);
    expect(row.getCell(3).value).toBe('Hằng');
    expect(row.getCell(5).value).toEqual(new Date(Date.UTC(1975, 2, 2)));
    expect(row.getCell(18).value).toBe('001175000123');
    const all = await ok(core, 'learners.exportXlsx', { q: '' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(all.dataBase64, 'base64') as unknown as ArrayBuffer);
    // Given name order: Đức, Hằng, Tám; a year-only birth date stays text.
    expect(wb2.getWorksheet('Học viên')!.getRow(2).getCell(3).value).toBe('Đức');
    expect(wb2.getWorksheet('Học viên')!.getRow(2).getCell(5).value).toBe('1980');
  });
});
