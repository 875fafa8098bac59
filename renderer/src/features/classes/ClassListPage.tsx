import AddIcon from '@mui/icons-material/Add';
import { Button, Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CLASS_STATUS_LABELS, type ClassStatus } from '../../../../shared/contract/classes';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/domain/format';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { Page } from '../../components/PageHeader';
import { YearSelector } from '../../components/YearSelector';
import { useClasses } from './queries';

export const STATUS_COLORS: Record<ClassStatus, 'default' | 'info' | 'primary' | 'success' | 'warning' | 'error'> = {
  planned: 'default',
  opened: 'info',
  running: 'primary',
  finished: 'success',
  results_recognised: 'success',
  certificates_issued: 'success',
  cancelled: 'error',
};

export function ClassListPage() {
  const navigate = useNavigate();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const classes = useClasses(year);
  return (
    <Page
      maxWidth={1300}
      title="Lớp học"
      subtitle="Các lớp của năm: từ dự kiến, có quyết định mở lớp, đang học đến kết thúc."
      actions={
        <>
          <YearSelector year={year} onChange={setYear} />
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => navigate('/classes/new')}>
            Mở lớp mới
          </Button>
        </>
      }
    >
      <ErrorAlert error={classes.error} />
      <Paper>
        <Table size="small" aria-label={`Các lớp năm ${year}`}>
          <TableHead>
            <TableRow>
              <TableCell>Tên lớp</TableCell>
              <TableCell>Thời gian</TableCell>
              <TableCell>Địa điểm</TableCell>
              <TableCell>Quyết định mở lớp</TableCell>
              <TableCell align="right">Số buổi</TableCell>
              <TableCell>Trạng thái</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(classes.data ?? []).map((c) => (
              <TableRow key={c.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/classes/${c.id}`)}>
                <TableCell>
                  <Typography sx={{ fontWeight: 500 }}>{c.name}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {c.programName}
                  </Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDate(c.startDate)} – {formatDate(c.endDate)}
                </TableCell>
                <TableCell>{c.venueName ?? (c.form === 'online' ? `Trực tuyến, ${c.sites.length} điểm cầu` : '')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.openingDecisionLabel ? `Số ${c.openingDecisionLabel}` : ''}</TableCell>
                <TableCell align="right">{c.sessionCount}</TableCell>
                <TableCell>
                  <Chip size="small" color={STATUS_COLORS[c.status]} label={CLASS_STATUS_LABELS[c.status]} />
                </TableCell>
              </TableRow>
            ))}
            {classes.data?.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography color="text.secondary">Năm {year} chưa có lớp nào. Mở lớp từ kế hoạch năm, hoặc bấm «Mở lớp mới».</Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Paper>
    </Page>
  );
}
