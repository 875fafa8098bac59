import { Alert, AlertTitle, Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Figures, Report } from '../../../../shared/contract/reports';
import { formatNumber, formatPercent } from '../../../../shared/domain/format';

const n = (v: number) => formatNumber(v);
const pct = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole, 2) : '—');

interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

function NumTable<T>({ label, columns, rows, total, kind }: { label: string; columns: Column<T>[]; rows: T[]; total?: T; kind?: (row: T) => 'sub' | 'total' | undefined }) {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label} sx={{ '& th': { fontWeight: 600, lineHeight: 1.2, verticalAlign: 'bottom' }, '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.header} align={c.align ?? 'right'}>{c.header}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow
              key={i}
              sx={
                kind?.(r) === 'sub'
                  ? { '& td': { color: 'text.secondary', fontStyle: 'italic', pt: 0 } }
                  : kind?.(r) === 'total'
                    ? { '& td': { fontWeight: 700 } }
                    : kind
                      ? { '& td': { borderBottom: 0 } }
                      : undefined
              }
            >
              {columns.map((c) => (
                <TableCell key={c.header} align={c.align ?? 'right'}>{c.cell(r)}</TableCell>
              ))}
            </TableRow>
          ))}
          {total && (
            <TableRow sx={{ '& td': { fontWeight: 700 } }}>
              {columns.map((c) => (
                <TableCell key={c.header} align={c.align ?? 'right'}>{c.cell(total)}</TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Box>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>{title}</Typography>
      {children}
    </Paper>
  );
}

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

/** The tables in the order of the printed report; the charts come right after the first one. */
export function ReportTables({ report, charts }: { report: Report; charts: ReactNode }) {
  const rows: ProgramRow[] = report.programs;
  const total: ProgramRow = { name: 'Cộng', ...report.total };
  const prev = report.previous.label;
  const name: Column<ProgramRow> = { header: 'Chương trình', cell: (r) => r.name, align: 'left' };
  const periodRows = withPrevious(rows, total, prev);
  type Place = { name: string; current: number; previous: number; byProgram: Record<string, number> };
  const placeColumns = (title: string): Column<Place>[] => [
    { header: title, cell: (r) => r.name, align: 'left' },
    ...report.programs.map((p): Column<Place> => ({ header: p.code, cell: (r) => n(r.byProgram[String(p.programId)] ?? 0) })),
    { header: `Cộng ${report.period.label}`, cell: (r) => n(r.current) },
    { header: prev, cell: (r) => n(r.previous) },
  ];
  const periodName: Column<PeriodRow> = { header: 'Chương trình', cell: (r) => (r.main ? r.name : `\u2003${r.name}`), align: 'left' };
  return (
    <>
      <Section title={`Kết quả chung — ${report.period.label}`}>
        <NumTable
          label="Kết quả chung"
          rows={rows}
          total={total}
          columns={[
            name,
            { header: 'Kế hoạch (lớp)', cell: (r) => n(r.current.planned) },
            { header: 'Mở (lớp)', cell: (r) => n(r.current.opened) },
            { header: '% kế hoạch', cell: (r) => pct(r.current.opened, r.current.planned) },
            { header: 'Lượt học viên', cell: (r) => n(r.current.enrollments) },
            { header: 'Số người', cell: (r) => n(r.current.people) },
            { header: 'Hoàn thành', cell: (r) => n(r.current.completed) },
            { header: 'Cấp GCN', cell: (r) => n(r.current.certified) },
            { header: `Lớp mở ${prev}`, cell: (r) => n(r.previous.opened) },
            { header: `Lượt HV ${prev}`, cell: (r) => n(r.previous.enrollments) },
          ]}
        />
      </Section>
      {charts}
      <Section title="Thành phần học viên (lượt)">
        <NumTable
          label="Thành phần học viên"
          rows={periodRows}
          kind={(r) => r.kind}
          columns={[
            periodName,
            { header: 'Lượt HV', cell: (r) => n(r.f.enrollments) },
            { header: 'Nữ', cell: (r) => `${n(r.f.women)} (${pct(r.f.women, r.f.enrollments)})` },
            { header: 'Dân tộc thiểu số', cell: (r) => `${n(r.f.minority)} (${pct(r.f.minority, r.f.enrollments)})` },
            { header: 'ĐV chính thức', cell: (r) => n(r.f.party.chinh_thuc) },
            { header: 'ĐV dự bị', cell: (r) => n(r.f.party.du_bi) },
            { header: 'Quần chúng', cell: (r) => n(r.f.party.quan_chung) },
            { header: 'Chưa rõ', cell: (r) => n(r.f.party.unknown) },
            ...report.ageBands.map((label, i): Column<PeriodRow> => ({ header: label, cell: (r) => n(r.f.ages[i] ?? 0) })),
          ]}
        />
      </Section>
      {report.classificationLabels.length > 0 && (
        <Section title="Kết quả học tập (xếp loại của người hoàn thành)">
          <NumTable
            label="Xếp loại"
            rows={periodRows}
            kind={(r) => r.kind}
            columns={[
              periodName,
              { header: 'Hoàn thành', cell: (r) => n(r.f.completed) },
              ...report.classificationLabels.map((l): Column<PeriodRow> => ({
                header: l,
                cell: (r) => `${n(r.f.classifications[l] ?? 0)} (${pct(r.f.classifications[l] ?? 0, r.f.completed)})`,
              })),
            ]}
          />
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
