import EditNoteIcon from '@mui/icons-material/EditNote';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  IconButton,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ClassRow } from '../../../../shared/contract/classes';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { PARTY_STATUS_LABELS } from '../../../../shared/domain/learner-fields';
import { api } from '../../api';
import { AddFromRegistryDialog } from './AddFromRegistryDialog';
import { AddUnitDialog } from './AddUnitDialog';
import { DisciplineDialog } from './DisciplineDialog';
import { ReasonDialog } from '../../components/ReasonDialog';
import { storeEnrollments, useEnrollments } from './queries';
import type { AddResult } from './useEnrol';

/** After results are recognised, changes that touch them need a reason. */
const LOCKED_STATUSES: readonly string[] = ['results_recognised', 'certificates_issued'];

export function EnrollmentTab({ cls }: { cls: ClassRow }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useEnrollments(cls.id);
  const [adding, setAdding] = useState<'registry' | 'unit' | null>(null);
  const [added, setAdded] = useState<AddResult | null>(null);
  const [withdrawing, setWithdrawing] = useState<Enrollment | null>(null);
  const [discipline, setDiscipline] = useState<{ enrollment: Enrollment; on: boolean } | null>(null);
  const members = useMemo(() => new Map((list.data?.enrollments ?? []).map((e) => [e.personId, e])), [list.data]);
  const withdraw = useMutation({
    mutationFn: (p: { enrollmentId: number; reason: string }) => api.enrollments.withdraw(p),
    onSuccess: (l) => {
      storeEnrollments(queryClient, l);
      setWithdrawing(null);
    },
  });
  const setSite = useMutation({
    mutationFn: (p: { enrollmentId: number; site: string | null }) =>
      api.enrollments.setSite({ enrollmentIds: [p.enrollmentId], site: p.site }),
    onSuccess: (l) => storeEnrollments(queryClient, l),
  });
  const onAdded = (r: AddResult) => {
    setAdding(null);
    setAdded(r);
  };
  const locked = LOCKED_STATUSES.includes(cls.status);
  // The core refuses new learners and withdrawals once results are recognised or the class is cancelled.
  const open = !locked && cls.status !== 'cancelled';

  if (list.isError) return <Alert severity="error">{list.error.message}</Alert>;
  if (!list.data) return null;
  const { capacity, enrolled, enrollments, sites } = list.data;
  const over = capacity !== null && enrolled > capacity;
  return (
    <Paper sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h2" sx={{ flexGrow: 1 }} color={over ? 'error' : undefined}>
          {capacity !== null ? `${formatNumber(enrolled)}/${formatNumber(capacity)} học viên` : `${formatNumber(enrolled)} học viên`}
        </Typography>
        {locked && (
          <Typography variant="body2" color="text.secondary">
            Kết quả đã công nhận: không thêm người hay cho thôi học được nữa; ghi nhận kỷ luật cần ghi lý do.
          </Typography>
        )}
        {open && (
          <>
            <Button startIcon={<UploadFileIcon />} onClick={() => navigate(`/learners/import?classId=${cls.id}`)}>
              Nhập từ Excel
            </Button>
            <Button startIcon={<GroupAddIcon />} onClick={() => setAdding('unit')}>
              Thêm cả chi bộ
            </Button>
            <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setAdding('registry')}>
              Thêm từ sổ học viên
            </Button>
          </>
        )}
      </Box>
      {setSite.isError && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {setSite.error.message}
        </Alert>
      )}
      {added && (
        <Box sx={{ display: 'grid', gap: 1, mb: 1.5 }}>
          <Alert severity="success" onClose={() => setAdded(null)}>
            Đã thêm {formatNumber(added.added)} người vào lớp.
          </Alert>
          {added.capacityWarning && <Alert severity="warning">{added.capacityWarning}</Alert>}
        </Box>
      )}
      {enrollments.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 3 }}>
          Lớp chưa có học viên. Thêm từng người từ sổ học viên, hoặc thêm cả chi bộ cùng lúc.
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Học viên của lớp" sx={{ minWidth: 1000, '& th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 48 }} align="right">
                  STT
                </TableCell>
                <TableCell sx={{ minWidth: 190 }}>Họ và tên</TableCell>
                <TableCell sx={{ width: 100 }}>Ngày sinh</TableCell>
                <TableCell sx={{ minWidth: 150 }}>Chi bộ</TableCell>
                <TableCell sx={{ width: 160 }}>Đảng viên</TableCell>
                {sites.length > 0 && <TableCell sx={{ minWidth: 180 }}>Điểm cầu</TableCell>}
                <TableCell sx={{ minWidth: 150 }}>Trạng thái</TableCell>
                <TableCell sx={{ minWidth: 190 }}>Kỷ luật</TableCell>
                {open && <TableCell sx={{ width: 100 }} />}
              </TableRow>
            </TableHead>
            <TableBody>
              {enrollments.map((e, i) => {
                const gone = e.status === 'withdrawn';
                return (
                  <TableRow key={e.id} sx={{ '& td': { color: gone ? 'text.secondary' : undefined }, verticalAlign: 'top' }}>
                    <TableCell align="right">{i + 1}</TableCell>
                    <TableCell>
                      {e.fullName}
                      {e.fitOverrideReason && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          Vẫn cho học: {e.fitOverrideReason}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(e.birthDate)}</TableCell>
                    <TableCell>{e.unitName ?? ''}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.partyStatus ? PARTY_STATUS_LABELS[e.partyStatus] : ''}</TableCell>
                    {sites.length > 0 && (
                      <TableCell sx={{ py: 0.5 }}>
                        <TextField
                          select
                          size="small"
                          variant="standard"
                          fullWidth
                          value={e.site ?? ''}
                          disabled={gone || setSite.isPending}
                          onChange={(ev) => setSite.mutate({ enrollmentId: e.id, site: ev.target.value === '' ? null : ev.target.value })}
                          slotProps={{ select: { displayEmpty: true }, htmlInput: { 'aria-label': `Điểm cầu của ${e.fullName}` } }}
                        >
                          <MenuItem value="">
                            <em>Chưa chọn</em>
                          </MenuItem>
                          {/* A site renamed since stays visible until the clerk picks again. */}
                          {e.site && !sites.includes(e.site) && <MenuItem value={e.site}>{e.site} (không còn trong lớp)</MenuItem>}
                          {sites.map((site) => (
                            <MenuItem key={site} value={site}>
                              {site}
                            </MenuItem>
                          ))}
                        </TextField>
                      </TableCell>
                    )}
                    <TableCell>{gone ? `Thôi học: ${e.withdrawReason ?? ''}` : 'Đang học'}</TableCell>
                    <TableCell>
                      <Box sx={{ display: 'flex', alignItems: 'flex-start' }}>
                        <Checkbox
                          size="small"
                          checked={e.discipline}
                          disabled={gone}
                          onChange={(ev) => setDiscipline({ enrollment: e, on: ev.target.checked })}
                          slotProps={{ input: { 'aria-label': `Kỷ luật: ${e.fullName}` } }}
                          sx={{ p: 0, mr: 0.75 }}
                        />
                        <Box sx={{ flexGrow: 1 }}>{e.discipline ? e.disciplineNote || 'Có' : ''}</Box>
                        {e.discipline && !gone && (
                          <IconButton
                            size="small"
                            sx={{ my: -0.5 }}
                            aria-label={`Sửa nội dung kỷ luật: ${e.fullName}`}
                            onClick={() => setDiscipline({ enrollment: e, on: true })}
                          >
                            <EditNoteIcon fontSize="small" />
                          </IconButton>
                        )}
                      </Box>
                    </TableCell>
                    {open && (
                      <TableCell align="right">
                        {!gone && (
                          <Button
                            size="small"
                            color="error"
                            sx={{ whiteSpace: 'nowrap', my: -0.5 }}
                            aria-label={`Thôi học: ${e.fullName}`}
                            onClick={() => setWithdrawing(e)}
                          >
                            Thôi học
                          </Button>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
      {adding === 'registry' && (
        <AddFromRegistryDialog classId={cls.id} members={members} onClose={() => setAdding(null)} onAdded={onAdded} />
      )}
      {adding === 'unit' && <AddUnitDialog classId={cls.id} onClose={() => setAdding(null)} onAdded={onAdded} />}
      {withdrawing && (
        <ReasonDialog
          title={`Cho ${withdrawing.fullName} thôi học?`}
          label="Lý do thôi học"
          helperText="Ví dụ: chuyển công tác, ốm dài ngày; lý do được in trong danh sách của lớp"
          confirmLabel="Thôi học"
          busy={withdraw.isPending}
          error={withdraw.error?.message ?? null}
          onConfirm={(reason) => withdraw.mutate({ enrollmentId: withdrawing.id, reason })}
          onClose={() => {
            setWithdrawing(null);
            withdraw.reset();
          }}
        >
          Người thôi học vẫn có tên trong danh sách lớp nhưng không được điểm danh, chấm điểm hay xét kết quả nữa; nếu cần có thể thêm lại
          từ sổ học viên.
        </ReasonDialog>
      )}
      {discipline && (
        <DisciplineDialog
          enrollment={discipline.enrollment}
          discipline={discipline.on}
          locked={locked}
          onClose={() => setDiscipline(null)}
        />
      )}
    </Paper>
  );
}
