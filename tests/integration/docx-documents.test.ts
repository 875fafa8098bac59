import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildAttendanceSheetHtml, type AttendanceSheetDoc } from '../../electron/core/documents/attendance-sheet';
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
import { buildTimetableHtml, type TimetableDoc } from '../../electron/core/documents/class-timetable';
import { attendanceModel, classSummaryModel, scoreSheetModel, timetableModel } from '../../electron/core/documents/docx-class-lists';
import { learnerListModel, openingDecisionModel, resultsDecisionModel } from '../../electron/core/documents/docx-models';
import { buildOpeningDecisionHtml, type OpeningDecisionDoc } from '../../electron/core/documents/opening-decision';
import { DOCUMENT_KINDS } from '../../shared/contract/documents';
import { LIST_NAMES as NAMES, TRICKY, communeBody } from '../fixtures/document-fixtures';
import { describeDocxAgainstPdf } from './docx-check';
import { smallClass } from './docx-fixtures';
import { invoke, ok, startCore } from './helpers';

/**
 * Each class document the app saves as Word, opened by LibreOffice Writer and printed to PDF, must
 * read word for word as the app's own PDF of it: the .docx is the same document, only editable.
 */

const CLASS = 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026';
const UNITS = ['Chi bộ thôn 1', 'Chi bộ thôn Kon Trang', 'Chi bộ Trường THCS Lê Lợi', 'Chi bộ Công an xã'];

/** 40 learners: enough for the lists to run onto a second page, where the header rows repeat. */
const learners: ListLearner[] = Array.from({ length: 40 }, (_, i) => ({
  fullName: i === 3 ? TRICKY : `${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + (i % 26))}`,
  sex: i === 5 ? null : i % 2 === 0 ? 'nu' : 'nam',
  birthDate: i === 7 ? '1990-05' : `${1980 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
  ethnicityName: i % 5 === 0 ? 'Xơ Đăng' : 'Kinh',
  position: i % 3 === 0 ? 'Bí thư chi đoàn' : 'Đoàn viên',
  unitName: i === 9 ? null : UNITS[i % UNITS.length]!,
  partyStatus: i % 10 === 0 ? 'quan_chung' : 'du_bi',
}));

const body = { ...communeBody, signerName: 'Trần Thị Mai', signerTitle: 'Phó Giám đốc' };
const decision: OpeningDecisionDoc = {
  body,
  number: '12-QĐ/TTCT',
  date: '2026-02-05',
  className: CLASS,
  programName: 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới',
  startDate: '2026-02-09',
  endDate: '2026-02-13',
  venueName: 'Hội trường Đảng ủy xã',
  homeroomName: 'Nguyễn Văn Bình',
  learners,
};
const list: LearnerListDoc = { body: communeBody, date: '2026-02-05', className: CLASS, learners };
const CLASSIFICATIONS = ['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình'];
const results: ResultsDecisionDoc = {
  body,
  number: '15-QĐ/TTCT',
  date: '2026-02-16',
  className: CLASS,
  programName: decision.programName,
  startDate: decision.startDate,
  endDate: decision.endDate,
  outcome: 'certificate',
  // One learner with no final score yet, as a program without examinations leaves it.
  recognised: learners.map((l, i) => ({
    ...l,
    finalTenths: i === 11 ? null : 50 + ((i * 7) % 51),
    classification: i === 11 ? null : CLASSIFICATIONS[i % 4]!,
  })),
  total: 42,
};

/** Topics short enough for the attendance sheet's three lines under "Sáng" / "Chiều", which the PDF cuts. */
const TOPICS = [
  'Độc lập dân tộc gắn liền với chủ nghĩa xã hội',
  'Phát triển kinh tế - xã hội',
  'Giáo dục, khoa học, văn hóa, môi trường',
  'Quốc phòng, an ninh',
  'Hội nhập quốc tế',
  'Xây dựng, chỉnh đốn Đảng',
  'Phấn đấu trở thành đảng viên xứng đáng',
];
/** Five teaching days from Thursday 22/01/2026: two Monday–Sunday weeks; the last day has a morning only. */
const DAYS = ['2026-01-22', '2026-01-23', '2026-01-26', '2026-01-27'];
const sessions = DAYS.flatMap((date, d) =>
  (['sang', 'chieu'] as const).slice(0, d === 3 ? 1 : 2).map((half, h) => ({ id: d * 2 + h + 1, date, half, title: TOPICS[d * 2 + h]! })),
);

const timetable: TimetableDoc = {
  body,
  date: '2026-01-15',
  className: CLASS,
  programName: decision.programName,
  startDate: '2026-01-22',
  endDate: '2026-01-27',
  venueName: 'Hội trường Đảng ủy xã',
  // A session away from the hall brings in the venue column.
  sessions: sessions.map((x, i) => ({
    ...x,
    lecturerName: i === 2 ? null : 'Nguyễn Văn Bình',
    venueName: i === 4 ? 'Nhà văn hóa thôn 1' : null,
  })),
};
const attendance: AttendanceSheetDoc = { body: communeBody, className: CLASS, layout: 'day', sessions, learners: learners.slice(0, 30) };
/** An online class: each connected site signs its own set of weekly sheets. */
const attendanceWeek: AttendanceSheetDoc = {
  ...attendance,
  layout: 'week',
  sites: [
    { name: 'Điểm cầu xã Đắk Hà', learners: learners.slice(0, 22) },
    { name: 'Điểm cầu thôn Kon Trang', learners: learners.slice(22, 30) },
  ],
};
const scoreRows = (n: number, components: number): ScoreSheetDoc['rows'] =>
  learners.slice(0, n).map((l, i) => ({
    fullName: l.fullName,
    scores: Array.from({ length: components }, (_, k) => ({
      first: i === 2 ? null : 50 + ((i * (7 + k)) % 50),
      retake: i === 6 && k === components - 1 ? 65 : null,
    })),
    finalTenths: i === 2 ? null : 55 + ((i * 3) % 45),
    classification: i === 2 ? null : CLASSIFICATIONS[i % 4]!,
    absent: i % 5 === 0 ? 1 : i === 9 ? 3 : 0,
    sessions: 7,
    eligible: i === 2 ? 'incomplete' : i === 9 ? 'not_eligible' : 'eligible',
    reasons: i === 9 ? ['Vắng quá 20% số buổi học', 'Điểm thu hoạch dưới 5,0'] : [],
  }));
const scores: ScoreSheetDoc = {
  body,
  date: '2026-01-30',
  className: CLASS,
  components: [
    { name: 'Bài kiểm tra', weight: 30 },
    { name: 'Bài thu hoạch', weight: 70 },
  ],
  rows: scoreRows(36, 2),
};
const scoresOne: ScoreSheetDoc = { ...scores, components: [{ name: 'Bài thu hoạch', weight: 100 }], rows: scoreRows(24, 1) };
/** A breakdown of the class summary: a label and its count per row. */
const breakdown = (title: string, counts: Record<string, number>): ClassSummaryDoc['breakdowns'][number] => ({
  title,
  rows: Object.entries(counts).map(([label, count]) => ({ label, count })),
});
const summary: ClassSummaryDoc = {
  body,
  date: '2026-01-30',
  className: CLASS,
  total: 30,
  breakdowns: [
    breakdown('Theo giới tính', { Nam: 14, Nữ: 15, 'Chưa rõ': 1 }),
    breakdown('Theo độ tuổi', { 'Dưới 30 tuổi': 9, 'Từ 30 đến 45 tuổi': 21 }),
    breakdown('Theo dân tộc', { Kinh: 24, 'Xơ Đăng': 6 }),
    breakdown('Theo tình trạng đảng viên', { 'Đảng viên dự bị': 27, 'Quần chúng': 3 }),
    breakdown('Theo kết quả học tập', { Giỏi: 8, Khá: 19, 'Không đủ điều kiện công nhận': 3 }),
  ],
};

describeDocxAgainstPdf('Word documents, opened by LibreOffice Writer', {
  'opening-decision': { html: buildOpeningDecisionHtml(decision), model: openingDecisionModel(decision) },
  'learner-list': { html: buildLearnerListHtml(list), model: learnerListModel(list) },
  'results-decision': { html: buildResultsDecisionHtml(results), model: resultsDecisionModel(results) },
  timetable: { html: buildTimetableHtml(timetable), model: timetableModel(timetable) },
  'attendance-day': { html: buildAttendanceSheetHtml(attendance), model: attendanceModel(attendance) },
  'attendance-week': { html: buildAttendanceSheetHtml(attendanceWeek), model: attendanceModel(attendanceWeek) },
  'score-sheet': { html: buildScoreSheetHtml(scores), model: scoreSheetModel(scores) },
  'score-sheet-portrait': { html: buildScoreSheetHtml(scoresOne), model: scoreSheetModel(scoresOne) },
  'class-summary': { html: buildClassSummaryHtml(summary), model: classSummaryModel(summary), minWords: 100 },
});

describe('documents.docx', () => {
  it('saves every class document as Word, named as its PDF, and refuses what the PDF refuses', async () => {
    const core = await startCore();
    const c = await smallClass(core);
    const prefix = {
      timetable: 'lich-hoc',
      openingDecision: 'quyet-dinh-mo-lop',
      learnerList: 'danh-sach-hoc-vien',
      attendanceDay: 'so-diem-danh',
      attendanceWeek: 'so-diem-danh',
      scoreSheet: 'bang-diem',
      classSummary: 'tong-hop-ket-qua',
    };
    for (const kind of DOCUMENT_KINDS.filter((k) => k !== 'resultsDecision')) {
      const word = await ok(core, 'documents.docx', { kind, classId: c.id });
      expect(word.fileName).toBe(`${prefix[kind]}-lop-boi-duong-nhan-thuc-ve-dang-khoa-i-nam-2026.docx`);
      const xml = await (await JSZip.loadAsync(Buffer.from(word.dataBase64, 'base64'))).file('word/document.xml')!.async('string');
      const expected = kind === 'timetable' ? 'LỊCH HỌC' : kind === 'classSummary' ? 'Tổng số học viên: 1' : 'Trần Văn An';
      expect([kind, xml.includes(expected)]).toEqual([kind, true]);
    }
    const refused = await invoke(core, 'documents.docx', { kind: 'resultsDecision', classId: c.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_RECOGNISED' } });
  }, 60_000);
});
