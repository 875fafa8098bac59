import LockIcon from '@mui/icons-material/LockOutlined';
import { Alert, Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Output } from '../../../../shared/contract';
import type { ClassRow } from '../../../../shared/contract/classes';
import { formatDate, formatNumber, formatScore } from '../../../../shared/domain/format';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useResultsGrid, useSetScores } from './queries';
import { LockReasonDialog } from './LockReasonDialog';
import { RecognisePanel } from './RecognisePanel';
import { CANCELLED, ScoreInput } from './ScoreInput';
import { useLockReason } from './useLockReason';
import { beforeResultsText } from '../classes/lifecycle';

type Grid = Output<'results.grid'>;
type Row = Grid['rows'][number];
type Change = { enrollmentId: number; component: number; attempt: 1 | 2; tenths: number | null };

const STATUS_TEXT: Record<Row['result']['status'], string> = {
  eligible: 'Đủ điều kiện',
  not_eligible: 'Không đủ điều kiện',
  incomplete: 'Chưa đủ dữ liệu',
};
const STATUS_COLOR: Record<Row['result']['status'], string> = {
  eligible: 'success.dark',
  not_eligible: 'error.main',
  incomplete: 'text.secondary',
};

export function ResultsTab({ cls, onChanged }: { cls: ClassRow; onChanged: () => void }) {
  const grid = useResultsGrid(cls.id);
  if (grid.isError) return <ErrorAlert error={grid.error} />;
  if (!grid.data) return null;
  return <ResultsEditor cls={cls} grid={grid.data} onChanged={onChanged} />;
}

function ResultsEditor({ cls, grid, onChanged }: { cls: ClassRow; grid: Grid; onChanged: () => void }) {
  const setScores = useSetScores();
  const lock = useLockReason();
  const { scheme, summary, decision } = grid;
  const retakes = scheme.maxRetakes > 0;

  const send = (change: Change, reason: string | null) =>
    setScores.mutateAsync({ classId: cls.id, changes: [change], ...(reason ? { reason } : {}) });
  /** One score per call: each field saves on its own, and the answer refreshes the whole row's result. */
  const commit = async (change: Change) => {
    let reason = lock.current();
    if (grid.locked && reason === null) {
      reason = await lock.ask();
      if (reason === null) throw CANCELLED;
    }
    try {
      await send(change, reason);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'LOCKED_NEEDS_REASON')) throw err;
      lock.forget();
      reason = await lock.ask();
      if (reason === null) throw CANCELLED;
      await send(change, reason);
    }
  };

  const headCols = scheme.components.flatMap((c, i) => [
    <TableCell
      key={`c${i}`}
      align="right"
      sx={{ minWidth: 110, maxWidth: 160 }}
    >{`${c.name}${scheme.components.length > 1 ? ` (${c.weight}%)` : ''}`}</TableCell>,
    ...(retakes
      ? [
          <TableCell key={`r${i}`} align="right" className="fixed">
            Đánh giá
            <br />
            lại
          </TableCell>,
        ]
      : []),
  ]);

  return (
    // minmax(0, 1fr): a wide table scrolls inside its box instead of widening the page.
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      {decision && (
        <Alert severity="success" icon={<LockIcon />}>
          Đã công nhận theo Quyết định số {decision.label} ngày {formatDate(decision.date)}. Sửa điểm, điểm danh hoặc kỷ luật từ nay phải
          ghi lý do; lý do được lưu vào nhật ký.
        </Alert>
      )}
      {!decision && cls.status === 'finished' && <RecognisePanel classId={cls.id} programId={cls.programId} onRecognised={onChanged} />}
      {!decision && beforeResultsText(cls.status) && <Alert severity="info">{beforeResultsText(cls.status)}</Alert>}
      <Paper sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h2" sx={{ flexGrow: 1 }}>
            Kết quả học tập
          </Typography>
          <Typography variant="body2" aria-live="polite">
            {`${formatNumber(summary.eligible)} đủ điều kiện · ${formatNumber(summary.notEligible)} không đủ · ${formatNumber(summary.incomplete)} chưa đủ dữ liệu`}
          </Typography>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Gõ điểm dạng 7,5 hoặc 7.5; điểm được lưu khi rời ô hoặc bấm Enter (Enter chuyển xuống người tiếp theo).
          {retakes ? ' Ô đánh giá lại hiện ra khi điểm lần đầu dưới 5,0.' : ''} Học viên được công nhận khi vắng không quá{' '}
          {scheme.maxAbsencePct}% số buổi, mọi điểm từ 5,0 trở lên và không bị kỷ luật.
        </Typography>
        {scheme.components.length === 0 && (
          <Alert severity="info" sx={{ mb: 1 }}>
            Chương trình không có nội dung đánh giá: kết quả chỉ xét theo điểm danh và kỷ luật.
          </Alert>
        )}
        {grid.rows.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 3 }}>
            Lớp chưa có học viên.
          </Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table
              size="small"
              aria-label="Kết quả học tập"
              sx={{
                minWidth: 900,
                '& td, & th': { verticalAlign: 'top', px: 1 },
                '& th': { verticalAlign: 'bottom' },
                '& th.fixed': { whiteSpace: 'nowrap' },
              }}
            >
              <TableHead>
                <TableRow>
                  <TableCell align="right" className="fixed" sx={{ width: 48 }}>
                    STT
                  </TableCell>
                  <TableCell className="fixed" sx={{ minWidth: 170 }}>
                    Họ và tên
                  </TableCell>
                  {headCols}
                  <TableCell align="right" className="fixed">
                    Điểm
                    <br />
                    tổng kết
                  </TableCell>
                  <TableCell className="fixed">Xếp loại</TableCell>
                  <TableCell align="right" className="fixed">
                    Số buổi
                    <br />
                    vắng
                  </TableCell>
                  <TableCell sx={{ minWidth: 220 }}>Kết quả</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {grid.rows.map((row, r) => (
                  <ResultRow key={row.enrollmentId} index={r} row={row} scheme={scheme} retakes={retakes} commit={commit} />
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Paper>
      {lock.asking && <LockReasonDialog of="scores" onConfirm={lock.give} onClose={lock.refuse} />}
    </Box>
  );
}

function ResultRow(props: { index: number; row: Row; scheme: Grid['scheme']; retakes: boolean; commit: (c: Change) => Promise<void> }) {
  const { row, scheme } = props;
  const res = row.result;
  const over = res.absent > res.allowedAbsences;
  return (
    <TableRow>
      <TableCell align="right" sx={{ pt: 1.5 }}>
        {props.index + 1}
      </TableCell>
      <TableCell sx={{ pt: 1.5 }}>{row.fullName}</TableCell>
      {scheme.components.flatMap((c, i) => {
        const s = row.scores[i] ?? { first: null, retake: null };
        const showRetake = props.retakes && ((s.first !== null && s.first < 50) || s.retake !== null);
        const cells = [
          <TableCell key={`c${i}`} align="right">
            <ScoreInput
              value={s.first}
              label={`${c.name}: ${row.fullName}`}
              column={`${i}:1`}
              onCommit={(tenths) => props.commit({ enrollmentId: row.enrollmentId, component: i, attempt: 1, tenths })}
            />
          </TableCell>,
        ];
        if (props.retakes) {
          cells.push(
            <TableCell key={`r${i}`} align="right">
              {showRetake && (
                <ScoreInput
                  value={s.retake}
                  label={`${c.name}, đánh giá lại: ${row.fullName}`}
                  column={`${i}:2`}
                  onCommit={(tenths) => props.commit({ enrollmentId: row.enrollmentId, component: i, attempt: 2, tenths })}
                />
              )}
            </TableCell>,
          );
        }
        return cells;
      })}
      <TableCell align="right" sx={{ pt: 1.5, fontWeight: 600 }}>
        {res.finalTenths === null ? '' : formatScore(res.finalTenths)}
      </TableCell>
      <TableCell sx={{ pt: 1.5, whiteSpace: 'nowrap' }}>{res.classification ?? ''}</TableCell>
      <TableCell align="right" sx={{ pt: 1.5, color: over ? 'error.main' : undefined, fontWeight: over ? 600 : undefined }}>
        {res.absent}/{res.sessions}
      </TableCell>
      <TableCell sx={{ pt: 1.5, color: STATUS_COLOR[res.status] }}>
        {STATUS_TEXT[res.status]}
        {res.reasons.length > 0 ? `: ${res.reasons.join('; ')}` : ''}
      </TableCell>
    </TableRow>
  );
}
