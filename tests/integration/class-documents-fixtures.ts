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
import { evaluate, type AttendanceMark, type Scheme } from '../../shared/domain/eligibility';
import { DEFAULT_BANDS } from '../../shared/domain/grading';
import { TRICKY, communeBody as body } from '../fixtures/document-fixtures';

/** The class of the list tests and its printable documents, shared by class-documents*.test.ts. */

export const CLASS = 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026';
export const PROGRAM = 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới';

export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Huỳnh'];
export const MIDDLE_F = ['Thị Thu', 'Thị Ngọc', 'Thị', 'Thị Kim'];
export const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang'];
export const GIVEN = ['Hằng', 'Dũng', 'Ánh', 'Phước', 'Tuyết', 'Khải', 'Ưng', 'Ơn', 'Yến', 'Lộc', 'Đạt', 'Thủy', 'Nga', 'Sơn'];
export const UNITS = ['Chi bộ thôn 1', 'Chi bộ thôn Kon Trang', 'Chi bộ Trường THCS Lê Lợi', 'Chi bộ Công an xã', 'Chi bộ Quân sự xã'];
export const POSITIONS = ['Đoàn viên', 'Bí thư chi đoàn', 'Giáo viên', 'Chiến sĩ', 'Trưởng thôn'];

/** 30 learners: 22 Kinh and 8 Xơ Đăng (8/30 = 26,7%), mostly probationary members. */
export function makeLearners(): ListLearner[] {
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
export const learners = makeLearners();

export const TOPICS = [
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
export const DAYS = ['2026-01-22', '2026-01-23', '2026-01-26', '2026-01-27', '2026-01-28'];
export const sessions: AttendanceSession[] = DAYS.flatMap((date, d) =>
  (['sang', 'chieu'] as const).map((half, h) => ({ id: d * 2 + h + 1, date, half, title: TOPICS[d * 2 + h]! })),
);

export const scheme: Scheme = {
  components: [
    { name: 'Bài kiểm tra', weight: 30 },
    { name: 'Bài thu hoạch', weight: 70 },
  ],
  bands: DEFAULT_BANDS,
  maxAbsencePct: 20,
  maxRetakes: 1,
};

/** Learners 5 and 12 miss three of ten sessions (over 20%); learner 7 re-sits the essay (4,0 then 6,5). */
export function recordOf(i: number): { marks: AttendanceMark[]; scores: { first: number | null; retake: number | null }[] } {
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
export const records = learners.map((_, i) => recordOf(i));
export const results = records.map((r) => evaluate(scheme, { ...r, discipline: false }));

export const learnerList: LearnerListDoc = { body, date: '2026-01-20', className: CLASS, learners };

export const attendanceDay: AttendanceSheetDoc = {
  body,
  className: CLASS,
  layout: 'day',
  sessions,
  learners: learners.map((l) => ({ fullName: l.fullName, unitName: l.unitName })),
};
export const attendanceWeek: AttendanceSheetDoc = { ...attendanceDay, layout: 'week' };
/** A class of 15 fits one sheet a day. */
export const attendanceSmall: AttendanceSheetDoc = { ...attendanceDay, learners: attendanceDay.learners.slice(0, 15) };

export const scoreSheet: ScoreSheetDoc = {
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

export const recognised = learners
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

export const resultsDecision: ResultsDecisionDoc = {
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

export function countBy<T>(items: T[], key: (t: T) => string): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(key(it), (counts.get(key(it)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}

export const summary: ClassSummaryDoc = {
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

export function time<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

export const built = time(() => ({
  'learner-list': buildLearnerListHtml(learnerList),
  'attendance-day': buildAttendanceSheetHtml(attendanceDay),
  'attendance-week': buildAttendanceSheetHtml(attendanceWeek),
  'attendance-small': buildAttendanceSheetHtml(attendanceSmall),
  'score-sheet': buildScoreSheetHtml(scoreSheet),
  'results-decision': buildResultsDecisionHtml(resultsDecision),
  'class-summary': buildClassSummaryHtml(summary),
}));
export const docs = built.value;
export type DocName = keyof typeof docs;
