import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { pdfToolsMissing } from '../fixtures/pdf-printer';
import { CHROMIUM, SCREENSHOTS } from '../fixtures/document-fixtures';
import { CLASS, DAYS, type DocName, docs, learners } from './class-documents-fixtures';

const missing = pdfToolsMissing('class-documents');

describe.skipIf(missing)('class lists as PDF (Chromium, read back with poppler)', () => {
  let port: ChromiumPrintPort;
  let dir: string;
  const pdfs = new Map<DocName, { file: string; pages: string[] }>();

  beforeAll(async () => {
    port = createChromiumPrintPort({ executablePath: CHROMIUM });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-class-docs-'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const t0 = performance.now();
    // Two at a time: one browser, a context per job, and a 2-core machine.
    const names = Object.keys(docs) as DocName[];
    for (let i = 0; i < names.length; i += 2) {
      await Promise.all(
        names.slice(i, i + 2).map(async (name) => {
          const pdf = await port.toPdf(docs[name]);
          const file = path.join(dir, `${name}.pdf`);
          fs.writeFileSync(file, pdf);
          // -raw keeps reading order, so a cell that wraps stays next to its row instead of being spread over the lines around it.
          const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
          const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
          const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
          // pdftotext ends every page with a form feed, so the last piece is empty.
          pdfs.set(name, { file, pages: text.split('\f').slice(0, count) });
        }),
      );
    }
    console.info(`[class-documents] ${names.length} PDFs in ${(performance.now() - t0).toFixed(0)} ms`);
    const png = (name: DocName, page: number, out: string) =>
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        pdfs.get(name)!.file,
        path.join(SCREENSHOTS, out),
      ]);
    png('learner-list', 1, 'doc-learner-list');
    png('attendance-day', 1, 'doc-attendance-day');
    png('attendance-day', 2, 'doc-attendance-day-continued');
    png('attendance-week', 1, 'doc-attendance-week');
    png('score-sheet', 1, 'doc-score-sheet');
    png('results-decision', 1, 'doc-results-decision');
    png('results-decision', 2, 'doc-results-decision-list');
    png('class-summary', 1, 'doc-class-summary');
  }, 60_000);

  afterAll(async () => {
    await port?.close();
    if (dir && process.env.KEEP_E2E_DATA) console.info(`[class-documents] PDFs kept in ${dir}`);
    else if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Cells and long lines wrap: phrases are checked on the text with single spaces. */
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  const whole = (name: DocName): string => flat(pdfs.get(name)!.pages.join(' '));

  it('never leaves the signature alone on a sheet: the last rows go with it', () => {
    for (const name of ['learner-list', 'score-sheet'] as const) {
      const last = flat(pdfs.get(name)!.pages.at(-1)!);
      expect(last).toContain('Huỳnh Đức Dũng');
      expect(last).toContain('GIÁM ĐỐC Nguyễn Văn Thành');
    }
    const lastOfList = flat(pdfs.get('results-decision')!.pages.at(-1)!);
    expect(lastOfList).toMatch(/Huỳnh Đức Dũng .* \(Danh sách có 28 học viên\)/);
  });

  it('comes out in Tinos and precomposed', () => {
    for (const [, { file, pages }] of pdfs) {
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/Tinos/);
      const text = pages.join('');
      expect(text).toBe(text.normalize('NFC'));
    }
  });

  it('the learner list: Party header, every learner with birth date under the sex, short Party status', () => {
    const t = whole('learner-list');
    expect(t).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(t).toContain('Đắk Hà, ngày 20 tháng 01 năm 2026');
    expect(t).toContain('DANH SÁCH HỌC VIÊN');
    expect(t).toContain(CLASS);
    expect(t).toContain('STT Họ và tên Ngày sinh Dân tộc Chức vụ Chi bộ, đơn vị Đảng viên Nam Nữ');
    for (const l of learners) expect(t).toContain(l.fullName);
    expect(t).toContain('1 A Thút 14/02/1999 Xơ Đăng Phó trưởng thôn Chi bộ làng Kon Klốc Dự bị');
    expect(t).toContain('Dự bị');
    expect(t).toContain('Quần chúng');
    expect(t).not.toContain('Đảng viên dự bị');
    expect(t).toContain('(Danh sách có 30 học viên)');
    expect(t).toContain('Nguyễn Văn Thành');
  });

  it('attendance by day: every day starts a sheet, its title repeated on the sheets after', () => {
    const { pages } = pdfs.get('attendance-day')!;
    const small = pdfs.get('attendance-small')!.pages;
    // Fifteen learners: one sheet a day. Thirty: two a day, since a 10 mm signature row leaves room for ~20.
    expect(small).toHaveLength(DAYS.length);
    expect(pages).toHaveLength(DAYS.length * 2);
    const dayLines = [
      'Thứ Năm, ngày 22/01/2026',
      'Thứ Sáu, ngày 23/01/2026',
      'Thứ Hai, ngày 26/01/2026',
      'Thứ Ba, ngày 27/01/2026',
      'Thứ Tư, ngày 28/01/2026',
    ];
    dayLines.forEach((line, d) => {
      expect(flat(small[d]!)).toContain(line);
      for (const page of [pages[d * 2]!, pages[d * 2 + 1]!]) {
        expect(flat(page)).toContain(line);
        expect(flat(page)).toContain('STT Họ và tên Đơn vị Sáng');
      }
      expect(flat(pages[d * 2]!)).toContain('DANH SÁCH HỌC VIÊN KÝ TÊN');
      expect(flat(pages[d * 2]!)).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    });
    expect(flat(pages[0]!)).toContain('Chủ nghĩa Mác - Lênin');
    expect(flat(pages[0]!)).toContain('Độc lập dân tộc gắn liền với chủ nghĩa xã hội');
    const all = whole('attendance-day');
    for (const l of learners) expect(all).toContain(l.fullName);
  });

  it('attendance by week: a landscape sheet set per Monday–Sunday week, a box per session', () => {
    const { pages } = pdfs.get('attendance-week')!;
    const starts = pages.map((p, i) => ({ i, p: flat(p) })).filter(({ p }) => p.includes('BẢNG ĐIỂM DANH'));
    expect(starts).toHaveLength(2);
    expect(starts[0]!.p).toContain('Từ Thứ Năm, ngày 22/01/2026 đến Thứ Sáu, ngày 23/01/2026');
    expect(starts[1]!.p).toContain('Từ Thứ Hai, ngày 26/01/2026 đến Thứ Tư, ngày 28/01/2026');
    expect(starts[0]!.p).toContain('STT Họ và tên Đơn vị T5 22/01 T6 23/01 Ghi chú S C S C 1 A Thút');
    expect(starts[1]!.p).toContain('T2 26/01 T3 27/01 T4 28/01 Ghi chú S C S C S C 1 A Thút');
    const all = whole('attendance-week');
    for (const l of learners) expect(all).toContain(l.fullName);
  });

  it('the score sheet: both attempts, the final score, absences and the reasons', () => {
    const t = whole('score-sheet');
    expect(t).toContain('BẢNG ĐIỂM');
    expect(t).toContain('Số buổi học: 10');
    expect(t).toContain('Bài kiểm tra (30%) Bài thu hoạch (70%) Điểm tổng kết Xếp loại Số buổi vắng Ghi chú');
    expect(t).toContain('1 A Thút 7,5 7,5 7,5 Khá 1 2');
    expect(t).toContain('Bùi Quang Ơn 7,0 4,0 (lần 2: 6,5) 6,7 Trung bình 0');
    expect(t).toContain('Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)');
    expect(t).toContain('Tổng số 30 học viên; đủ điều kiện công nhận: 28; không đủ điều kiện: 2.');
    for (const l of learners) expect(t).toContain(l.fullName);
    expect(t).toContain('GIÁM ĐỐC');
  });

  it('the results decision: number, articles, and the list of those recognised on its own sheets', () => {
    const { pages } = pdfs.get('results-decision')!;
    const first = flat(pages[0]!);
    expect(first).toContain('Số 15-QĐ/TTCT');
    expect(first).toContain('Đắk Hà, ngày 02 tháng 02 năm 2026');
    expect(first).toContain('về việc công nhận kết quả học tập và cấp giấy chứng nhận');
    expect(first).toContain('GIÁM ĐỐC TRUNG TÂM CHÍNH TRỊ');
    expect(first).toContain('Công nhận 28/30 học viên lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026');
    expect(first).toContain('Điều 2. Cấp giấy chứng nhận cho các học viên có tên tại Điều 1.');
    expect(first).toContain('Điều 3.');
    expect(first).toContain('- Đảng ủy xã Đắk Hà (b/c),');
    expect(first).not.toContain('DANH SÁCH HỌC VIÊN ĐƯỢC CÔNG NHẬN');
    const list = flat(pages.slice(1).join(' '));
    expect(list).toContain('DANH SÁCH HỌC VIÊN ĐƯỢC CÔNG NHẬN KẾT QUẢ HỌC TẬP');
    expect(list).toContain('(Kèm theo Quyết định số 15-QĐ/TTCT ngày 02/02/2026 của Trung tâm Chính trị)');
    expect(list).toContain('STT Họ và tên Ngày sinh Chi bộ, đơn vị Điểm Xếp loại Nam Nữ');
    expect(list).toContain('1 A Thút 14/02/1999 Chi bộ làng Kon Klốc 7,5 Khá');
    expect(list).toContain('(Danh sách có 28 học viên)');
    for (const i of [5, 12]) expect(list).not.toContain(learners[i]!.fullName);
  });

  it('the class summary: counts and shares the Vietnamese way', () => {
    const t = whole('class-summary');
    expect(pdfs.get('class-summary')!.pages).toHaveLength(1);
    expect(t).toContain('TỔNG HỢP KẾT QUẢ LỚP BỒI DƯỠNG LÝ LUẬN CHÍNH TRỊ');
    expect(t).toContain('Tổng số học viên: 30');
    expect(t).toContain('Xơ Đăng 8 26,7%');
    expect(t).toContain('Cộng 30 100,0%');
    expect(t).toContain('Theo xếp loại');
  });
});
