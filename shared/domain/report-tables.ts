import type { Figures, Report } from '../contract/reports';
import { formatNumber, formatPercent } from './format';
import { programShortName } from './program-label';
import { classificationColumns, compositionColumns, gradedCount, type BreakdownColumn } from './report-breakdown';

/**
 * The yearly report's plain tables — overview, places, lecturers — defined once for the screen and the
 * printed report (PDF and Word), so both head and fill them alike, and which tables of breakdowns (columns
 * in report-breakdown.ts) the report has. The workbook keeps numbers as numbers and has columns of its own.
 */

export interface TextColumn<T> {
  header: string;
  /** Columns side by side with the same group share one heading above theirs. */
  group?: string;
  /** A name reads from the left; a figure from the right. */
  align?: 'left';
  /** Percent of the printed line. */
  width: number;
  cell: (row: T) => string;
}

/** A program's figures, or the total's (named «Cộng»), for the period and the one before. */
export type ProgramFigures = { name: string; current: Figures; previous: Figures };
export type PlaceFigures = Report['communes'][number] | Report['baseOrgs'][number];
export type LecturerFigures = Report['lecturers'][number];

const n = (v: number) => formatNumber(v);

/** A width shared out among several columns, rounded to what a printed line can show. */
export const pct = (value: number) => Number(value.toFixed(2));

/** «Kết quả chung»: classes planned and opened, enrolments, people; the previous period's beside them. */
export function overviewColumns(report: Report): TextColumn<ProgramFigures>[] {
  const prev = report.previous.label;
  return [
    { header: 'Chương trình', align: 'left', width: 27, cell: (r) => r.name },
    { group: 'Số lớp', header: 'Kế hoạch', width: 7, cell: (r) => n(r.current.planned) },
    { group: 'Số lớp', header: 'Đã mở', width: 7, cell: (r) => n(r.current.opened) },
    {
      group: 'Số lớp',
      header: '% kế hoạch',
      width: 8.5,
      cell: (r) => (r.current.planned > 0 ? formatPercent(r.current.opened / r.current.planned, 2) : '—'),
    },
    { group: 'Lượt học viên', header: 'Học', width: 7.5, cell: (r) => n(r.current.enrollments) },
    { group: 'Lượt học viên', header: 'Hoàn thành', width: 8.5, cell: (r) => n(r.current.completed) },
    { group: 'Lượt học viên', header: 'Cấp GCN', width: 7.5, cell: (r) => n(r.current.certified) },
    { header: 'Số người', width: 8, cell: (r) => n(r.current.people) },
    { group: prev, header: 'Lớp mở', width: 8, cell: (r) => n(r.previous.opened) },
    { group: prev, header: 'Lượt học viên', width: 11, cell: (r) => n(r.previous.enrollments) },
  ];
}

/** Enrolments by place: per program (by its short name) for the period, then the period's total and the previous one's. */
export function placeColumns(report: Report, title: string): TextColumn<PlaceFigures>[] {
  return [
    { header: title, align: 'left', width: 26, cell: (r) => r.name },
    ...report.programs.map((p): TextColumn<PlaceFigures> => ({
      group: 'Lượt học viên theo chương trình',
      header: programShortName(p.name),
      width: pct(56 / report.programs.length),
      cell: (r) => n(r.byProgram[String(p.programId)] ?? 0),
    })),
    { header: `Cộng ${report.period.label}`, width: 9, cell: (r) => n(r.current) },
    { header: report.previous.label, width: 9, cell: (r) => n(r.previous) },
  ];
}

/** Each lecturer's periods taught against the norm, and the previous period's. */
export function lecturerColumns(report: Report): TextColumn<LecturerFigures>[] {
  return [
    { header: 'Giảng viên', align: 'left', width: 40, cell: (l) => l.name },
    { header: 'Số tiết', width: 15, cell: (l) => n(l.periods) },
    { header: 'Định mức', width: 15, cell: (l) => (l.norm === null ? '—' : n(l.norm)) },
    { header: '% định mức', width: 15, cell: (l) => (l.percent === null ? '—' : formatPercent(l.percent / 100, 1)) },
    { header: `Số tiết ${report.previous.label}`, width: 15, cell: (l) => n(l.previousPeriods) },
  ];
}

/** A table of breakdowns: first a count without a share (what the shares are of), then the breakdowns, a row per program. */
export interface BreakdownTable {
  first: { header: string; value: (f: Figures) => number };
  columns: BreakdownColumn[];
  programs: ProgramFigures[];
}

/**
 * The composition's two tables of enrolments — sex, ethnicity and Party membership in the first, the age
 * bands in the second — and the classification's of graded completions, none when no program grades.
 */
export function breakdownTables(report: Report): { people: BreakdownTable; ages: BreakdownTable; classification: BreakdownTable | null } {
  const composition = compositionColumns(report.ageBands);
  const ageStart = composition.findIndex((c) => c.group === 'Độ tuổi');
  const enrolled = { header: 'Lượt học viên', value: (f: Figures) => f.enrollments };
  return {
    people: { first: enrolled, columns: composition.slice(0, ageStart), programs: report.programs },
    ages: { first: enrolled, columns: composition.slice(ageStart), programs: report.programs },
    classification:
      report.classificationLabels.length > 0
        ? {
            first: { header: 'Hoàn thành có xếp loại', value: gradedCount },
            columns: classificationColumns(report.classificationLabels),
            // Only programs that grade have a row, so the table's total is theirs alone.
            programs: report.programs.filter((p) => gradedCount(p.current) + gradedCount(p.previous) > 0),
          }
        : null,
  };
}
