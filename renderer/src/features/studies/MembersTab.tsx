import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { Output } from '../../../../shared/contract';
import { formatNumber } from '../../../../shared/domain/format';
import { YearSelector } from '../../components/YearSelector';
import { useChannelForm } from '../../components/form/useChannelForm';
import { headCount, nextField, useYearParam } from './params';
import { MEMBERS, useStudyMembers } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

type Members = Output<'studies.members'>;

/** The denominator: members per base organisation for a year, every organisation with its own field. */
export function MembersTab() {
  const [year, setYear] = useYearParam();
  const members = useStudyMembers(year);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 1.5, display: 'flex', gap: 2, alignItems: 'center' }}>
        <YearSelector year={year} onChange={setYear} />
        <Typography color="text.secondary">
          Số đảng viên của từng tổ chức cơ sở đảng trong năm: dùng làm số phải dự khi buổi học tập không ghi số phải dự.
        </Typography>
      </Paper>
      <ErrorAlert error={members.error} />
      {members.data && <MembersForm key={members.data.year} data={members.data} />}
    </Box>
  );
}

const toNextField = nextField('members');

function MembersForm({ data }: { data: Members }) {
  const f = useChannelForm('studies.saveMembers', {
    initial: () => data.rows.map((r) => (r.members === null ? '' : String(r.members))),
    toInput: (draft: string[]) => ({
      year: data.year,
      rows: data.rows.map((r, i) => ({ unitId: r.unitId, members: headCount(draft[i] ?? '') })),
    }),
    invalidates: MEMBERS,
  });
  const { form: draft, setForm: setDraft, errors, save } = f;
  const hasPrevious = data.rows.some((r) => r.previous !== null);
  // Only the empty fields take last year's number: what the clerk typed this year stays.
  const copy = () =>
    setDraft(draft.map((v, i) => (v.trim() === '' && data.rows[i]!.previous !== null ? String(data.rows[i]!.previous) : v)));
  const total = draft.reduce((s, v) => s + (Number.isInteger(headCount(v)) ? headCount(v)! : 0), 0);

  if (data.rows.length === 0) return <Alert severity="info">Chưa có tổ chức cơ sở đảng nào; hãy thêm ở màn hình «Chi bộ, đảng bộ».</Alert>;
  return (
    <Paper sx={{ p: 2, display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <Typography variant="h2" sx={{ fontSize: '1.1rem', flexGrow: 1 }}>
          Số đảng viên năm {data.year}
        </Typography>
        <Button startIcon={<ContentCopyIcon />} onClick={copy} disabled={!hasPrevious}>
          Chép từ năm trước
        </Button>
        <Button variant="contained" startIcon={<SaveIcon />} onClick={f.submit} disabled={f.busy}>
          Lưu
        </Button>
      </Box>
      <ErrorAlert error={errors.formError} />
      {save.isSuccess && !errors.formError && (
        <Alert severity="success">
          Đã lưu số đảng viên năm {data.year} của {formatNumber(save.data.saved)} tổ chức.
        </Alert>
      )}
      <Table size="small" aria-label={`Số đảng viên năm ${data.year}`}>
        <TableHead>
          <TableRow>
            <TableCell>Tổ chức cơ sở đảng</TableCell>
            <TableCell align="right" sx={{ width: 170 }}>
              Năm {data.year - 1}
            </TableCell>
            <TableCell align="right" sx={{ width: 200 }}>
              Năm {data.year}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.rows.map((r, i) => {
            const message = errors.fields[`rows.${i}.members`] ?? errors.fields[`rows.${i}.unitId`];
            return (
              <TableRow key={r.unitId}>
                <TableCell>{r.name}</TableCell>
                <TableCell align="right">{r.previous === null ? '—' : formatNumber(r.previous)}</TableCell>
                <TableCell align="right">
                  <TextField
                    size="small"
                    value={draft[i] ?? ''}
                    onChange={(e) => setDraft(draft.map((v, k) => (k === i ? e.target.value : v)))}
                    onKeyDown={toNextField}
                    error={message !== undefined}
                    helperText={message}
                    slotProps={{
                      htmlInput: {
                        'aria-label': `Số đảng viên năm ${data.year}, ${r.name}`,
                        'data-members': '',
                        inputMode: 'numeric',
                        style: { textAlign: 'right' },
                      },
                    }}
                    sx={{ width: 120, '& .MuiFormHelperText-root': { mx: 0, width: 300, textAlign: 'right' } }}
                  />
                </TableCell>
              </TableRow>
            );
          })}
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>Cộng</TableCell>
            <TableCell align="right">{formatNumber(data.rows.reduce((s, r) => s + (r.previous ?? 0), 0))}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>
              {formatNumber(total)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Paper>
  );
}
