import { ATTENDANCE_LABELS } from '../../../shared/contract/attendance';
import type { AttendanceMark } from '../../../shared/domain/eligibility';
import { formatDate } from '../../../shared/domain/format';
import { HALF_LABELS } from '../../../shared/domain/days';
import { PARTY_STATUS_LABELS, SEX_LABELS } from '../../../shared/domain/learner-fields';
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

const stt = <T>(): SheetColumn<T> => ({ header: 'STT', width: 6, value: (_r, i) => i + 1 });

async function oneSheet<T>(
  prefix: string,
  className: string,
  sheet: string,
  columns: SheetColumn<T>[],
  rows: readonly T[],
): Promise<XlsxFile> {
  const wb = newWorkbook();
  addTableSheet(wb, sheet, columns, rows);
  return { fileName: fileName(prefix, className), dataBase64: await workbookToBase64(wb), rowCount: rows.length };
}

type Learner = LearnerListDoc['learners'][number];

export function learnerListXlsx(doc: Pick<LearnerListDoc, 'className' | 'learners'>): Promise<XlsxFile> {
  return oneSheet<Learner>(
    'danh-sach-hoc-vien',
    doc.className,
    'Danh sách học viên',
    [
      stt(),
      { header: 'Họ và tên', width: 26, value: (l) => l.fullName },
      { header: 'Giới tính', width: 9, value: (l) => (l.sex ? SEX_LABELS[l.sex] : null) },
      { header: 'Ngày sinh', width: 12, value: (l) => excelDate(l.birthDate), format: DATE },
      { header: 'Dân tộc', width: 11, value: (l) => l.ethnicityName },
      { header: 'Chức vụ', width: 20, value: (l) => l.position || null },
      { header: 'Chi bộ, đơn vị', width: 28, value: (l) => l.unitName },
      { header: 'Đảng viên', width: 20, value: (l) => (l.partyStatus ? PARTY_STATUS_LABELS[l.partyStatus] : null) },
    ],
    doc.learners,
  );
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
  return oneSheet<ScoreRow>(
    'bang-diem',
    doc.className,
    'Bảng điểm',
    [
      stt(),
      { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
      ...scoreColumns,
      { header: 'Điểm tổng kết', width: 12, value: (r) => tenthsToNumber(r.finalTenths), format: SCORE },
      { header: 'Xếp loại', width: 12, value: (r) => r.classification },
      { header: 'Số buổi vắng', width: 10, value: (r) => r.absent },
      { header: 'Số buổi học', width: 10, value: (r) => r.sessions },
      { header: 'Kết quả', width: 20, value: (r) => ELIGIBILITY_LABELS[r.eligible] },
      { header: 'Ghi chú', width: 40, value: (r) => (r.eligible === 'eligible' ? null : r.reasons.join('; ') || null) },
    ],
    doc.rows,
  );
}

type Recognised = ResultsDecisionDoc['recognised'][number];

export function resultsListXlsx(doc: Pick<ResultsDecisionDoc, 'className' | 'recognised'>): Promise<XlsxFile> {
  return oneSheet<Recognised>(
    'cong-nhan-ket-qua',
    doc.className,
    'Công nhận kết quả',
    [
      stt(),
      { header: 'Họ và tên', width: 26, value: (l) => l.fullName },
      { header: 'Giới tính', width: 9, value: (l) => (l.sex ? SEX_LABELS[l.sex] : null) },
      { header: 'Ngày sinh', width: 12, value: (l) => excelDate(l.birthDate), format: DATE },
      { header: 'Chi bộ, đơn vị', width: 28, value: (l) => l.unitName },
      { header: 'Điểm', width: 8, value: (l) => tenthsToNumber(l.finalTenths), format: SCORE },
      { header: 'Xếp loại', width: 12, value: (l) => l.classification },
    ],
    doc.recognised,
  );
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
    'Điểm danh',
    [
      stt(),
      { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
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
  return { fileName: fileName('diem-danh', doc.className), dataBase64: await workbookToBase64(wb), rowCount: doc.rows.length };
}
