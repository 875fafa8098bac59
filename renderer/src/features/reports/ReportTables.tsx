import { Alert, AlertTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Figures, Report } from '../../../../shared/contract/reports';
import { formatNumber, formatPercent } from '../../../../shared/domain/format';
import { programShortName } from '../../../../shared/domain/program-label';
import {
  classificationBaseText,
  classificationColumns,
  compositionColumns,
  gradedCount,
  shareText,
  UNITS_NOTE,
  type BreakdownColumn,
} from '../../../../shared/domain/report-breakdown';
import { CountShare, Note, NumTable, Section, type Column } from './NumTable';

const n = (v: number) => formatNumber(v);

type ProgramRow = { name: string; current: Figures; previous: Figures };
/** A program's figures for one period: the current one, or the previous one under it in grey. */
type PeriodRow = { name: string; f: Figures; kind: 'sub' | 'total' | undefined; main: boolean };

function withPrevious(rows: ProgramRow[], total: ProgramRow, previousLabel: string): PeriodRow[] {
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
  const rows: ProgramRow[] = report.programs;
  const total: ProgramRow = { name: 'Cộng', ...report.total };
  const prev = report.previous.label;
  const name: Column<ProgramRow> = { header: 'Chương trình', cell: (r) => r.name, align: 'left' };
  const periodRows = withPrevious(rows, total, prev);
  // Only programs that grade have a row in the classification table, so its total is theirs alone.
  const gradedRows = withPrevious(
    rows.filter((r) => gradedCount(r.current) + gradedCount(r.previous) > 0),
    total,
    prev,
  );
  type Place = { name: string; current: number; previous: number; byProgram: Record<string, number> };
  const placeColumns = (title: string): Column<Place>[] => [
    { header: title, cell: (r) => r.name, align: 'left' },
    ...report.programs.map((p): Column<Place> => ({
      group: 'Lượt học viên theo chương trình',
      header: programShortName(p.name),
      cell: (r) => n(r.byProgram[String(p.programId)] ?? 0),
    })),
    { header: `Cộng ${report.period.label}`, cell: (r) => n(r.current) },
    { header: prev, cell: (r) => n(r.previous) },
  ];
  const periodName: Column<PeriodRow> = { header: 'Chương trình', cell: (r) => (r.main ? r.name : `\u2003${r.name}`), align: 'left' };
  const enrolled: Column<PeriodRow> = { header: 'Lượt học viên', cell: (r) => n(r.f.enrollments) };
  const composition = compositionColumns(report.ageBands).map(breakdown);
  const ageStart = composition.findIndex((c) => c.group === 'Độ tuổi');
  const graded = gradedCount(report.total.current);
  return (
    <>
      <Section title={`Kết quả chung — ${report.period.label}`}>
        <NumTable
          label="Kết quả chung"
          rows={rows}
          total={total}
          columns={[
            name,
            { group: 'Số lớp', header: 'Kế hoạch', cell: (r) => n(r.current.planned) },
            { group: 'Số lớp', header: 'Đã mở', cell: (r) => n(r.current.opened) },
            {
              group: 'Số lớp',
              header: '% kế hoạch',
              cell: (r) => (r.current.planned > 0 ? formatPercent(r.current.opened / r.current.planned, 2) : '—'),
            },
            { group: 'Lượt học viên', header: 'Học', cell: (r) => n(r.current.enrollments) },
            { group: 'Lượt học viên', header: 'Hoàn thành', cell: (r) => n(r.current.completed) },
            { group: 'Lượt học viên', header: 'Cấp GCN', cell: (r) => n(r.current.certified) },
            { header: 'Số người', cell: (r) => n(r.current.people) },
            { group: prev, header: 'Lớp mở', cell: (r) => n(r.previous.opened) },
            { group: prev, header: 'Lượt học viên', cell: (r) => n(r.previous.enrollments) },
          ]}
        />
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
        <NumTable
          label="Thành phần học viên"
          rows={periodRows}
          kind={(r) => r.kind}
          columns={[periodName, enrolled, ...composition.slice(0, ageStart)]}
        />
      </Section>
      <Section title="Thành phần học viên — độ tuổi (lượt, tỉ lệ trên lượt học viên)">
        <NumTable
          label="Độ tuổi học viên"
          rows={periodRows}
          kind={(r) => r.kind}
          columns={[periodName, enrolled, ...composition.slice(ageStart)]}
        />
      </Section>
      {report.classificationLabels.length > 0 && (
        <Section title="Kết quả học tập (xếp loại của người hoàn thành)">
          <NumTable
            label="Xếp loại"
            rows={gradedRows}
            kind={(r) => r.kind}
            columns={[
              periodName,
              { header: 'Hoàn thành có xếp loại', cell: (r) => n(gradedCount(r.f)) },
              ...classificationColumns(report.classificationLabels).map(breakdown),
            ]}
          />
          <Note>{classificationBaseText(report.total.current)}</Note>
          {graded === 0 && <Note>Trong kỳ chưa có học viên hoàn thành chương trình có xếp loại.</Note>}
        </Section>
      )}
      <Section title="Theo xã, phường (lượt học viên)">
        <NumTable label="Theo xã, phường" rows={report.communes} columns={placeColumns('Xã, phường')} />
      </Section>
      <Section title="Theo tổ chức cơ sở đảng (lượt học viên)">
        <NumTable label="Theo tổ chức cơ sở đảng" rows={report.baseOrgs} columns={placeColumns('Tổ chức cơ sở đảng')} />
      </Section>
      <Section title="Giờ giảng so với định mức">
        {report.lecturers.length === 0 ? (
          <Typography color="text.secondary">Không có buổi giảng nào được phân công trong kỳ.</Typography>
        ) : (
          <NumTable
            label="Giờ giảng"
            rows={report.lecturers}
            columns={[
              { header: 'Giảng viên', cell: (l) => l.name, align: 'left' },
              { header: 'Số tiết', cell: (l) => n(l.periods) },
              { header: 'Định mức', cell: (l) => (l.norm === null ? '—' : n(l.norm)) },
              { header: '% định mức', cell: (l) => (l.percent === null ? '—' : formatPercent(l.percent / 100, 1)) },
              { header: `Số tiết ${prev}`, cell: (l) => n(l.previousPeriods) },
            ]}
          />
        )}
      </Section>
    </>
  );
}

export function Amendments({ report }: { report: Report }) {
  if (report.amendments.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>Điều chỉnh số liệu các năm đã khóa sổ</AlertTitle>
      <Table size="small" aria-label="Điều chỉnh số liệu" sx={{ '& td, & th': { borderColor: 'warning.light', px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>Năm</TableCell>
            <TableCell>Chương trình</TableCell>
            <TableCell>Chỉ tiêu</TableCell>
            <TableCell align="right">Đã báo cáo</TableCell>
            <TableCell align="right">Nay là</TableCell>
            <TableCell>Lý do</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.amendments.map((a, i) => (
            <TableRow key={i}>
              <TableCell>{a.year}</TableCell>
              <TableCell>{a.program}</TableCell>
              <TableCell>{a.figure}</TableCell>
              <TableCell align="right">{n(a.before)}</TableCell>
              <TableCell align="right">{n(a.after)}</TableCell>
              <TableCell>{a.reasons.join('; ') || 'Không ghi lý do'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Alert>
  );
}
