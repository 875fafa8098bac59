import { Alert, Button, Chip, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { CLASS_STATUS_LABELS, type ClassRow, type ClassStatus } from '../../../../shared/contract/classes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { QueryView } from '../../components/form/QueryView';
import { Page } from '../../components/PageHeader';
import { DocumentPreview } from '../documents/DocumentPreview';
import { CancelClassDialog } from './CancelClassDialog';
import { ClassInfoForm } from './ClassInfoForm';
import { STATUS_COLORS } from './ClassListPage';
import { NEXT_STEP, TAB_KEYS } from './lifecycle';
import { useClass, useRefreshClass, useSetClassStatus } from './queries';
import { TimetableTab } from '../timetable/TimetableTab';
import { AttendanceTab } from '../attendance/AttendanceTab';
import { EnrollmentTab } from '../enrollments/EnrollmentTab';
import { EnrolledTabLabel } from '../enrollments/queries';
import { ResultsTab } from '../results/ResultsTab';
import { CertificatesTab } from '../certificates/CertificatesTab';

export function ClassPage() {
  const params = useParams();
  const [search] = useSearchParams();
  if (params.id) return <SavedClass id={Number(params.id)} />;
  const line = search.get('planLine');
  const plan = line ? { lineId: Number(line), programId: Number(search.get('program')), year: Number(search.get('year')) } : null;
  return (
    <Page
      maxWidth={1200}
      title="Mở lớp mới"
      subtitle={
        plan ? 'Mở lớp theo dòng kế hoạch năm; tên lớp và số khóa được đề xuất.' : 'Chọn chương trình; tên lớp và số khóa được đề xuất.'
      }
    >
      <ClassInfoForm initial={null} plan={plan} />
    </Page>
  );
}

function SavedClass({ id }: { id: number }) {
  return (
    <QueryView query={useClass(id)} loading={null}>
      {(cls) => <ClassView key={cls.id} cls={cls} />}
    </QueryView>
  );
}

function ClassView({ cls }: { cls: ClassRow }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [tab, setTab] = useState(() => Math.max(0, (TAB_KEYS as readonly string[]).indexOf(params.get('tab') ?? '')));
  const [cancelling, setCancelling] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = useRefreshClass();
  const setStatus = useSetClassStatus({
    onSuccess: () => {
      setCancelling(false);
      setConfirming(false);
    },
  });
  const move = (p: { status: ClassStatus; reason?: string }) => setStatus.mutate({ id: cls.id, ...p });
  const step = NEXT_STEP[cls.status];
  const takeStep = () => {
    if (!step) return;
    if ('tab' in step) setTab(TAB_KEYS.indexOf(step.tab));
    else if (step.confirm) setConfirming(true);
    else move({ status: step.to });
  };
  const canCancel = ['planned', 'opened', 'running'].includes(cls.status);
  return (
    <Page
      maxWidth={1300}
      title={cls.name}
      subtitle={`${cls.programName}${cls.openingDecisionLabel ? ` · Quyết định mở lớp số ${cls.openingDecisionLabel}` : ''}`}
      actions={
        <>
          <Chip color={STATUS_COLORS[cls.status]} label={CLASS_STATUS_LABELS[cls.status]} sx={{ alignSelf: 'center' }} />
          {/* A step that only leads to a tab is not offered on that tab: the tab's own button does it. */}
          {step && !('tab' in step && TAB_KEYS.indexOf(step.tab) === tab) && (
            <Button variant="contained" onClick={takeStep} disabled={setStatus.isPending}>
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
    >
      <ErrorAlert error={setStatus.error} sx={{ mb: 2 }} />
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
      {tab === 0 && <ClassInfoForm initial={cls} plan={null} />}
      {tab === 1 && <TimetableTab cls={cls} />}
      {tab === 2 && <EnrollmentTab cls={cls} />}
      {tab === 3 && <AttendanceTab classId={cls.id} />}
      {tab === 4 && <ResultsTab cls={cls} onChanged={refresh} />}
      {tab === 5 && <CertificatesTab cls={cls} />}
      {tab === 6 && <DocumentPreview classId={cls.id} />}
      <CancelClassDialog
        open={cancelling}
        onClose={() => setCancelling(false)}
        onCancel={(reason) => move({ status: 'cancelled', reason })}
        busy={setStatus.isPending}
        failed={setStatus.isError}
      />
      {step && 'to' in step && step.confirm && (
        <ConfirmDialog
          open={confirming}
          title={step.confirm.title}
          confirmLabel={step.label}
          cancelLabel="Quay lại"
          onConfirm={() => move({ status: step.to })}
          onClose={() => setConfirming(false)}
          busy={setStatus.isPending}
        >
          {step.confirm.text}
          <ErrorAlert error={setStatus.error} sx={{ mt: 2 }} />
        </ConfirmDialog>
      )}
    </Page>
  );
}
