import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Link, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { STUDY_FORM_LABELS, type StudySessionSummary } from '../../../../shared/contract/studies';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { participationRateText } from '../../../../shared/domain/participation';
import { YearSelector } from '../../components/YearSelector';
import { SessionEditor } from './SessionEditor';
import { MISSING_COLOR, useYearParam } from './params';
import { useStudySessions } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { NumberHeads } from './NumberHeads';

function formText(s: StudySessionSummary): string {
  return `${STUDY_FORM_LABELS[s.form]}${s.sites ? `, ${formatNumber(s.sites)} điểm cầu` : ''}`;
}

/** The year's sessions, newest first; one opened (?buoi=…) shows its form and its grid of counts instead. */
export function SessionsTab() {
  const [year, setYear, params, update] = useYearParam();
  const open = params.get('buoi');
  const list = useStudySessions(year);
  if (open) {
    const id = open === 'moi' ? null : Number(open);
    return (
      <SessionEditor key={open} id={id} year={year} onOpen={(next) => update({ buoi: String(next) })} onBack={() => update({ buoi: '' })} />
    );
  }
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 1.5, display: 'flex', gap: 2, alignItems: 'center' }}>
        <YearSelector year={year} onChange={setYear} />
        <Typography color="text.secondary">{list.data ? `${formatNumber(list.data.length)} buổi học tập, quán triệt` : ''}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => update({ buoi: 'moi' })}>
          Thêm buổi học tập
        </Button>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.data && list.data.length === 0 && (
        <Alert severity="info">Năm {year} chưa có buổi học tập, quán triệt nào. Chọn «Thêm buổi học tập» để ghi một buổi.</Alert>
      )}
      {list.data && list.data.length > 0 && (
        <Paper>
          <Table size="small" aria-label={`Các buổi học tập năm ${year}`}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 110 }}>Ngày</TableCell>
                <TableCell>Buổi học tập, quán triệt</TableCell>
                <TableCell sx={{ width: 200 }}>Hình thức</TableCell>
                <NumberHeads
                  heads={[
                    ['Số tổ chức', 110],
                    ['Có mặt / phải dự', 150],
                    ['Tỷ lệ', 170],
                  ]}
                />
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.map((s) => (
                <TableRow key={s.id} hover>
                  <TableCell>{formatDate(s.date)}</TableCell>
                  <TableCell>
                    <Link component="button" variant="body2" sx={{ textAlign: 'left' }} onClick={() => update({ buoi: String(s.id) })}>
                      {s.title}
                    </Link>
                    {s.className && (
                      <Typography variant="body2" color="text.secondary">
                        Theo danh sách lớp: {s.className}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{formText(s)}</TableCell>
                  <TableCell align="right">
                    {formatNumber(s.orgs)}
                    {s.missing > 0 && (
                      <Typography variant="body2" color={MISSING_COLOR}>
                        {formatNumber(s.missing)} thiếu số đảng viên
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{s.orgs > 0 ? `${formatNumber(s.present)} / ${formatNumber(s.expected)}` : '—'}</TableCell>
                  <TableCell align="right">{s.orgs > s.missing ? participationRateText(s.rate, s.expected) : 'Chưa có số liệu'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Box>
  );
}
