import { ATTENDANCE_LABELS } from '../../../shared/contract/attendance';
import type { SPREADSHEET_KINDS } from '../../../shared/contract/documents';
import type { AttendanceMark } from '../../../shared/domain/eligibility';
import { formatDate } from '../../../shared/domain/format';
import { HALF_LABELS } from '../../../shared/domain/days';
import { PARTY_STATUS_LABELS, SEX_LABELS, type Sex } from '../../../shared/domain/learner-fields';
import { foldText } from '../../../shared/domain/text';
import type { AttendanceSession } from '../documents/attendance-sheet';
import type { LearnerListDoc, ResultsDecisionDoc, ScoreRow, ScoreSheetDoc } from '../documents/class-lists';
import { addTableSheet, excelDate, newWorkbook, workbookToBase64, type SheetColumn } from './xlsx-write';

/**
 * The class lists as workbooks, for clerks who keep working in Excel: one typed row per learner
 * (dates as dates, scores as numbers), unlike the printouts, which are laid out for paper.
 */

export interface XlsxFile {
  fileName: string;
  dataBase64: string;
  rowCount: number;
}

const DATE = 'dd/mm/yyyy';
const SCORE = '0.0';

/** ASCII, so the name survives every file system and e-mail client; long class names are cut at a word. */
function fileName(prefix: string, className: string): string {
  const full = foldText(className)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const slug = full.length <= 80 ? full : full.slice(0, 80).replace(/-[^-]*$/, '');
  return `${prefix}${slug ? `-${slug}` : ''}.xlsx`;
}

const tenthsToNumber = (tenths: number | null | undefined): number | null => (tenths === null || tenths === undefined ? null : tenths / 10);

/** Every list opens with the row number and the learner's name. */
const numberedNames = <T extends { fullName: string }>(): SheetColumn<T>[] => [
  { header: 'STT', width: 6, value: (_r, i) => i + 1 },
  { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
];

/** The person as the lists that name them identify them: sex and birth date. */
const sexAndBirth = <T extends { sex: Sex | null; birthDate: string | null }>(): SheetColumn<T>[] => [
  { header: 'Giới tính', width: 9, value: (l) => (l.sex ? SEX_LABELS[l.sex] : null) },
  { header: 'Ngày sinh', width: 12, value: (l) => excelDate(l.birthDate), format: DATE },
];

const unitColumn = <T extends { unitName: string | null }>(): SheetColumn<T> => ({
  header: 'Chi bộ, đơn vị',
  width: 28,
  value: (l) => l.unitName,
});

/** Each list's file name (before the class's) and sheet name. */
const SHEETS: Record<(typeof SPREADSHEET_KINDS)[number], { prefix: string; sheet: string }> = {
  learnerList: { prefix: 'danh-sach-hoc-vien', sheet: 'Danh sách học viên' },
  attendance: { prefix: 'diem-danh', sheet: 'Điểm danh' },
  scoreSheet: { prefix: 'bang-diem', sheet: 'Bảng điểm' },
  resultsList: { prefix: 'cong-nhan-ket-qua', sheet: 'Công nhận kết quả' },
};

/** A list on one sheet: the row number and the learner's name, then `columns`. */
async function oneSheet<T extends { fullName: string }>(
  kind: keyof typeof SHEETS,
  className: string,
  rows: readonly T[],
  columns: SheetColumn<T>[],
): Promise<XlsxFile> {
  const wb = newWorkbook();
  addTableSheet(wb, SHEETS[kind].sheet, [...numberedNames<T>(), ...columns], rows);
  return { fileName: fileName(SHEETS[kind].prefix, className), dataBase64: await workbookToBase64(wb), rowCount: rows.length };
}

type Learner = LearnerListDoc['learners'][number];

export function learnerListXlsx(doc: Pick<LearnerListDoc, 'className' | 'learners'>): Promise<XlsxFile> {
  return oneSheet<Learner>('learnerList', doc.className, doc.learners, [
    ...sexAndBirth(),
    { header: 'Dân tộc', width: 11, value: (l) => l.ethnicityName },
    { header: 'Chức vụ', width: 20, value: (l) => l.position || null },
    unitColumn(),
    { header: 'Đảng viên', width: 20, value: (l) => (l.partyStatus ? PARTY_STATUS_LABELS[l.partyStatus] : null) },
  ]);
}

const ELIGIBILITY_LABELS: Record<ScoreRow['eligible'], string> = {
  eligible: 'Đủ điều kiện',
  not_eligible: 'Không đủ điều kiện',
  incomplete: 'Chưa đủ điểm, điểm danh',
};

export function scoreSheetXlsx(doc: Pick<ScoreSheetDoc, 'className' | 'components' | 'rows'>): Promise<XlsxFile> {
  // First attempt and re-assessment in columns of their own, so both stay numbers Excel can sum.
  const scoreColumns = doc.components.flatMap((c, k): SheetColumn<ScoreRow>[] => [
    { header: c.name, width: 12, value: (r) => tenthsToNumber(r.scores[k]?.first), format: SCORE },
    { header: `${c.name} (lần 2)`, width: 12, value: (r) => tenthsToNumber(r.scores[k]?.retake), format: SCORE },
  ]);
  return oneSheet<ScoreRow>('scoreSheet', doc.className, doc.rows, [
    ...scoreColumns,
    { header: 'Điểm tổng kết', width: 12, value: (r) => tenthsToNumber(r.finalTenths), format: SCORE },
    { header: 'Xếp loại', width: 12, value: (r) => r.classification },
    { header: 'Số buổi vắng', width: 10, value: (r) => r.absent },
    { header: 'Số buổi học', width: 10, value: (r) => r.sessions },
    { header: 'Kết quả', width: 20, value: (r) => ELIGIBILITY_LABELS[r.eligible] },
    { header: 'Ghi chú', width: 40, value: (r) => (r.eligible === 'eligible' ? null : r.reasons.join('; ') || null) },
  ]);
}

type Recognised = ResultsDecisionDoc['recognised'][number];

export function resultsListXlsx(doc: Pick<ResultsDecisionDoc, 'className' | 'recognised'>): Promise<XlsxFile> {
  return oneSheet<Recognised>('resultsList', doc.className, doc.recognised, [
    ...sexAndBirth(),
    unitColumn(),
    { header: 'Điểm', width: 8, value: (l) => tenthsToNumber(l.finalTenths), format: SCORE },
    { header: 'Xếp loại', width: 12, value: (l) => l.classification },
  ]);
}

export interface AttendanceXlsxRow {
  fullName: string;
  /** One mark per session, in the order of `sessions`. */
  marks: (AttendanceMark | null)[];
  absent: number;
}

export interface AttendanceXlsxDoc {
  className: string;
  sessions: AttendanceSession[];
  rows: AttendanceXlsxRow[];
}

// The letters clerks already write on paper registers: x for present, P (phép) and K (không phép).
const MARK_LETTERS: Record<AttendanceMark, string> = { present: 'x', excused: 'P', unexcused: 'K' };

export async function attendanceXlsx(doc: AttendanceXlsxDoc): Promise<XlsxFile> {
  const wb = newWorkbook();
  addTableSheet<AttendanceXlsxRow>(
    wb,
    SHEETS.attendance.sheet,
    [
      ...numberedNames(),
      ...doc.sessions.map((s, k): SheetColumn<AttendanceXlsxRow> => ({
        header: `${formatDate(s.date)} ${HALF_LABELS[s.half]}`,
        width: 11,
        value: (r) => {
          const m = r.marks[k];
          return m ? MARK_LETTERS[m] : null;
        },
      })),
      { header: 'Số buổi vắng', width: 10, value: (r) => r.absent },
    ],
    doc.rows,
  );
  // The letters mean nothing to a reader who did not make them: the key sits on its own sheet.
  const legend = (Object.keys(MARK_LETTERS) as AttendanceMark[]).map((m) => ({ letter: MARK_LETTERS[m], meaning: ATTENDANCE_LABELS[m] }));
  addTableSheet(
    wb,
    'Ký hiệu',
    [
      { header: 'Ký hiệu', width: 10, value: (r) => r.letter },
      { header: 'Ý nghĩa', width: 22, value: (r) => r.meaning },
    ],
    legend,
  );
  return { fileName: fileName(SHEETS.attendance.prefix, doc.className), dataBase64: await workbookToBase64(wb), rowCount: doc.rows.length };
}
