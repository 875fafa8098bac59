import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildResultsDecisionHtml, buildScoreSheetHtml } from '../../electron/core/documents/class-lists';
import { attendanceXlsx, learnerListXlsx, resultsListXlsx, scoreSheetXlsx } from '../../electron/core/io/class-lists-xlsx';
import { TRICKY } from '../fixtures/document-fixtures';
import {
  built,
  CLASS,
  docs,
  learnerList,
  learners,
  recognised,
  records,
  results,
  resultsDecision,
  scoreSheet,
  sessions,
  summary,
} from './class-documents-fixtures';

describe('class lists as HTML', () => {
  it('the test data is what the checks below assume', () => {
    expect(learners).toHaveLength(30);
    expect(sessions).toHaveLength(10);
    expect(results.filter((r) => r.status === 'not_eligible').map((r) => r.reasons)).toEqual([
      ['Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)'],
      ['Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)'],
    ]);
    expect(recognised).toHaveLength(28);
    expect(results[0]!.finalTenths).toBe(75);
    expect(results[7]).toMatchObject({ status: 'eligible', finalTenths: 67 });
    expect(summary.breakdowns[1]!.rows).toContainEqual({ label: 'Xơ Đăng', count: 8 });
  });

  it('is self-contained and inert, with what the clerk typed escaped', () => {
    console.info(`[class-documents] ${Object.keys(docs).length} documents built as HTML in ${built.ms.toFixed(0)} ms`);
    for (const html of Object.values(docs)) {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:/i);
      expect(html).toContain("default-src 'none'");
    }
    for (const name of ['learner-list', 'attendance-day', 'score-sheet', 'results-decision'] as const) {
      expect(docs[name]).toContain('Lê Văn &lt;b&gt;&amp; Tú');
      expect(docs[name]).not.toContain(TRICKY);
    }
  });

  it('picks the sheet: lists and weekly sheets across, a day sheet and the decision upright', () => {
    expect(docs['learner-list']).toContain('size: A4 landscape');
    expect(docs['attendance-week']).toContain('size: A4 landscape');
    expect(docs['score-sheet']).toContain('size: A4 landscape');
    expect(docs['attendance-day']).toContain('size: A4 portrait');
    expect(docs['results-decision']).toContain('size: A4 portrait');
    expect(buildScoreSheetHtml({ ...scoreSheet, components: [{ name: 'Bài thu hoạch', weight: 100 }] })).toContain('size: A4 portrait');
  });

  it('a results decision without certificates has two articles', () => {
    const html = buildResultsDecisionHtml({ ...resultsDecision, outcome: 'external' });
    expect(html).toContain('về việc công nhận kết quả học tập</div>');
    expect(html).not.toContain('Cấp giấy chứng nhận');
    expect(html).toContain('<b>Điều 2.</b> Bộ phận giáo vụ');
    expect(html).toContain('- Như Điều 2,');
  });
});

describe('class lists as .xlsx', () => {
  async function read(dataBase64: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ArrayBuffer);
    return wb;
  }
  const headers = (ws: ExcelJS.Worksheet): unknown[] => (ws.getRow(1).values as unknown[]).slice(1);

  it('learner list: Vietnamese headers, real dates, partial dates as written', async () => {
    const f = await learnerListXlsx(learnerList);
    expect(f.fileName).toBe('danh-sach-hoc-vien-lop-boi-duong-ly-luan-chinh-tri-danh-cho-dang-vien-moi-khoa-i-nam-2026.xlsx');
    expect(f.rowCount).toBe(30);
    const ws = (await read(f.dataBase64)).worksheets[0]!;
    expect(ws.name).toBe('Danh sách học viên');
    expect(headers(ws)).toEqual(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Chức vụ', 'Chi bộ, đơn vị', 'Đảng viên']);
    expect(ws.getCell('B2').value).toBe('A Thút');
    expect(ws.getCell('D2').value).toEqual(new Date(Date.UTC(1999, 1, 14)));
    expect(ws.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('D4').value).toBe('05/1990');
    expect(ws.getCell('H2').value).toBe('Đảng viên dự bị');
    expect(ws.rowCount).toBe(31);
  });

  it('score sheet: scores as numbers with one decimal, the re-assessment in its own column', async () => {
    const f = await scoreSheetXlsx(scoreSheet);
    expect(f.fileName).toMatch(/^bang-diem-lop-boi-duong-[a-z0-9-]+\.xlsx$/);
    const ws = (await read(f.dataBase64)).worksheets[0]!;
    expect(headers(ws)).toEqual([
      'STT',
      'Họ và tên',
      'Bài kiểm tra',
      'Bài kiểm tra (lần 2)',
      'Bài thu hoạch',
      'Bài thu hoạch (lần 2)',
      'Điểm tổng kết',
      'Xếp loại',
      'Số buổi vắng',
      'Số buổi học',
      'Kết quả',
      'Ghi chú',
    ]);
    expect(ws.getCell('G2').value).toBe(7.5);
    expect(ws.getCell('G2').numFmt).toBe('0.0');
    const re = ws.getRow(9); // learner 7
    expect(re.getCell(5).value).toBe(4);
    expect(re.getCell(6).value).toBe(6.5);
    const over = ws.getRow(7); // learner 5
    expect(over.getCell(11).value).toBe('Không đủ điều kiện');
    expect(over.getCell(12).value).toBe('Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)');
  });

  it('results list: those recognised, with date and score typed', async () => {
    const f = await resultsListXlsx(resultsDecision);
    expect(f.rowCount).toBe(28);
    const ws = (await read(f.dataBase64)).worksheets[0]!;
    expect(headers(ws)).toEqual(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Chi bộ, đơn vị', 'Điểm', 'Xếp loại']);
    expect(ws.getCell('D2').value).toBeInstanceOf(Date);
    expect(ws.getCell('F2').value).toBe(7.5);
    expect(ws.getCell('F2').numFmt).toBe('0.0');
  });

  it('attendance: x, P, K per session and the absences as a number, with the key on a sheet of its own', async () => {
    const f = await attendanceXlsx({
      className: CLASS,
      sessions,
      rows: learners.map((l, i) => ({ fullName: l.fullName, marks: records[i]!.marks, absent: results[i]!.absent })),
    });
    expect(f.fileName).toMatch(/^diem-danh-lop-[a-z0-9-]+\.xlsx$/);
    const wb = await read(f.dataBase64);
    const ws = wb.worksheets[0]!;
    expect(headers(ws).slice(0, 4)).toEqual(['STT', 'Họ và tên', '22/01/2026 Sáng', '22/01/2026 Chiều']);
    expect(headers(ws).at(-1)).toBe('Số buổi vắng');
    const over = ws.getRow(7); // learner 5
    expect([over.getCell(3).value, over.getCell(4).value, over.getCell(5).value, over.getCell(6).value]).toEqual(['P', 'K', 'K', 'x']);
    expect(over.getCell(13).value).toBe(3);
    expect(wb.worksheets[1]!.getCell('B3').value).toBe('Vắng có phép');
  });
});
