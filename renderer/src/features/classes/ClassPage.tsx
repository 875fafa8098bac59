import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Tab,
  Tabs,
  TextField,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { CLASS_STATUS_LABELS, type ClassRow, type ClassStatus } from '../../../../shared/contract/classes';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { DocumentPreview } from '../documents/DocumentPreview';
import { ClassInfoForm } from './ClassInfoForm';
import { STATUS_COLORS } from './ClassListPage';
import { NEXT_STEP, TAB_KEYS } from './lifecycle';
import { TimetableTab } from '../timetable/TimetableTab';
import { AttendanceTab } from '../attendance/AttendanceTab';
import { EnrollmentTab } from '../enrollments/EnrollmentTab';
import { EnrolledTabLabel, enrollmentsKey } from '../enrollments/queries';
import { ResultsTab } from '../results/ResultsTab';
import { CertificatesTab } from '../certificates/CertificatesTab';

export function ClassPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const id = params.id ? Number(params.id) : undefined;
  const cls = useQuery({ queryKey: ['classes.get', id], queryFn: () => api.classes.get({ id: id! }), enabled: id !== undefined });
  if (id === undefined) {
    const line = search.get('planLine');
    const plan = line ? { lineId: Number(line), programId: Number(search.get('program')), year: Number(search.get('year')) } : null;
    return (
      <Box sx={{ maxWidth: 1200 }}>
        <PageHeader
          title="Mở lớp mới"
          subtitle={
            plan ? 'Mở lớp theo dòng kế hoạch năm; tên lớp và số khóa được đề xuất.' : 'Chọn chương trình; tên lớp và số khóa được đề xuất.'
          }
        />
        <ClassInfoForm initial={null} plan={plan} onSaved={() => undefined} />
      </Box>
    );
  }
  if (cls.isError) return <Alert severity="error">{cls.error.message}</Alert>;
  if (!cls.data) return null;
  return <ClassView key={cls.data.id} cls={cls.data} />;
}

function ClassView({ cls }: { cls: ClassRow }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [tab, setTab] = useState(() => Math.max(0, (TAB_KEYS as readonly string[]).indexOf(params.get('tab') ?? '')));
  const [cancelling, setCancelling] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['classes.get', cls.id] });
    void queryClient.invalidateQueries({ queryKey: ['classes.list'] });
    void queryClient.invalidateQueries({ queryKey: ['documents.preview'] });
    // Sessions, sites and the program feed the other tabs' grids.
    void queryClient.invalidateQueries({ queryKey: ['attendance.grid', cls.id] });
    void queryClient.invalidateQueries({ queryKey: ['results.grid', cls.id] });
    void queryClient.invalidateQueries({ queryKey: enrollmentsKey(cls.id) });
  };
  const move = useMutation({
    mutationFn: (p: { status: ClassStatus; reason?: string }) => api.classes.setStatus({ id: cls.id, ...p }),
    onSuccess: (c) => {
      queryClient.setQueryData(['classes.get', cls.id], c);
      refresh();
      setCancelling(false);
      setConfirming(false);
    },
  });
  const step = NEXT_STEP[cls.status];
  const takeStep = () => {
    if (!step) return;
    if ('tab' in step) setTab(TAB_KEYS.indexOf(step.tab));
    else if (step.confirm) setConfirming(true);
    else move.mutate({ status: step.to });
  };
  const canCancel = ['planned', 'opened', 'running'].includes(cls.status);
  return (
    <Box sx={{ maxWidth: 1300 }}>
      <PageHeader
        title={cls.name}
        subtitle={`${cls.programName}${cls.openingDecisionLabel ? ` · Quyết định mở lớp số ${cls.openingDecisionLabel}` : ''}`}
        actions={
          <>
            <Chip color={STATUS_COLORS[cls.status]} label={CLASS_STATUS_LABELS[cls.status]} sx={{ alignSelf: 'center' }} />
            {/* A step that only leads to a tab is not offered on that tab: the tab's own button does it. */}
            {step && !('tab' in step && TAB_KEYS.indexOf(step.tab) === tab) && (
              <Button variant="contained" onClick={takeStep} disabled={move.isPending}>
                {step.label}
              </Button>
            )}
            {canCancel && (
              <Button color="error" onClick={() => setCancelling(true)}>
                Hủy lớp
              </Button>
            )}
            <Button onClick={() => navigate('/classes')}>Về danh sách lớp</Button>
          </>
        }
      />
      {move.isError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {move.error.message}
        </Alert>
      )}
      {cls.status === 'cancelled' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Lớp đã hủy: {cls.cancelReason}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ mb: 2 }}>
        <Tab label="Thông tin lớp" />
        <Tab label={`Lịch học (${cls.sessionCount} buổi)`} />
        <Tab label={<EnrolledTabLabel classId={cls.id} />} />
        <Tab label="Điểm danh" />
        <Tab label="Kết quả" />
        <Tab label="Giấy chứng nhận" />
        <Tab label="In văn bản" />
      </Tabs>
      {tab === 0 && <ClassInfoForm initial={cls} plan={null} onSaved={refresh} />}
      {tab === 1 && <TimetableTab cls={cls} onChanged={refresh} />}
      {tab === 2 && <EnrollmentTab cls={cls} />}
      {tab === 3 && <AttendanceTab classId={cls.id} />}
      {tab === 4 && <ResultsTab cls={cls} onChanged={refresh} />}
      {tab === 5 && <CertificatesTab cls={cls} />}
      {tab === 6 && <DocumentPreview classId={cls.id} />}
      <Dialog open={cancelling} onClose={() => setCancelling(false)} maxWidth="sm" fullWidth>
        <DialogTitle>Hủy lớp?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>
            Lớp đã hủy không mở lại được: không xếp lịch, điểm danh, nhập điểm hay cấp giấy chứng nhận cho lớp này nữa. Lý do hủy được lưu
            vào hồ sơ lớp.
          </DialogContentText>
          <TextField
            autoFocus
            label="Lý do hủy lớp"
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={move.error instanceof Error && !reason.trim()}
            helperText="Ghi lý do để lưu vào hồ sơ lớp, ví dụ: không đủ học viên"
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCancelling(false)}>Không hủy</Button>
          <Button color="error" variant="contained" onClick={() => move.mutate({ status: 'cancelled', reason })} disabled={move.isPending}>
            Hủy lớp
          </Button>
        </DialogActions>
      </Dialog>
      {step && 'to' in step && step.confirm && (
        <ConfirmDialog
          open={confirming}
          title={step.confirm.title}
          confirmLabel={step.label}
          cancelLabel="Quay lại"
          onConfirm={() => move.mutate({ status: step.to })}
          onClose={() => setConfirming(false)}
          busy={move.isPending}
        >
          {step.confirm.text}
          {move.isError && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {move.error.message}
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </Box>
  );
}
