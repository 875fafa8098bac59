import GroupAddIcon from '@mui/icons-material/GroupAdd';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ClassRow } from '../../../../shared/contract/classes';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import { formatNumber } from '../../../../shared/domain/format';
import { askingFor } from '../../components/form/AskDialog';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { AddFromRegistryDialog } from './AddFromRegistryDialog';
import { AddUnitDialog } from './AddUnitDialog';
import { EnrollmentTable } from './EnrollmentTable';
import { DisciplineDialog } from './DisciplineDialog';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useEnrollments, useSetSite, useWithdraw } from './queries';
import type { AddResult } from './useEnrol';

/** After results are recognised, changes that touch them need a reason. */
const LOCKED_STATUSES: readonly string[] = ['results_recognised', 'certificates_issued'];

export function EnrollmentTab({ cls }: { cls: ClassRow }) {
  const navigate = useNavigate();
  const list = useEnrollments(cls.id);
  const [adding, setAdding] = useState<'registry' | 'unit' | null>(null);
  const [added, setAdded] = useState<AddResult | null>(null);
  const [withdrawing, setWithdrawing] = useState<Enrollment | null>(null);
  const [discipline, setDiscipline] = useState<{ enrollment: Enrollment; on: boolean } | null>(null);
  const members = useMemo(() => new Map((list.data?.enrollments ?? []).map((e) => [e.personId, e])), [list.data]);
  const withdraw = useWithdraw({ onSuccess: () => setWithdrawing(null) });
  const setSite = useSetSite();
  const onAdded = (r: AddResult) => {
    setAdding(null);
    setAdded(r);
  };
  const locked = LOCKED_STATUSES.includes(cls.status);
  // The core refuses new learners and withdrawals once results are recognised or the class is cancelled.
  const open = !locked && cls.status !== 'cancelled';

  if (list.isError) return <ErrorAlert error={list.error} />;
  if (!list.data) return null;
  const { capacity, enrolled, enrollments } = list.data;
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
      <ErrorAlert error={setSite.error} sx={{ mb: 1 }} />
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
        <EnrollmentTable
          list={list.data}
          open={open}
          siteBusy={setSite.isPending}
          onSite={(enrollmentId, site) => setSite.mutate({ enrollmentIds: [enrollmentId], site })}
          onDiscipline={(enrollment, on) => setDiscipline({ enrollment, on })}
          onWithdraw={setWithdrawing}
        />
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
          {...askingFor(withdraw, () => setWithdrawing(null))}
          onConfirm={(reason) => withdraw.mutate({ enrollmentId: withdrawing.id, reason })}
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
