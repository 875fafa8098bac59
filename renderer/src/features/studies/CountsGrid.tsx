import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Fragment } from 'react';
import { type StudyGridRow } from '../../../../shared/contract/studies';
import { formatNumber, formatPercent } from '../../../../shared/domain/format';
import { participationRate, participationRateText } from '../../../../shared/domain/participation';
import { truncatedShare } from '../../../../shared/domain/shares';
import type { Output } from '../../../../shared/contract';
import { useChannelForm } from '../../components/form/useChannelForm';
import { headCount, MISSING_COLOR, nextField } from './params';
import { SESSIONS } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { NumberHeads } from './NumberHeads';

type Grid = Output<'studies.get'>;
type Draft = Record<number, { present: string; expected: string }>;

/** One row's figures as the report will count them: typed (expected or else the members), from the list, or a merged organisation's saved counts. */
function figures(row: StudyGridRow, draft: Draft[number] | undefined): { present: number; expected: number | null } | null {
  if (row.list) return row.list;
  if (row.mergedInto !== null) return row.present === null ? null : { present: row.present, expected: row.expected ?? row.members };
  const present = headCount(draft?.present ?? '');
  if (present === null || Number.isNaN(present)) return null;
  const expected = headCount(draft?.expected ?? '');
  if (expected !== null && Number.isNaN(expected)) return null;
  return { present, expected: expected ?? row.members };
}

const toNextField = nextField('counts');

/**
 * Every base organisation of the session, one line each: present and expected typed as counts, or the
 * class list's figures shown read-only. Saved at once, in one transaction.
 */
export function CountsGrid({ data }: { data: Grid }) {
  const year = data.session.date.slice(0, 4);
  // Only the lines the clerk can edit are sent: a merged organisation's counts stay as saved.
  const typed = data.rows.filter((r) => !r.list && r.mergedInto === null);
  const f = useChannelForm('studies.saveCounts', {
    initial: (): Draft =>
      Object.fromEntries(
        data.rows.map((r) => [
          r.unitId,
          { present: r.present === null ? '' : String(r.present), expected: r.expected === null ? '' : String(r.expected) },
        ]),
      ),
    toInput: (draft: Draft) => ({
      sessionId: data.session.id,
      rows: typed.map((r) => ({
        unitId: r.unitId,
        present: headCount(draft[r.unitId]?.present ?? ''),
        expected: headCount(draft[r.unitId]?.expected ?? ''),
      })),
    }),
    invalidates: SESSIONS,
  });
  const { form: draft, setForm: setDraft, errors, save } = f;
  // Messages come keyed by the line sent ("rows.3.present"): only typed lines are sent.
  const fieldOf = (unitId: number, name: 'present' | 'expected') => {
    const i = typed.findIndex((r) => r.unitId === unitId);
    return errors.fields[`rows.${i}.${name}`] ?? (name === 'present' ? errors.fields[`rows.${i}.unitId`] : undefined);
  };
  const lines = data.rows.map((r) => ({ row: r, f: figures(r, draft[r.unitId]) }));
  const entered = lines.filter((l) => l.f !== null);
  const counted = entered.filter((l) => l.f!.expected !== null);
  const present = counted.reduce((s, l) => s + l.f!.present, 0);
  const expected = counted.reduce((s, l) => s + l.f!.expected!, 0);
  const missing = entered.length - counted.length;

  const messageOf = (unitId: number) => fieldOf(unitId, 'present') ?? fieldOf(unitId, 'expected');
  const input = (r: StudyGridRow, name: 'present' | 'expected', label: string) => {
    const message = fieldOf(r.unitId, name);
    return (
      <TextField
        size="small"
        value={draft[r.unitId]?.[name] ?? ''}
        onChange={(e) =>
          setDraft({ ...draft, [r.unitId]: { ...{ present: '', expected: '' }, ...draft[r.unitId], [name]: e.target.value } })
        }
        onKeyDown={toNextField}
        error={message !== undefined}
        placeholder={name === 'expected' && r.members !== null ? formatNumber(r.members) : undefined}
        slotProps={{
          htmlInput: {
            'aria-label': `${label}, ${r.name}`,
            'aria-describedby': message ? `counts-error-${r.unitId}` : undefined,
            'data-counts': name,
            inputMode: 'numeric',
            style: { textAlign: 'right' },
          },
        }}
        sx={{ width: 110 }}
      />
    );
  };

  return (
    <Paper sx={{ p: 2, display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h2" sx={{ fontSize: '1.1rem' }}>
            Số đảng viên tham gia theo tổ chức cơ sở đảng
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Nhập số có mặt; để trống «Phải dự» thì lấy số đảng viên năm {year} của tổ chức. Enter hoặc Tab chuyển sang ô tiếp theo.
          </Typography>
        </Box>
        <Button variant="contained" startIcon={<SaveIcon />} onClick={f.submit} disabled={f.busy}>
          Lưu số liệu
        </Button>
      </Box>
      <ErrorAlert error={errors.formError} />
      {save.isSuccess && !errors.formError && <Alert severity="success">Đã lưu số liệu của {formatNumber(save.data.saved)} tổ chức.</Alert>}
      {data.unassigned > 0 && (
        <Alert severity="info">
          {formatNumber(data.unassigned)} người trong danh sách lớp chưa có chi bộ, đảng bộ nên chưa tính vào tổ chức nào.
        </Alert>
      )}
      {data.rows.length === 0 ? (
        <Alert severity="info">Chưa có tổ chức cơ sở đảng nào; hãy thêm ở màn hình «Chi bộ, đảng bộ».</Alert>
      ) : (
        <Table size="small" aria-label="Số liệu theo tổ chức cơ sở đảng">
          <TableHead>
            <TableRow>
              <TableCell>Tổ chức cơ sở đảng</TableCell>
              <NumberHeads
                heads={[
                  [`Số đảng viên năm ${year}`, 150],
                  ['Có mặt', 140],
                  ['Phải dự', 140],
                  ['Tỷ lệ', 170],
                ]}
              />
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map(({ row: r, f }) => (
              <Fragment key={r.unitId}>
                <TableRow>
                  <TableCell>
                    {r.name}
                    {r.list && (
                      <Typography variant="body2" color="text.secondary">
                        Theo danh sách lớp
                      </Typography>
                    )}
                    {r.mergedInto !== null && (
                      <Typography variant="body2" color="text.secondary">
                        Đã hợp nhất vào «{r.mergedInto}»; số liệu đã lưu, không sửa
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{r.members === null ? '—' : formatNumber(r.members)}</TableCell>
                  <TableCell align="right">
                    {r.list
                      ? formatNumber(r.list.present)
                      : r.mergedInto !== null
                        ? formatNumber(r.present ?? 0)
                        : input(r, 'present', 'Có mặt')}
                  </TableCell>
                  <TableCell align="right">
                    {r.list
                      ? formatNumber(r.list.expected)
                      : r.mergedInto !== null
                        ? r.expected === null
                          ? ''
                          : formatNumber(r.expected)
                        : input(r, 'expected', 'Phải dự')}
                  </TableCell>
                  <TableCell align="right">
                    {f ? participationRateText(participationRate(f.present, f.expected), f.expected) : ''}
                  </TableCell>
                </TableRow>
                {messageOf(r.unitId) && (
                  // The row's message across the grid, under its fields, rather than squeezed into one column.
                  <TableRow>
                    <TableCell colSpan={5} align="right" sx={{ pt: 0, color: 'error.main' }} id={`counts-error-${r.unitId}`}>
                      {messageOf(r.unitId)}
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            ))}
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }}>Cộng</TableCell>
              <TableCell />
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {formatNumber(present)}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {formatNumber(expected)}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {expected > 0 ? formatPercent(truncatedShare(present, expected)!, 2) : '—'}
                {missing > 0 && (
                  <Typography variant="body2" color={MISSING_COLOR}>
                    chưa tính {formatNumber(missing)} tổ chức thiếu số đảng viên
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
