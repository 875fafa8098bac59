import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { studyReportXlsx } from '../../electron/core/studies/report-xlsx';
import { studyRowNote, studyTotalNote, type StudyReport } from '../../shared/contract/studies';
import { invoke, ok, startCore } from './helpers';
import { secondSession, studyData, typeCounts } from './studies-fixtures';

/** The reviewer's findings on the participation reports, each pinned by what a clerk or committee would see. */

async function sheetRows(file: { dataBase64: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Tỷ lệ tham gia')!;
  return (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
}

describe('resolution-study participation — review fixes', () => {
  it('keeps a merged organisation’s counts: shown read-only in the grid, untouched by the next save, reported under its former name', async () => {
    const core = await startCore();
    const f = await studyData(core);
    const { xa, congAn, truong, quanSu } = f.units;
    await typeCounts(core, f);
    await ok(core, 'units.merge', { fromId: congAn.id, intoId: xa.id, date: '2026-06-01' });

    const grid = await ok(core, 'studies.get', { id: f.sessionId });
    expect(grid.rows.find((r) => r.unitId === congAn.id)).toMatchObject({
      present: 19,
      expected: null,
      members: 20,
      mergedInto: 'Đảng bộ xã Đắk Hà',
      list: null,
    });
    // What the grid sends on «Lưu số liệu»: only the lines the clerk can edit.
    const editable = grid.rows.filter((r) => !r.list && r.mergedInto === null);
    expect(editable.map((r) => r.unitId).sort()).toEqual([truong.id, quanSu.id].sort());
    expect(
      await ok(core, 'studies.saveCounts', {
        sessionId: f.sessionId,
        rows: editable.map((r) => ({ unitId: r.unitId, present: r.present, expected: r.expected })),
      }),
    ).toEqual({ saved: 2 });
    // Even a save that sends one organisation leaves the others' counts alone.
    await ok(core, 'studies.saveCounts', { sessionId: f.sessionId, rows: [{ unitId: truong.id, present: 36, expected: 37 }] });

    const report = await ok(core, 'studies.report', { scope: { kind: 'session', id: f.sessionId } });
    const ca = report.rows.find((r) => r.key === String(congAn.id))!;
    expect(ca).toMatchObject({ label: 'Đảng bộ Công an xã', present: 19, expected: 20, rate: 0.95, mergedInto: 'Đảng bộ xã Đắk Hà' });
    expect(studyRowNote(ca)).toBe('Số báo cáo; đã hợp nhất vào «Đảng bộ xã Đắk Hà»');
    expect(report.rows.find((r) => r.key === String(quanSu.id))).toMatchObject({ present: 10, expected: null });
    // 3/4 + 19/20 + 36/37 = 58/61; Quân sự still missing.
    expect(report.total).toMatchObject({ present: 58, expected: 61, rows: 4, missing: 1, notReported: 0 });
    const html = (await ok(core, 'studies.preview', { scope: { kind: 'session', id: f.sessionId } })).html;
    expect(html).toContain('đã hợp nhất vào «Đảng bộ xã Đắk Hà»');
    // The merged organisation itself still takes no new figures.
    const r = await invoke(core, 'studies.saveCounts', {
      sessionId: f.sessionId,
      rows: [{ unitId: congAn.id, present: 18, expected: null }],
    });
    expect(r.ok ? null : r.error.fields).toEqual({ 'rows.0.unitId': '«Đảng bộ Công an xã» đã hợp nhất vào «Đảng bộ xã Đắk Hà»' });
  });

  it('lists the organisations with members that sent nothing as «Chưa báo cáo», out of the total, and states the list’s unassigned people', async () => {
    const core = await startCore();
    const f = await studyData(core);
    const { congAn, truong } = f.units;
    const plain = await secondSession(core);
    await ok(core, 'studies.saveCounts', { sessionId: plain.id, rows: [{ unitId: truong.id, present: 35, expected: 37 }] });
    const report = await ok(core, 'studies.report', { scope: { kind: 'session', id: plain.id } });
    // Quân sự has no members for 2026: nothing to report against, so no row.
    expect(report.rows.map((r) => [r.label, r.present, r.expected, r.source])).toEqual([
      ['Đảng bộ Trường THCS Lê Lợi', 35, 37, 'counts'],
      ['Đảng bộ Công an xã', 0, 20, 'none'],
      ['Đảng bộ xã Đắk Hà', 0, 40, 'none'],
    ]);
    expect(report.total).toEqual({ present: 35, expected: 37, rate: 0.9459, rows: 1, missing: 0, notReported: 2 });
    expect(studyTotalNote(report)).toBe('2 tổ chức chưa báo cáo');
    const xlsx = await sheetRows(await ok(core, 'studies.xlsx', { scope: { kind: 'session', id: plain.id } }));
    expect(xlsx(3)).toEqual([2, 'Đảng bộ Công an xã', 20, undefined, 'Chưa báo cáo', 'Không tính vào tổng']);
    expect(xlsx(5)).toEqual([undefined, 'Cộng', 37, 35, 0.9459, '2 tổ chức chưa báo cáo']);
    const html = (await ok(core, 'studies.preview', { scope: { kind: 'session', id: plain.id } })).html;
    expect(html).toContain('2 tổ chức có đảng viên năm nay chưa báo cáo số liệu, chưa tính vào tổng.');

    // The class-linked session with no counts typed: the list covers Đảng bộ xã, the others with members have not reported.
    const linked = await ok(core, 'studies.report', { scope: { kind: 'session', id: f.sessionId } });
    expect(linked.rows.map((r) => [r.label, r.source])).toEqual([
      ['Đảng bộ xã Đắk Hà', 'list'],
      ['Đảng bộ Công an xã', 'none'],
      ['Đảng bộ Trường THCS Lê Lợi', 'none'],
    ]);
    expect(linked.facts).toContain('1 người trong danh sách lớp chưa có chi bộ, đảng bộ nên chưa tính vào tổ chức nào.');
    const linkedHtml = (await ok(core, 'studies.preview', { scope: { kind: 'session', id: f.sessionId } })).html;
    expect(linkedHtml).toContain('1 người trong danh sách lớp chưa có chi bộ, đảng bộ nên chưa tính vào tổ chức nào.');
    expect(congAn.id).toBeGreaterThan(0);
  });

  it('truncates rates to two decimals: 94,995% is «94,99%», never «95,00%», on the report, in print and in Excel', async () => {
    const core = await startCore();
    const f = await studyData(core);
    const big = await ok(core, 'units.save', { name: 'Đảng bộ Khối cơ quan', kind: 'base', parentId: null, communeCode: null });
    await ok(core, 'studies.saveCounts', { sessionId: f.sessionId, rows: [{ unitId: big.id, present: 18_999, expected: 20_000 }] });
    const scope = { kind: 'session' as const, id: f.sessionId };
    const report = await ok(core, 'studies.report', { scope });
    expect(report.rows.find((r) => r.key === String(big.id))!.rate).toBe(0.9499);
    const html = (await ok(core, 'studies.preview', { scope })).html;
    expect(html).toContain('94,99%');
    expect(html).not.toContain('95,00%');
    const xlsx = await sheetRows(await ok(core, 'studies.xlsx', { scope }));
    expect(xlsx(3)).toEqual([2, 'Đảng bộ Khối cơ quan', 20_000, 18_999, 0.9499, 'Số báo cáo']);
  });

  it('refuses to move a session to a year whose members cannot carry its counts typed without «phải dự», at the date', async () => {
    const core = await startCore();
    const f = await studyData(core);
    const { congAn, truong } = f.units;
    const input = {
      id: null,
      title: 'Học tập chuyên đề',
      date: '2026-09-10',
      form: 'in_person' as const,
      sites: null,
      classId: null,
      note: '',
    };
    const s = await ok(core, 'studies.save', input);
    await ok(core, 'studies.saveCounts', {
      sessionId: s.id,
      rows: [
        { unitId: congAn.id, present: 19, expected: null },
        { unitId: truong.id, present: 30, expected: 36 },
      ],
    });
    const move = () => invoke(core, 'studies.save', { ...input, id: s.id, date: '2027-01-15' });
    const none = await move();
    expect(none.ok ? null : none.error.fields).toEqual({
      date: '«Đảng bộ Công an xã» có 19 đảng viên có mặt, không ghi số phải dự, mà năm 2027 chưa có số đảng viên của tổ chức này; hãy nhập số đảng viên năm 2027 hoặc ghi số phải dự trước',
    });
    await ok(core, 'studies.saveMembers', { year: 2027, rows: [{ unitId: congAn.id, members: 15 }] });
    const fewer = await move();
    expect(fewer.ok ? null : fewer.error.fields).toEqual({
      date: '«Đảng bộ Công an xã» có 19 đảng viên có mặt, nhiều hơn số đảng viên năm 2027 (15); hãy ghi số phải dự trước',
    });
    expect((await ok(core, 'studies.get', { id: s.id })).session.date).toBe('2026-09-10');
    await ok(core, 'studies.saveMembers', { year: 2027, rows: [{ unitId: congAn.id, members: 19 }] });
    expect((await move()).ok).toBe(true);
    // Within the same year nothing needs re-checking.
    expect((await invoke(core, 'studies.save', { ...input, id: s.id, date: '2027-02-01' })).ok).toBe(true);
  });

  it('writes the session count in the workbook’s total as a Vietnamese number', async () => {
    const report: StudyReport = {
      scope: { kind: 'org', unitId: 1, year: 2026 },
      heading: 'Đảng bộ xã A — năm 2026',
      rowLabel: 'Buổi học tập',
      facts: [],
      rows: [
        {
          key: '1',
          label: 'Buổi 1',
          detail: '05/03/2026',
          sessions: 1200,
          present: 10,
          expected: 20,
          rate: 0.5,
          source: 'counts',
          missingSessions: 0,
          mergedInto: null,
        },
      ],
      total: { present: 10, expected: 20, rate: 0.5, rows: 1, missing: 0, notReported: 0 },
    };
    const rows = await sheetRows(await studyReportXlsx(report));
    expect(rows(3)[2]).toBe('1.200 buổi');
  });
});
