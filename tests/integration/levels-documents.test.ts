import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { levelReportModel } from '../../electron/core/levels/level-docx';
import { buildLevelReportHtml, type LevelReportDoc } from '../../electron/core/levels/level-document';
import { levelReportXlsx } from '../../electron/core/levels/level-xlsx';
import type { LevelReport, LevelReportRow } from '../../shared/contract/levels';
import { PROVINCIAL_COURSE_45 } from '../fixtures/nomination';
import { TRICKY, communeBody } from '../fixtures/document-fixtures';
import { describeDocxAgainstPdf } from './docx-check';

/**
 * The level report as the Party reads it: the PDF page, its Word copy (opened by LibreOffice and
 * compared word for word with the PDF) and the workbook, from one hand-made report.
 */

const COMMUNES = ['Xã Bình Sơn', 'Xã An Phú', 'Xã Đông Sơn', 'Phường Cẩm Thành'];

function row(i: number): LevelReportRow {
  const levels = { none: i % 3, so_cap: 2 + (i % 4), trung_cap: 1 + (i % 2), cao_cap: i % 2, cu_nhan: i === 4 ? 1 : 0 };
  const people = Object.values(levels).reduce((s, n) => s + n, 0);
  const achieved = people - levels.none - levels.so_cap;
  return {
    communeName: COMMUNES[i % 4]!,
    baseUnitName: i === 5 ? `Đảng bộ ${TRICKY}` : `Đảng bộ xã số ${i + 1}`,
    people,
    levels,
    achieved,
    share: achieved / people,
    gap: Math.max(0, people - achieved),
  };
}

const rows = Array.from({ length: 20 }, (_, i) => row(i));
const total = rows.reduce<LevelReportRow>(
  (t, r) => ({
    ...t,
    people: t.people + r.people,
    achieved: t.achieved + r.achieved,
    gap: t.gap + r.gap,
    levels: {
      none: t.levels.none + r.levels.none,
      so_cap: t.levels.so_cap + r.levels.so_cap,
      trung_cap: t.levels.trung_cap + r.levels.trung_cap,
      cao_cap: t.levels.cao_cap + r.levels.cao_cap,
      cu_nhan: t.levels.cu_nhan + r.levels.cu_nhan,
    },
  }),
  {
    communeName: 'Cộng',
    baseUnitName: '',
    people: 0,
    levels: { none: 0, so_cap: 0, trung_cap: 0, cao_cap: 0, cu_nhan: 0 },
    achieved: 0,
    share: null,
    gap: 0,
  },
);
total.share = total.achieved / total.people;

const report: LevelReport = {
  year: 2026,
  asOf: '2026-06-15',
  targets: [
    {
      id: 1,
      year: 2026,
      groupId: 1,
      groupName: 'Cán bộ chủ chốt cấp xã',
      baseUnitId: null,
      baseUnitName: null,
      minLevel: 'trung_cap',
      percent: 100,
      scopeLabel: 'Cán bộ chủ chốt cấp xã (toàn bộ các tổ chức cơ sở đảng): 100% có trình độ trung cấp trở lên',
      rows,
      total,
    },
    {
      id: 2,
      year: 2026,
      groupId: null,
      groupName: null,
      baseUnitId: 3,
      baseUnitName: 'Đảng bộ xã Bình Sơn',
      minLevel: 'so_cap',
      percent: 90,
      scopeLabel: 'Đảng viên (Đảng bộ xã Bình Sơn): 90% có trình độ sơ cấp trở lên',
      rows: [rows[0]!],
      total: { ...rows[0]!, communeName: 'Cộng', baseUnitName: '' },
    },
  ],
  nominations: [
    {
      id: 1,
      ...PROVINCIAL_COURSE_45,
      note: '',
      people: ['Lê Thị Bình', 'Đỗ Thị Giang', TRICKY, 'Phạm Văn Cường'].map((fullName, i) => ({
        personId: i + 1,
        fullName,
        birthDate: i === 1 ? '1992' : '1975-03-02',
        position: 'Chủ tịch UBND xã',
        baseUnitName: 'Đảng bộ xã An Phú',
        result: i === 0 ? ('graduated' as const) : i === 3 ? ('withdrawn' as const) : ('studying' as const),
        diplomaNumber: i === 0 ? 'TC-123' : '',
        diplomaDate: i === 0 ? '2026-05-20' : null,
      })),
    },
  ],
};

const doc: LevelReportDoc = { body: communeBody, date: '2026-06-15', report };

describeDocxAgainstPdf('The level report in Word, opened by LibreOffice Writer', {
  'levels-report': { html: buildLevelReportHtml(doc), model: levelReportModel(doc), minWords: 400 },
});

describe('the level report page and workbook', () => {
  it('prints shares, targets and gaps in Vietnamese, and escapes names', () => {
    const html = buildLevelReportHtml(doc);
    expect(html).toContain('Trình độ lý luận chính trị của cán bộ, đảng viên năm 2026');
    expect(html).toContain('(Số liệu tính đến ngày 15/06/2026)');
    expect(html).toContain(`Có ${total.achieved}/${total.people} người đạt trình độ trung cấp trở lên`);
    expect(html).toContain('<td class="num">100%</td>');
    expect(html).toContain('Lê Văn &lt;b&gt;&amp; Tú');
    expect(html).not.toContain('<b>&');
    expect(html).toContain('Cử 4 người: đang học 2, tốt nghiệp 1, thôi học 1.');
    expect(html).toContain('TC-123, 20/05/2026');
  });

  it('writes one sheet per target and one of the people sent, with numbers as numbers', async () => {
    const file = await levelReportXlsx(report, 'trinh-do-llct-nam-2026');
    expect(file.fileName).toBe('trinh-do-llct-nam-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['1. Cán bộ chủ chốt cấp xã', '2. Đảng viên', 'Cử đi học']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('Đạt (trung cấp trở lên)');
    const last = sheet.getRow(rows.length + 2);
    expect([last.getCell(2).value, last.getCell(4).value, last.getCell(10).value, last.getCell(12).value]).toEqual([
      'Cộng',
      total.people,
      total.achieved,
      1,
    ]);
    expect(last.getCell(11).numFmt).toBe('0.00%');
    expect(wb.worksheets[2]!.rowCount).toBe(5);
  });
});
