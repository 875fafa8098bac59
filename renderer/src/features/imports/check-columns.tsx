import { Box, Chip, MenuItem, TextField, Typography } from '@mui/material';
import { ROW_STATUS_LABELS, type ImportRow } from '../../../../shared/contract/imports';
import { formatDate } from '../../../../shared/domain/format';
import { SEX_LABELS } from '../../../../shared/domain/learner-fields';
import type { VirtualColumn } from '../../components/VirtualTable';

const STATUS_COLOR: Record<ImportRow['status'], 'success' | 'default' | 'warning' | 'error'> = {
  new: 'success',
  same: 'default',
  duplicate: 'warning',
  error: 'error',
};
const ACTION_LABELS: Record<ImportRow['action'], string> = {
  auto: 'Tự động',
  skip: 'Bỏ qua',
  new: 'Thêm người mới',
  link: 'Gắn vào hồ sơ đã có',
};

function problemText(r: ImportRow): string {
  if (r.problems.length === 0) {
    return r.match ? `Hồ sơ số ${r.match.id}: ${r.match.fullName}${r.match.birthDate ? `, ${formatDate(r.match.birthDate)}` : ''}` : '';
  }
  const p = r.problems[0]!;
  return `${p.cell ? `${p.cell}: ` : ''}${p.message}${r.problems.length > 1 ? ` (+${r.problems.length - 1})` : ''}`;
}

/** Up to two lines in the row's height; longer text is cut with its whole in the tooltip. */
function Wrapped(props: { text: string }) {
  return (
    <Box
      component="span"
      title={props.text.length > 30 ? props.text : undefined}
      sx={{
        display: '-webkit-box',
        WebkitLineClamp: 2,
        WebkitBoxOrient: 'vertical',
        overflow: 'hidden',
        whiteSpace: 'normal',
        lineHeight: 1.3,
        overflowWrap: 'anywhere',
      }}
    >
      {props.text}
    </Box>
  );
}

/**
 * A grid track for a column of text: at least the longest value's width up to `max` characters,
 * and a share of the spare room in proportion to that length, so a long cell name gets more of it
 * than short personal names. Text longer than the track wraps to a second line.
 */
function trackFor(rows: readonly ImportRow[], text: (r: ImportRow) => string, min: number, max: number): string {
  let longest = 0;
  for (const r of rows) longest = Math.max(longest, text(r).length);
  const base = Math.min(max, Math.max(min, longest + 1));
  return `minmax(${base}ch, ${Math.max(longest, min)}fr)`;
}

/**
 * The check step's columns, sized by what the list holds (issue 14): the name and the Party cell
 * get the width their values need, the sex is shown so its reading can be confirmed, and a column
 * with nothing in any row is left out rather than taking the room.
 */
export function checkColumns(
  rows: readonly ImportRow[],
  onAction: (rowNumber: number, action: ImportRow['action']) => void,
): VirtualColumn<ImportRow>[] {
  const hasBirth = rows.some((r) => r.birthDate);
  const hasUnit = rows.some((r) => r.unitName);
  const hasProblems = rows.some((r) => problemText(r));
  const name = trackFor(rows, (r) => r.fullName, 12, 24);
  const unit = trackFor(rows, (r) => r.unitName ?? '', 10, 30);
  const problems = trackFor(rows, problemText, 0, 20);
  const columns: (VirtualColumn<ImportRow> | false)[] = [
    { label: 'Dòng', width: '52px', render: (r) => r.rowNumber },
    { label: 'Họ và tên', width: name, render: (r) => <Wrapped text={r.fullName} /> },
    {
      label: 'Giới tính',
      width: '72px',
      render: (r) =>
        r.sex ? (
          SEX_LABELS[r.sex]
        ) : (
          <Typography component="span" variant="body2" color="text.secondary">
            Chưa rõ
          </Typography>
        ),
    },
    hasBirth && { label: 'Ngày sinh', width: '92px', render: (r) => formatDate(r.birthDate) },
    hasUnit && { label: 'Chi bộ', width: unit, render: (r) => <Wrapped text={r.unitName ?? ''} /> },
    {
      label: 'Tình trạng',
      width: '120px',
      render: (r) =>
        r.action === 'skip' ? (
          <Chip size="small" label="Bỏ qua" />
        ) : (
          <Chip size="small" color={STATUS_COLOR[r.status]} label={ROW_STATUS_LABELS[r.status]} />
        ),
    },
    hasProblems && { label: 'Vấn đề', width: problems, render: (r) => <Wrapped text={problemText(r)} /> },
    {
      label: 'Xử lý',
      width: '164px',
      render: (r) => (
        <TextField
          select
          size="small"
          variant="standard"
          value={r.action}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => onAction(r.rowNumber, e.target.value as ImportRow['action'])}
          slotProps={{ htmlInput: { 'aria-label': `Xử lý dòng ${r.rowNumber}` } }}
          sx={{ width: '100%' }}
        >
          {(['auto', 'skip', 'new', ...(r.match ? (['link'] as const) : [])] as ImportRow['action'][]).map((a) => (
            <MenuItem key={a} value={a}>
              {ACTION_LABELS[a]}
            </MenuItem>
          ))}
        </TextField>
      ),
    },
  ];
  return columns.filter((c): c is VirtualColumn<ImportRow> => c !== false);
}
