import { Alert, Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { studyRateText, studyRowNote, studyTotalNote, type StudyReport } from '../../../../shared/contract/studies';
import { formatNumber, formatPercent } from '../../../../shared/domain/format';
import { MISSING_COLOR } from './params';
import { NumberHeads } from './NumberHeads';

/**
 * Lowest rate first, missing denominators then «Chưa báo cáo» last (as the core sorted them), and the
 * total under them. Rates come from the core already truncated to two decimals of the percentage.
 */
export function ParticipationTable({ report: r }: { report: StudyReport }) {
  if (r.rows.length === 0) return <Alert severity="info">Chưa có số liệu tham gia học tập cho phạm vi này.</Alert>;
  const scope = r.scope.kind;
  const detail = scope === 'year' ? 'Số buổi' : scope === 'org' ? 'Ngày' : null;
  const bold = { fontWeight: 600 };
  return (
    <Paper>
      <Table size="small" aria-label="Tỷ lệ tham gia">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 56 }}>STT</TableCell>
            <TableCell>{r.rowLabel}</TableCell>
            <NumberHeads heads={[...(detail ? [[detail, 110] as const] : []), ['Phải dự', 100], ['Có mặt', 100], ['Tỷ lệ', 170]]} />
            <TableCell sx={{ width: 260 }}>Ghi chú</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {r.rows.map((row, i) => (
            <TableRow key={row.key}>
              <TableCell>{i + 1}</TableCell>
              <TableCell>{row.label}</TableCell>
              {detail && <TableCell align="right">{scope === 'year' ? formatNumber(row.sessions) : row.detail}</TableCell>}
              <TableCell align="right">{row.expected === null ? '—' : formatNumber(row.expected)}</TableCell>
              <TableCell align="right">{row.source === 'none' ? '—' : formatNumber(row.present)}</TableCell>
              <TableCell
                align="right"
                sx={row.expected === null || row.source === 'none' ? { color: MISSING_COLOR, fontWeight: 600 } : undefined}
              >
                {studyRateText(row)}
              </TableCell>
              <TableCell>{studyRowNote(row)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell />
            <TableCell sx={bold}>Cộng</TableCell>
            {detail && <TableCell />}
            <TableCell align="right" sx={bold}>
              {formatNumber(r.total.expected)}
            </TableCell>
            <TableCell align="right" sx={bold}>
              {formatNumber(r.total.present)}
            </TableCell>
            <TableCell align="right" sx={bold}>
              {r.total.rate === null ? '—' : formatPercent(r.total.rate, 2)}
            </TableCell>
            <TableCell sx={bold}>{studyTotalNote(r)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Paper>
  );
}
