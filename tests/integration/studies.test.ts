import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../shared/domain/format';
import { invoke, ok, startCore } from './helpers';
import { secondSession, studyData, typeCounts } from './studies-fixtures';

const cells = (r: { label: string; present: number; expected: number | null; rate: number | null; source: string }) => [
  r.label,
  r.present,
  r.expected,
  r.rate === null ? null : formatPercent(r.rate, 2),
  r.source,
];

describe('resolution-study participation', () => {
  it('mixes typed counts and a class list in one session, lowest rate first, a missing denominator last and outside the total', async () => {
    const core = await startCore();
    const f = await studyData(core);
    expect(await typeCounts(core, f)).toEqual({ saved: 3 });
    const report = await ok(core, 'studies.report', { scope: { kind: 'session', id: f.sessionId } });
    expect(report.rows.map(cells)).toEqual([
      ['Đảng bộ xã Đắk Hà', 3, 4, '75,00%', 'list'],
      ['Đảng bộ Trường THCS Lê Lợi', 35, 37, '94,59%', 'counts'],
      ['Đảng bộ Công an xã', 19, 20, '95,00%', 'counts'],
      ['Đảng bộ Quân sự xã', 10, null, null, 'counts'],
    ]);
    // 57/61 = 93,44%; Quân sự (no members, no expected) is left out and counted as missing.
    // Rates are truncated to two decimals of the percentage: 57/61 = 0,934426… → 0,9344.
    expect(report.total).toEqual({ present: 57, expected: 61, rate: 0.9344, rows: 4, missing: 1, notReported: 0 });
    expect(formatPercent(report.total.rate!, 2)).toBe('93,44%');

    // The grid: list-derived rows carry the list's figures, typed rows their counts, members beside them.
    const grid = await ok(core, 'studies.get', { id: f.sessionId });
    expect(grid.unassigned).toBe(1);
    const row = (id: number) => grid.rows.find((r) => r.unitId === id)!;
    expect(row(f.units.xa.id)).toMatchObject({ list: { present: 3, expected: 4 }, present: null, members: 40 });
    expect(row(f.units.truong.id)).toMatchObject({ list: null, present: 35, expected: 37, members: 37 });
    expect(grid.rows.some((r) => r.unitId === f.units.thon1.id)).toBe(false);
    const [listed] = await ok(core, 'studies.list', { year: 2026 });
    expect(listed).toMatchObject({ orgs: 4, missing: 1, present: 57, expected: 61 });
  });

  it('sums each organisation over the year, with its number of sessions, and lists one organisation’s sessions', async () => {
    const core = await startCore();
    const f = await studyData(core);
    await typeCounts(core, f);
    const { xa, congAn, truong, quanSu } = f.units;
    const second = await secondSession(core);
    await ok(core, 'studies.saveCounts', {
      sessionId: second.id,
      rows: [
        { unitId: xa.id, present: 38, expected: null },
        { unitId: congAn.id, present: 20, expected: null },
        { unitId: truong.id, present: 30, expected: 36 },
        { unitId: quanSu.id, present: 0, expected: null },
      ],
    });
    const year = await ok(core, 'studies.report', { scope: { kind: 'year', year: 2026 } });
    // Đảng bộ xã 3/4 + 38/40 = 41/44 = 93,18%; Trường 35/37 + 30/36 = 65/73 = 89,04%; Công an 19/20 + 20/20 = 39/40 = 97,50%.
    expect(year.rows.map((r) => [...cells(r), r.sessions])).toEqual([
      ['Đảng bộ Trường THCS Lê Lợi', 65, 73, '89,04%', 'counts', 2],
      ['Đảng bộ xã Đắk Hà', 41, 44, '93,18%', 'mixed', 2],
      ['Đảng bộ Công an xã', 39, 40, '97,50%', 'counts', 2],
      ['Đảng bộ Quân sự xã', 10, null, null, 'counts', 2],
    ]);
    expect(year.total).toMatchObject({ present: 145, expected: 157, missing: 1 });
    // 145/157 = 92,356…%: truncated, not rounded up.
    expect(formatPercent(year.total.rate!, 2)).toBe('92,35%');

    const org = await ok(core, 'studies.report', { scope: { kind: 'org', unitId: xa.id, year: 2026 } });
    expect(org.rows.map((r) => [r.label, r.detail, r.present, r.expected])).toEqual([
      ['Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng', '05/03/2026', 3, 4],
      ['Học tập chuyên đề năm 2026', '10/09/2026', 38, 40],
    ]);
    expect(org.total).toMatchObject({ present: 41, expected: 44, rows: 2, missing: 0 });
  });

  it('refuses counts above expected, above the members, negative, for a list-covered or unknown organisation or a Party cell, and writes nothing', async () => {
    const core = await startCore();
    const f = await studyData(core);
    await typeCounts(core, f);
    const { xa, thon1, congAn, truong } = f.units;
    const before = await ok(core, 'studies.report', { scope: { kind: 'session', id: f.sessionId } });
    const audits = () => core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'study_counts'").get() as { n: number };
    const auditsBefore = audits().n;
    const refused = async (rows: { unitId: number; present: number | null; expected: number | null }[]) => {
      const r = await invoke(core, 'studies.saveCounts', { sessionId: f.sessionId, rows });
      expect(r.ok).toBe(false);
      return r.ok ? {} : r.error.fields;
    };
    // Bad rows beside a good one: the good one is not written either.
    expect(
      await refused([
        { unitId: congAn.id, present: 5, expected: null },
        { unitId: truong.id, present: 38, expected: 37 },
      ]),
    ).toEqual({
      'rows.1.present': 'Số có mặt (38) lớn hơn số phải dự (37)',
    });
    expect(await refused([{ unitId: congAn.id, present: 21, expected: null }])).toEqual({
      'rows.0.present': 'Số có mặt (21) lớn hơn số đảng viên năm 2026 (20)',
    });
    expect(await refused([{ unitId: congAn.id, present: -1, expected: null }])).toEqual({
      'rows.0.present': 'Số có mặt là số nguyên, không âm',
    });
    expect(await refused([{ unitId: xa.id, present: 3, expected: 4 }])).toEqual({
      'rows.0.present': 'Số liệu của tổ chức này lấy theo danh sách lớp «Lớp học tập Nghị quyết Đại hội XIV năm 2026»; không nhập số đếm',
    });
    expect(await refused([{ unitId: 9999, present: 3, expected: 4 }])).toEqual({ 'rows.0.unitId': 'Không có tổ chức này trong danh mục' });
    expect(await refused([{ unitId: thon1.id, present: 3, expected: 4 }])).toEqual({
      'rows.0.unitId': '«Chi bộ thôn 1» là chi bộ; nhập số liệu cho tổ chức cơ sở đảng «Đảng bộ xã Đắk Hà»',
    });
    expect(await ok(core, 'studies.report', { scope: { kind: 'session', id: f.sessionId } })).toEqual(before);
    expect(audits().n).toBe(auditsBefore);

    // Members below a count typed without «phải dự» would leave it above them: refused at the field.
    const m = await invoke(core, 'studies.saveMembers', { year: 2026, rows: [{ unitId: congAn.id, members: 18 }] });
    expect(m.ok ? null : m.error.fields).toEqual({
      'rows.0.members':
        'Buổi «Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng» ngày 05/03/2026 đã nhập 19 đảng viên có mặt, nhiều hơn số này',
    });
    const negative = await invoke(core, 'studies.saveMembers', { year: 2026, rows: [{ unitId: congAn.id, members: -3 }] });
    expect(negative.ok ? null : negative.error.fields).toEqual({ 'rows.0.members': 'Số đảng viên là số nguyên, không âm' });
    expect((await ok(core, 'studies.members', { year: 2026 })).rows.find((r) => r.unitId === congAn.id)!.members).toBe(20);
  });

  it('keeps the members per year with the year before beside them, and audits each save', async () => {
    const core = await startCore();
    const f = await studyData(core);
    const next = await ok(core, 'studies.members', { year: 2027 });
    expect(next.rows.map((r) => [r.name, r.members, r.previous])).toEqual([
      ['Đảng bộ Công an xã', null, 20],
      ['Đảng bộ Quân sự xã', null, null],
      ['Đảng bộ Trường THCS Lê Lợi', null, 37],
      ['Đảng bộ xã Đắk Hà', null, 40],
    ]);
    await ok(core, 'studies.saveMembers', { year: 2027, rows: next.rows.map((r) => ({ unitId: r.unitId, members: r.previous })) });
    expect((await ok(core, 'studies.members', { year: 2027 })).rows.map((r) => r.members)).toEqual([20, null, 37, 40]);
    const audit = core.db
      .prepare("SELECT entity_id, after_json FROM audit_log WHERE entity = 'study_members' ORDER BY id DESC LIMIT 1")
      .get() as { entity_id: string };
    expect(audit.entity_id).toBe('2027');
    expect(f.units.quanSu.id).toBeGreaterThan(0);
  });

  it('saves the report as a workbook that reads back with the rates, the missing organisation in words and the total', async () => {
    const core = await startCore();
    const f = await studyData(core);
    await typeCounts(core, f);
    const file = await ok(core, 'studies.xlsx', { scope: { kind: 'session', id: f.sessionId } });
    expect(file.fileName).toBe(`ty-le-hoc-tap-buoi-${f.sessionId}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tỷ lệ tham gia')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['STT', 'Tổ chức cơ sở đảng', 'Phải dự', 'Có mặt', 'Tỷ lệ', 'Ghi chú']);
    expect(values(2)).toEqual([1, 'Đảng bộ xã Đắk Hà', 4, 3, 0.75, 'Danh sách lớp']);
    // The truncated rate is written, so Excel's own rounding of «0.00%» cannot lift it.
    expect(values(3)).toEqual([2, 'Đảng bộ Trường THCS Lê Lợi', 37, 35, 0.9459, 'Số báo cáo']);
    expect(values(5)).toEqual([4, 'Đảng bộ Quân sự xã', undefined, 10, 'Thiếu số đảng viên', 'Số báo cáo']);
    expect(values(6)).toEqual([undefined, 'Cộng', 61, 57, 0.9344, 'Chưa tính 1 tổ chức thiếu số đảng viên']);
    expect(sheet.getCell('E2').numFmt).toBe('0.00%');
  });

  it('links a session to a class only when no typed counts sit under its list, and removes a session with a reason', async () => {
    const core = await startCore();
    const f = await studyData(core);
    const plain = await ok(core, 'studies.save', {
      id: null,
      title: 'Buổi học tập khác',
      date: '2026-04-02',
      form: 'in_person',
      sites: null,
      classId: null,
      note: '',
    });
    await ok(core, 'studies.saveCounts', { sessionId: plain.id, rows: [{ unitId: f.units.xa.id, present: 30, expected: null }] });
    const r = await invoke(core, 'studies.save', {
      id: plain.id,
      title: 'Buổi học tập khác',
      date: '2026-04-02',
      form: 'in_person',
      sites: null,
      classId: f.classId,
      note: '',
    });
    expect(r.ok ? null : r.error.fields).toEqual({
      classId: 'Danh sách lớp này có học viên của «Đảng bộ xã Đắk Hà», tổ chức đã nhập số đếm; hãy xóa số đếm đó trước',
    });
    await ok(core, 'studies.remove', { id: plain.id, reason: 'Nhập nhầm' });
    expect((await ok(core, 'studies.list', { year: 2026 })).map((s) => s.id)).toEqual([f.sessionId]);
    const missingReason = await invoke(core, 'studies.remove', { id: f.sessionId, reason: '' });
    expect(missingReason.ok ? null : missingReason.error.fields).toEqual({ reason: 'Không được để trống' });
  });
});
