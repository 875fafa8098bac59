import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { STUDY_FORM_LABELS, STUDY_FORMS, type StudySessionSummary } from '../../../../shared/contract/studies';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { bind } from '../../components/form/bind';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { EnumSelect } from '../../components/form/EnumSelect';
import { FormBox } from '../../components/form/FormBox';
import { useChannelForm } from '../../components/form/useChannelForm';
import { CountsGrid } from './CountsGrid';
import { headCount } from './params';
import { SESSIONS, useRemoveStudySession, useStudyClasses, useStudySession } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { NumberField } from '../../components/form/NumberField';

interface Draft {
  title: string;
  date: string;
  form: (typeof STUDY_FORMS)[number];
  sites: string;
  classId: number | null;
  note: string;
}

function draftOf(s: StudySessionSummary | undefined): Draft {
  if (!s) return { title: '', date: '', form: 'online', sites: '', classId: null, note: '' };
  return { title: s.title, date: s.date, form: s.form, sites: s.sites === null ? '' : String(s.sites), classId: s.classId, note: s.note };
}

/** A session's particulars, then (once saved) the counts of every base organisation. */
export function SessionEditor(props: { id: number | null; year: number; onOpen: (id: number) => void; onBack: () => void }) {
  const grid = useStudySession(props.id);
  if (props.id !== null && !grid.data) {
    return grid.isError ? <ErrorAlert error={grid.error} /> : <Typography>Đang tải…</Typography>;
  }
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <SessionForm {...props} session={grid.data?.session} />
      {grid.data && <CountsGrid key={grid.data.session.id} data={grid.data} />}
    </Box>
  );
}

function SessionForm(props: {
  id: number | null;
  year: number;
  session: StudySessionSummary | undefined;
  onOpen: (id: number) => void;
  onBack: () => void;
}) {
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const f = useChannelForm('studies.save', {
    initial: () => draftOf(props.session),
    toInput: (d: Draft) => ({
      id: props.id,
      title: d.title,
      date: d.date,
      form: d.form,
      sites: headCount(d.sites),
      classId: d.classId,
      note: d.note,
    }),
    invalidates: SESSIONS,
    onSaved: (r) => {
      if (props.id === null) props.onOpen(r.id);
    },
  });
  const { form: d, errors } = f;
  const classYear = d.date ? Number(d.date.slice(0, 4)) : props.year;
  const classes = useStudyClasses(classYear);
  const remove = useRemoveStudySession({ onSuccess: props.onBack });
  const known = classes.data ?? [];
  const linked =
    d.classId !== null && !known.some((c) => c.id === d.classId) && props.session?.classId === d.classId ? props.session.className : null;

  return (
    <FormBox paper sx={{ p: 2, display: 'grid', gap: 2 }} onSubmit={f.submit} aria-label="Thông tin buổi học tập">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Button startIcon={<ArrowBackIcon />} onClick={props.onBack}>
          Danh sách buổi học tập
        </Button>
        <Typography variant="h2" sx={{ flexGrow: 1, fontSize: '1.1rem' }}>
          {props.id === null ? 'Thêm buổi học tập, quán triệt' : 'Buổi học tập, quán triệt'}
        </Typography>
        {props.id !== null && (
          <Button color="error" startIcon={<DeleteIcon />} onClick={() => setRemoving(true)}>
            Xóa buổi này
          </Button>
        )}
        <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={f.busy}>
          {props.id === null ? 'Lưu và nhập số liệu' : 'Lưu thông tin'}
        </Button>
      </Box>
      <ErrorAlert error={errors.formError} />
      {f.save.isSuccess && props.id !== null && !errors.formError && <Alert severity="success">Đã lưu thông tin buổi học tập.</Alert>}
      <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 160px 150px 120px', gap: 2 }}>
        <TextField size="small" label="Nghị quyết, chuyên đề học tập" {...f.text('title')} autoFocus={props.id === null} />
        <DateField label="Ngày" {...bind(f, 'date')} />
        <EnumSelect size="small" label="Hình thức" options={STUDY_FORMS} labels={STUDY_FORM_LABELS} {...bind(f, 'form')} />
        <NumberField size="small" label="Số điểm cầu" {...f.text('sites')} />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <ChoiceSelect
          size="small"
          label="Lấy số liệu theo danh sách lớp (nếu có)"
          name="classId"
          empty="Không có danh sách (chỉ nhập số đếm)"
          choices={[...(linked ? [{ value: d.classId!, label: linked }] : []), ...known.map((c) => ({ value: c.id, label: c.name }))]}
          value={d.classId ?? ''}
          onChange={(e) => f.patch({ classId: e.target.value === '' ? null : Number(e.target.value) })}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          {...errors.at('classId', 'Tổ chức có học viên trong danh sách lớp lấy số liệu theo danh sách; các tổ chức khác nhập số đếm.')}
        />
        <TextField size="small" label="Ghi chú" {...f.text('note')} />
      </Box>
      <ConfirmDialog
        open={removing}
        title="Xóa buổi học tập"
        confirmLabel="Xóa"
        busy={remove.isPending || !reason.trim()}
        onConfirm={() => remove.mutate({ id: props.id!, reason })}
        onClose={() => setRemoving(false)}
      >
        <Typography sx={{ mb: 2 }}>
          Buổi «{props.session?.title}» và số liệu đã nhập của các tổ chức sẽ bị xóa. Hãy ghi lý do (lưu trong nhật ký).
        </Typography>
        <ErrorAlert error={remove.error} sx={{ mb: 1 }} />
        <TextField size="small" fullWidth label="Lý do xóa" value={reason} onChange={(e) => setReason(e.target.value)} />
      </ConfirmDialog>
    </FormBox>
  );
}
