import { Alert, DialogContentText } from '@mui/material';
import { useState } from 'react';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormDialog } from '../../components/form/FormDialog';
import { ReasonField } from '../../components/form/ReasonField';
import { useSetDiscipline } from './queries';

/**
 * Sets or lifts the discipline flag, which makes a learner not eligible. After results are
 * recognised the core also wants the reason for the change (it lands in the audit log): the field
 * appears when the class is locked, or when the core says so.
 */
export function DisciplineDialog(props: { enrollment: Enrollment; discipline: boolean; locked: boolean; onClose: () => void }) {
  const { enrollment: e } = props;
  const [note, setNote] = useState(props.discipline ? e.disciplineNote : '');
  const [reason, setReason] = useState('');
  const save = useSetDiscipline({ onSuccess: props.onClose });
  const askedForReason = save.error instanceof ApiError && save.error.code === 'LOCKED_NEEDS_REASON';
  const needsReason = props.locked || askedForReason;
  const reasonMissing = needsReason && reason.trim() === '';
  return (
    <FormDialog
      title={props.discipline ? `Ghi nhận kỷ luật: ${e.fullName}` : `Bỏ ghi nhận kỷ luật: ${e.fullName}`}
      onClose={props.onClose}
      onSubmit={() => save.mutate({ enrollmentId: e.id, discipline: props.discipline, note, ...(needsReason ? { reason } : {}) })}
      busy={save.isPending || reasonMissing}
      submitLabel={props.discipline ? 'Ghi nhận kỷ luật' : 'Bỏ ghi nhận'}
    >
      <DialogContentText sx={{ mb: 2 }}>
        {props.discipline
          ? 'Học viên bị kỷ luật trong thời gian học thì không đủ điều kiện được công nhận kết quả.'
          : 'Học viên sẽ được xét kết quả như bình thường.'}
      </DialogContentText>
      {/* The core asking for a reason is a step of the change, not a failure. */}
      {askedForReason ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {save.error?.message}
        </Alert>
      ) : (
        <ErrorAlert error={save.error} sx={{ mb: 2 }} />
      )}
      {props.discipline && (
        <ReasonField
          label="Nội dung kỷ luật"
          name="disciplineNote"
          value={note}
          onChange={setNote}
          helperText="Ví dụ: khiển trách vì tự ý bỏ học ngày 14/02"
          multiline
          sx={{ mt: 1 }}
        />
      )}
      {needsReason && (
        <ReasonField
          autoFocus={!props.discipline}
          label="Lý do sửa sau khi đã công nhận kết quả"
          value={reason}
          onChange={setReason}
          helperText="Kết quả của lớp đã được công nhận; lý do được lưu vào nhật ký"
          sx={{ mt: 2 }}
        />
      )}
    </FormDialog>
  );
}
