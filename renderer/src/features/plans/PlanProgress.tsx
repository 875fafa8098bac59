import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { emptyPlanSummary, type PlanSummary } from '../../../../shared/contract/plans';
import { formatNumber, formatPercent } from '../../../../shared/domain/format';

/** "+3", "−2", "0": how far the actual is from the plan. */
export function difference(actual: number, planned: number): string {
  const d = actual - planned;
  return d > 0 ? `+${formatNumber(d)}` : d < 0 ? `−${formatNumber(-d)}` : '0';
}

/** "Quý II", or "Cả năm" for a line of no quarter. */
export function quarterLabel(quarter: number | null): string {
  return quarter ? `Quý ${['I', 'II', 'III', 'IV'][quarter - 1]}` : 'Cả năm';
}

function percent(actual: number, planned: number): string {
  return planned > 0 ? formatPercent(actual / planned) : '—';
}

/** "+2 lớp dự kiến chưa có quyết định mở lớp": what the counts leave out, said beside them. */
export function pendingText(classes: number, learners?: number): string {
  const who = learners ? ` (${formatNumber(learners)} lượt học viên đã ghi danh)` : '';
  return `+${formatNumber(classes)} lớp dự kiến chưa có quyết định mở lớp${who}`;
}

const SUM_KEYS = ['plannedClasses', 'actualClasses', 'pendingClasses', 'plannedLearners', 'actualLearners', 'pendingLearners'] as const;

/**
 * Plan against actual per program, classes and learners, with the difference and the share; a class
 * counts once it has an opening decision, exactly as in the report, and «Dự kiến» ones are named apart.
 */
export function PlanProgress({ year, rows }: { year: number; rows: PlanSummary[] }) {
  const total = emptyPlanSummary(0, 'Cộng');
  for (const r of rows) for (const k of SUM_KEYS) total[k] += r[k];
  const line = (r: PlanSummary, isTotal: boolean) => (
    <TableRow key={r.programId} sx={isTotal ? { '& td': { fontWeight: 700 } } : undefined}>
      <TableCell>
        {r.programName}
        {r.pendingClasses > 0 && (
          <Typography variant="body2" color="warning.dark" sx={{ fontWeight: 400 }}>
            {pendingText(r.pendingClasses, r.pendingLearners)}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right">{formatNumber(r.plannedClasses)}</TableCell>
      <TableCell align="right">{formatNumber(r.actualClasses)}</TableCell>
      <TableCell align="right">{difference(r.actualClasses, r.plannedClasses)}</TableCell>
      <TableCell align="right">{percent(r.actualClasses, r.plannedClasses)}</TableCell>
      <TableCell align="right">{formatNumber(r.plannedLearners)}</TableCell>
      <TableCell align="right">{formatNumber(r.actualLearners)}</TableCell>
      <TableCell align="right">{difference(r.actualLearners, r.plannedLearners)}</TableCell>
      <TableCell align="right">{percent(r.actualLearners, r.plannedLearners)}</TableCell>
    </TableRow>
  );
  return (
    <Paper sx={{ p: 2, mb: 2 }}>
      <Typography variant="h2" sx={{ mb: 0.5 }}>
        Thực hiện so với kế hoạch năm {year}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Lớp được tính khi đã có quyết định mở lớp — cùng cách tính với báo cáo năm. Học viên tính theo lượt: mỗi người một lần cho mỗi lớp.
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label={`Thực hiện so với kế hoạch năm ${year}`}
          sx={{ '& th': { fontWeight: 600, lineHeight: 1.2 }, '& td, & th': { px: 1 } }}
        >
          <TableHead>
            <TableRow>
              <TableCell rowSpan={2} sx={{ verticalAlign: 'bottom' }}>
                Chương trình
              </TableCell>
              <TableCell colSpan={4} align="center">
                Số lớp
              </TableCell>
              <TableCell colSpan={4} align="center">
                Lượt học viên
              </TableCell>
            </TableRow>
            <TableRow>
              {['Kế hoạch', 'Đã mở', 'Chênh lệch', 'Đạt', 'Kế hoạch', 'Thực tế', 'Chênh lệch', 'Đạt'].map((h, i) => (
                <TableCell key={i} align="right">
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => line(r, false))}
            {rows.length > 1 && line(total, true)}
          </TableBody>
        </Table>
      </Box>
    </Paper>
  );
}
