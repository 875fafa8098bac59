import { Alert, AlertTitle, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Figures, Report } from '../../../../shared/contract/reports';
import { formatNumber } from '../../../../shared/domain/format';
import {
  classificationBaseText,
  gradedCount,
  shareText,
  UNITS_NOTE,
  type BreakdownColumn,
} from '../../../../shared/domain/report-breakdown';
import {
  breakdownTables,
  lecturerColumns,
  overviewColumns,
  placeColumns,
  type BreakdownTable,
  type ProgramFigures,
} from '../../../../shared/domain/report-tables';
import { SimpleTable, type Column as SimpleColumn } from '../../components/SimpleTable';
import { CountShare, Note, NumTable, Section, type Column } from './NumTable';

const n = (v: number) => formatNumber(v);

/** A program's figures for one period: the current one, or the previous one under it in grey. */
type PeriodRow = { name: string; f: Figures; kind: 'sub' | 'total' | undefined; main: boolean };

function withPrevious(rows: ProgramFigures[], total: ProgramFigures, previousLabel: string): PeriodRow[] {
  return [...rows, total].flatMap((r) => {
    const isTotal = r === total;
    return [
      { name: r.name, f: r.current, kind: isTotal ? ('total' as const) : undefined, main: true },
      { name: previousLabel, f: r.previous, kind: 'sub' as const, main: false },
    ];
  });
}

/** A breakdown column on screen: the count with its share of the column's base. */
function breakdown(c: BreakdownColumn): Column<PeriodRow> {
  return {
    group: c.group,
    header: c.header,
    cell: (r) => {
      const base = c.base(r.f);
      return <CountShare count={n(c.count(r.f))} share={base > 0 ? shareText(c.count(r.f), base) : null} />;
    },
  };
}

/** The tables in the order of the printed report; the charts come right after the first one. */
export function ReportTables({ report, charts }: { report: Report; charts: ReactNode }) {
  const total: ProgramFigures = { name: 'Cộng', ...report.total };
  const periodName: Column<PeriodRow> = { header: 'Chương trình', cell: (r) => (r.main ? r.name : `\u2003${r.name}`), align: 'left' };
  const breakdownTable = (label: string, { first, columns, programs }: BreakdownTable) => (
    <NumTable
      label={label}
      rows={withPrevious(programs, total, report.previous.label)}
      kind={(r) => r.kind}
      columns={[periodName, { header: first.header, cell: (r) => n(first.value(r.f)) }, ...columns.map(breakdown)]}
    />
  );
  const breakdowns = breakdownTables(report);
  return (
    <>
      <Section title={`Kết quả chung — ${report.period.label}`}>
        <NumTable label="Kết quả chung" rows={report.programs} total={total} columns={overviewColumns(report)} />
        <Note>{UNITS_NOTE}</Note>
        {report.pendingClasses > 0 && (
          <Note>
            Chưa tính {n(report.pendingClasses)} lớp dự kiến chưa có quyết định mở lớp (lớp được tính khi có quyết định mở lớp, như ở màn
            hình Kế hoạch).
          </Note>
        )}
      </Section>
      {charts}
      <Section title="Thành phần học viên — giới tính, dân tộc, đảng viên (lượt, tỉ lệ trên lượt học viên)">
        {breakdownTable('Thành phần học viên', breakdowns.people)}
      </Section>
      <Section title="Thành phần học viên — độ tuổi (lượt, tỉ lệ trên lượt học viên)">
        {breakdownTable('Độ tuổi học viên', breakdowns.ages)}
      </Section>
      {breakdowns.classification && (
        <Section title="Kết quả học tập (xếp loại của người hoàn thành)">
          {breakdownTable('Xếp loại', breakdowns.classification)}
          <Note>{classificationBaseText(report.total.current)}</Note>
          {gradedCount(report.total.current) === 0 && <Note>Trong kỳ chưa có học viên hoàn thành chương trình có xếp loại.</Note>}
        </Section>
      )}
      <Section title="Theo xã, phường (lượt học viên)">
        <NumTable label="Theo xã, phường" rows={report.communes} columns={placeColumns(report, 'Xã, phường')} />
      </Section>
      <Section title="Theo tổ chức cơ sở đảng (lượt học viên)">
        <NumTable label="Theo tổ chức cơ sở đảng" rows={report.baseOrgs} columns={placeColumns(report, 'Tổ chức cơ sở đảng')} />
      </Section>
      <Section title="Giờ giảng so với định mức">
        {report.lecturers.length === 0 ? (
          <Typography color="text.secondary">Không có buổi giảng nào được phân công trong kỳ.</Typography>
        ) : (
          <NumTable label="Giờ giảng" rows={report.lecturers} columns={lecturerColumns(report)} />
        )}
      </Section>
    </>
  );
}

type Amendment = Report['amendments'][number];
const AMENDMENT_COLUMNS: SimpleColumn<Amendment>[] = [
  { label: 'Năm', render: (a) => a.year },
  { label: 'Chương trình', render: (a) => a.program },
  { label: 'Chỉ tiêu', render: (a) => a.figure },
  { label: 'Đã báo cáo', align: 'right', render: (a) => n(a.before) },
  { label: 'Nay là', align: 'right', render: (a) => n(a.after) },
  { label: 'Lý do', render: (a) => a.reasons.join('; ') || 'Không ghi lý do' },
];

export function Amendments({ report }: { report: Report }) {
  if (report.amendments.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>Điều chỉnh số liệu các năm đã khóa sổ</AlertTitle>
      <SimpleTable
        aria-label="Điều chỉnh số liệu"
        columns={AMENDMENT_COLUMNS}
        rows={report.amendments}
        // A program may change several figures in a year, and two programs may share a name: the place in the list is the key.
        rowKey={(a) => report.amendments.indexOf(a)}
        sx={{ '& td, & th': { borderColor: 'warning.light', px: 1 } }}
      />
    </Alert>
  );
}
