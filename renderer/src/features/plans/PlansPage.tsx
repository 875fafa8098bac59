import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import { Alert, Box, Button, Chip, IconButton, LinearProgress, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanLine } from '../../../../shared/contract/plans';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatNumber, formatPercent } from '../../../../shared/domain/format';
import { api, ApiError } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { YearSelector } from '../../components/YearSelector';
import { PlanLineDialog } from './PlanLineDialog';

/** "3/4 lớp, 75,0%": plan against actual as the Party committee reads it. */
function progress(actual: number, planned: number): string {
  return planned > 0 ? `${formatNumber(actual)}/${formatNumber(planned)} lớp, ${formatPercent(actual / planned)}` : `${formatNumber(actual)} lớp (ngoài kế hoạch)`;
}

export function PlansPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const [editing, setEditing] = useState<PlanLine | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PlanLine | null>(null);
  const plan = useQuery({ queryKey: ['plans.year', year], queryFn: () => api.plans.year({ year }) });
  const copy = useMutation({
    mutationFn: () => api.plans.copyYear({ from: year - 1, to: year }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans.year'] }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.plans.deleteLine({ id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans.year'] }),
    onSettled: () => setDeleting(null),
  });
  const closed = plan.data?.closed ?? false;
  const error = [copy.error, remove.error].find((e): e is ApiError => e instanceof ApiError);

  return (
    <Box sx={{ maxWidth: 1200 }}>
      <PageHeader
        title="Kế hoạch đào tạo, bồi dưỡng"
        subtitle="Số lớp và số học viên dự kiến theo chương trình, quý và nơi tổ chức; so sánh với số lớp đã mở."
        actions={
          <>
            <YearSelector year={year} onChange={setYear} />
            <Button startIcon={<ContentCopyIcon />} onClick={() => copy.mutate()} disabled={closed || copy.isPending}>
              Chép kế hoạch năm {year - 1}
            </Button>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={closed}>
              Thêm dòng kế hoạch
            </Button>
          </>
        }
      />
      {closed && <Alert severity="info" sx={{ mb: 2 }}>Năm {year} đã khóa sổ: kế hoạch chỉ xem, không sửa.</Alert>}
      {error && <Alert severity="error" sx={{ mb: 2 }}>{error.message}</Alert>}
      {copy.isSuccess && <Alert severity="success" sx={{ mb: 2 }}>Đã chép {formatNumber(copy.data.copied)} dòng từ năm {year - 1}.</Alert>}
      {plan.data && plan.data.byProgram.length > 0 && (
        <Paper sx={{ p: 2, mb: 2 }}>
          <Typography variant="h2" sx={{ mb: 1 }}>Thực hiện so với kế hoạch</Typography>
          {plan.data.byProgram.map((p) => (
            <Box key={p.programId} sx={{ display: 'grid', gridTemplateColumns: '1fr 240px 200px', gap: 2, alignItems: 'center', py: 0.5 }}>
              <Typography>{p.programName}</Typography>
              <LinearProgress variant="determinate" value={p.plannedClasses ? Math.min(100, (100 * p.actualClasses) / p.plannedClasses) : 100} aria-label={`Tiến độ ${p.programName}`} />
              <Typography sx={{ fontWeight: 600 }}>{progress(p.actualClasses, p.plannedClasses)}</Typography>
            </Box>
          ))}
        </Paper>
      )}
      <Paper>
        <Table size="small" aria-label={`Kế hoạch năm ${year}`}>
          <TableHead>
            <TableRow>
              <TableCell>Chương trình</TableCell>
              <TableCell>Quý</TableCell>
              <TableCell>Nơi tổ chức</TableCell>
              <TableCell align="right">Số lớp</TableCell>
              <TableCell align="right">Học viên dự kiến</TableCell>
              <TableCell align="right">Đã mở</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(plan.data?.lines ?? []).map((l) => (
              <TableRow key={l.id} hover>
                <TableCell>
                  {l.programName}
                  {l.notes && <Typography variant="body2" color="text.secondary">{l.notes}</Typography>}
                </TableCell>
                <TableCell>{l.quarter ? `Quý ${['I', 'II', 'III', 'IV'][l.quarter - 1]}` : 'Cả năm'}</TableCell>
                <TableCell>{l.place}</TableCell>
                <TableCell align="right">{formatNumber(l.plannedClasses)}</TableCell>
                <TableCell align="right">{formatNumber(l.plannedLearners)}</TableCell>
                <TableCell align="right">
                  <Chip size="small" color={l.actualClasses >= l.plannedClasses && l.plannedClasses > 0 ? 'success' : 'default'} label={`${formatNumber(l.actualClasses)}/${formatNumber(l.plannedClasses)}`} />
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => navigate(`/classes/new?planLine=${l.id}&program=${l.programId}&year=${l.year}`)} disabled={closed}>
                    Mở lớp
                  </Button>
                  <IconButton aria-label={`Sửa dòng ${l.programName}`} onClick={() => setEditing(l)} disabled={closed}>
                    <EditIcon fontSize="small" />
                  </IconButton>
                  <IconButton aria-label={`Xóa dòng ${l.programName}`} onClick={() => setDeleting(l)} disabled={closed}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
            {plan.data && plan.data.lines.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>
                  <Typography color="text.secondary">Năm {year} chưa có kế hoạch. Thêm từng dòng, hoặc chép kế hoạch năm trước rồi sửa.</Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Paper>
      {editing && <PlanLineDialog key={editing === 'new' ? 'new' : editing.id} year={year} line={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog open={deleting !== null} title="Xóa dòng kế hoạch?" confirmLabel="Xóa" busy={remove.isPending} onClose={() => setDeleting(null)} onConfirm={() => deleting && remove.mutate(deleting.id)}>
        Xóa dòng «{deleting?.programName}» khỏi kế hoạch năm {year}. Dòng đã có lớp mở theo nó thì không xóa được.
      </ConfirmDialog>
    </Box>
  );
}
