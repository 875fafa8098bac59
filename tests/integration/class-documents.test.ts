import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { buildAttendanceSheetHtml, type AttendanceSession, type AttendanceSheetDoc } from '../../electron/core/documents/attendance-sheet';
import {
  buildClassSummaryHtml,
  buildLearnerListHtml,
  buildResultsDecisionHtml,
  buildScoreSheetHtml,
  type ClassSummaryDoc,
  type LearnerListDoc,
  type ListLearner,
  type ResultsDecisionDoc,
  type ScoreSheetDoc,
} from '../../electron/core/documents/class-lists';
import { attendanceXlsx, learnerListXlsx, resultsListXlsx, scoreSheetXlsx } from '../../electron/core/io/class-lists-xlsx';
import { evaluate, type AttendanceMark, type Scheme } from '../../shared/domain/eligibility';
import { DEFAULT_BANDS } from '../../shared/domain/grading';
import { CHROMIUM, SCREENSHOTS, TRICKY, communeBody as body } from './document-fixtures';

const CLASS = 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026';
const PROGRAM = 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Huỳnh'];
const MIDDLE_F = ['Thị Thu', 'Thị Ngọc', 'Thị', 'Thị Kim'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang'];
const GIVEN = ['Hằng', 'Dũng', 'Ánh', 'Phước', 'Tuyết', 'Khải', 'Ưng', 'Ơn', 'Yến', 'Lộc', 'Đạt', 'Thủy', 'Nga', 'Sơn'];
const UNITS = ['Chi bộ thôn 1', 'Chi bộ thôn Kon Trang', 'Chi bộ Trường THCS Lê Lợi', 'Chi bộ Công an xã', 'Chi bộ Quân sự xã'];
const POSITIONS = ['Đoàn viên', 'Bí thư chi đoàn', 'Giáo viên', 'Chiến sĩ', 'Trưởng thôn'];

/** 30 learners: 22 Kinh and 8 Xơ Đăng (8/30 = 26,7%), mostly probationary members. */
function makeLearners(): ListLearner[] {
  const list: ListLearner[] = [
    {
      fullName: 'A Thút',
      sex: 'nam',
      birthDate: '1999-02-14',
      ethnicityName: 'Xơ Đăng',
      position: 'Phó trưởng thôn',
      unitName: 'Chi bộ làng Kon Klốc',
      partyStatus: 'du_bi',
    },
    {
      fullName: "Rơ Châm H'Luyến",
      sex: 'nu',
      birthDate: '2001-11-03',
      ethnicityName: 'Xơ Đăng',
      position: 'Đoàn viên',
      unitName: 'Chi bộ thôn Đắk Mút',
      partyStatus: 'du_bi',
    },
    {
      fullName: TRICKY,
      sex: null,
      birthDate: '1990-05',
      ethnicityName: 'Kinh',
      position: 'Công chức',
      unitName: null,
      partyStatus: 'chinh_thuc',
    },
    {
      fullName: 'Y Moan Niê',
      sex: 'nam',
      birthDate: '1995-07-30',
      ethnicityName: 'Xơ Đăng',
      position: 'Chiến sĩ',
      unitName: 'Chi bộ Quân sự xã',
      partyStatus: 'du_bi',
    },
  ];
  for (let i = list.length; i < 30; i++) {
    const female = i % 2 === 0;
    list.push({
      fullName: `${FAMILY[i % FAMILY.length]} ${female ? MIDDLE_F[i % 4] : MIDDLE_M[i % 4]} ${GIVEN[i % GIVEN.length]}`,
      sex: female ? 'nu' : 'nam',
      birthDate: `${1985 + (i % 15)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      ethnicityName: i < 9 ? 'Xơ Đăng' : 'Kinh',
      position: POSITIONS[i % POSITIONS.length]!,
      unitName: UNITS[i % UNITS.length]!,
      partyStatus: i % 10 === 0 ? 'quan_chung' : 'du_bi',
    });
  }
  return list;
}
const learners = makeLearners();

const TOPICS = [
  'Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh - nền tảng tư tưởng, kim chỉ nam cho hành động của Đảng',
  'Độc lập dân tộc gắn liền với chủ nghĩa xã hội',
  'Đại đoàn kết toàn dân tộc, dân chủ xã hội chủ nghĩa, Nhà nước pháp quyền',
  'Phát triển kinh tế - xã hội',
  'Giáo dục, khoa học, văn hóa, môi trường',
  'Quốc phòng, an ninh',
  'Hội nhập quốc tế',
  'Nguyên tắc tổ chức của Đảng và xây dựng tổ chức cơ sở đảng',
  'Xây dựng, chỉnh đốn Đảng',
  'Phấn đấu trở thành đảng viên xứng đáng',
];

/** Ten sessions over five teaching days, Thursday 22/01 to Wednesday 28/01/2026: two Monday–Sunday weeks. */
const DAYS = ['2026-01-22', '2026-01-23', '2026-01-26', '2026-01-27', '2026-01-28'];
const sessions: AttendanceSession[] = DAYS.flatMap((date, d) =>
  (['sang', 'chieu'] as const).map((half, h) => ({ id: d * 2 + h + 1, date, half, title: TOPICS[d * 2 + h]! })),
);

const scheme: Scheme = {
  components: [
    { name: 'Bài kiểm tra', weight: 30 },
    { name: 'Bài thu hoạch', weight: 70 },
  ],
  bands: DEFAULT_BANDS,
  maxAbsencePct: 20,
  maxRetakes: 1,
};

/** Learners 5 and 12 miss three of ten sessions (over 20%); learner 7 re-sits the essay (4,0 then 6,5). */
function recordOf(i: number): { marks: AttendanceMark[]; scores: { first: number | null; retake: number | null }[] } {
  const absences = i === 5 || i === 12 ? 3 : i % 6 === 0 ? 1 : 0;
  const marks = sessions.map((_, k): AttendanceMark => (k < absences ? (k === 0 ? 'excused' : 'unexcused') : 'present'));
  if (i === 0)
    return {
      marks,
      scores: [
        { first: 75, retake: null },
        { first: 75, retake: null },
      ],
    };
  if (i === 7)
    return {
      marks,
      scores: [
        { first: 70, retake: null },
        { first: 40, retake: 65 },
      ],
    };
  return {
    marks,
    scores: [
      { first: 55 + ((i * 7) % 45), retake: null },
      { first: 55 + ((i * 11) % 44), retake: null },
    ],
  };
}
const records = learners.map((_, i) => recordOf(i));
const results = records.map((r) => evaluate(scheme, { ...r, discipline: false }));

const learnerList: LearnerListDoc = { body, date: '2026-01-20', className: CLASS, learners };

const attendanceDay: AttendanceSheetDoc = {
  body,
  className: CLASS,
  layout: 'day',
  sessions,
  learners: learners.map((l) => ({ fullName: l.fullName, unitName: l.unitName })),
};
const attendanceWeek: AttendanceSheetDoc = { ...attendanceDay, layout: 'week' };
/** A class of 15 fits one sheet a day. */
const attendanceSmall: AttendanceSheetDoc = { ...attendanceDay, learners: attendanceDay.learners.slice(0, 15) };

const scoreSheet: ScoreSheetDoc = {
  body,
  date: '2026-01-30',
  className: CLASS,
  components: scheme.components,
  rows: learners.map((l, i) => ({
    fullName: l.fullName,
    scores: records[i]!.scores,
    finalTenths: results[i]!.finalTenths,
    classification: results[i]!.classification,
    absent: results[i]!.absent,
    sessions: results[i]!.sessions,
    eligible: results[i]!.status,
    reasons: results[i]!.reasons,
  })),
};

const recognised = learners
  .map((l, i) => ({ l, r: results[i]! }))
  .filter(({ r }) => r.status === 'eligible')
  .map(({ l, r }) => ({
    fullName: l.fullName,
    sex: l.sex,
    birthDate: l.birthDate,
    unitName: l.unitName,
    finalTenths: r.finalTenths,
    classification: r.classification,
  }));

const resultsDecision: ResultsDecisionDoc = {
  body,
  number: '15-QĐ/TTCT',
  date: '2026-02-02',
  className: CLASS,
  programName: PROGRAM,
  startDate: '2026-01-22',
  endDate: '2026-01-28',
  outcome: 'certificate',
  recognised,
  total: learners.length,
};

function countBy<T>(items: T[], key: (t: T) => string): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(key(it), (counts.get(key(it)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}

const summary: ClassSummaryDoc = {
  body,
  date: '2026-02-02',
  className: CLASS,
  total: learners.length,
  breakdowns: [
    { title: 'Theo giới tính', rows: countBy(learners, (l) => (l.sex === 'nam' ? 'Nam' : l.sex === 'nu' ? 'Nữ' : 'Chưa rõ')) },
    { title: 'Theo dân tộc', rows: countBy(learners, (l) => l.ethnicityName ?? 'Chưa rõ') },
    {
      title: 'Theo tình trạng đảng viên',
      rows: countBy(
        learners,
        (l) => ({ chinh_thuc: 'Đảng viên chính thức', du_bi: 'Đảng viên dự bị', quan_chung: 'Quần chúng' })[l.partyStatus ?? 'quan_chung'],
      ),
    },
    {
      title: 'Theo xếp loại',
      rows: countBy(results, (r) => r.classification ?? 'Chưa xếp loại').sort(
        (a, b) => DEFAULT_BANDS.findIndex((x) => x.label === a.label) - DEFAULT_BANDS.findIndex((x) => x.label === b.label),
      ),
    },
  ],
};

function time<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

const built = time(() => ({
  'learner-list': buildLearnerListHtml(learnerList),
  'attendance-day': buildAttendanceSheetHtml(attendanceDay),
  'attendance-week': buildAttendanceSheetHtml(attendanceWeek),
  'attendance-small': buildAttendanceSheetHtml(attendanceSmall),
  'score-sheet': buildScoreSheetHtml(scoreSheet),
  'results-decision': buildResultsDecisionHtml(resultsDecision),
  'class-summary': buildClassSummaryHtml(summary),
}));
const docs = built.value;
type DocName = keyof typeof docs;

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

function tool(name: string): string | null {
  const bin = `/usr/bin/${name}`;
  return fs.existsSync(bin) ? bin : null;
}
const missing = [
  fs.existsSync(CHROMIUM) ? null : CHROMIUM,
  ...['pdftotext', 'pdfinfo', 'pdftoppm'].map((t) => (tool(t) ? null : t)),
].filter(Boolean);
if (missing.length)
  console.warn(`[class-documents] PDF checks SKIPPED: missing ${missing.join(', ')} (apt-get install chromium poppler-utils).`);

describe.skipIf(missing.length > 0)('class lists as PDF (Chromium, read back with poppler)', () => {
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
