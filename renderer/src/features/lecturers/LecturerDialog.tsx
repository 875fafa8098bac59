import { Grid, TextField } from '@mui/material';
import {
  LECTURER_KINDS,
  LECTURER_KIND_LABELS,
  LECTURER_ROLES,
  LECTURER_ROLE_LABELS,
  type LecturerRole,
} from '../../../../shared/domain/lecturer-norms';
import { EnumSelect } from '../../components/form/EnumSelect';
import { FormDialog } from '../../components/form/FormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { EMPTY_LECTURER, formToInput, withRole, type LecturerForm } from './lecturer-form';
import { LECTURER_CHANGE } from './queries';

/** Mounted afresh (with a key) for each lecturer, so the form starts from its props. */
export function LecturerDialog({ initial, onClose }: { initial: LecturerForm | null; onClose: () => void }) {
  const f = useChannelForm('lecturers.save', {
    initial: initial ?? EMPTY_LECTURER,
    toInput: formToInput,
    invalidates: LECTURER_CHANGE,
    onSaved: onClose,
  });
  const { form } = f;

  return (
    <FormDialog
      title={form.id ? 'Sửa thông tin giảng viên' : 'Thêm giảng viên'}
      onClose={onClose}
      onSubmit={f.submit}
      busy={f.busy}
      error={f.formError}
    >
      <Grid container spacing={2} sx={{ pt: 1 }}>
        <Grid size={{ xs: 12, sm: 8 }}>
          <TextField label="Họ và chữ đệm" {...f.text('familyAndMiddle')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField label="Tên" required {...f.text('given')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EnumSelect
            label="Loại"
            name="kind"
            required
            options={LECTURER_KINDS}
            labels={LECTURER_KIND_LABELS}
            value={form.kind}
            onChange={(kind) => f.patch({ kind })}
            {...f.at('kind')}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EnumSelect<LecturerRole>
            label="Chức danh"
            name="role"
            required
            options={LECTURER_ROLES}
            labels={LECTURER_ROLE_LABELS}
            value={form.role}
            onChange={(role) => f.setForm((prev) => withRole(prev, role))}
            {...f.at('role')}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Đơn vị công tác" {...f.text('unit')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Chức vụ" {...f.text('position')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Điện thoại" slotProps={{ htmlInput: { inputMode: 'tel' } }} {...f.text('phone')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }} />
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Định mức cả năm (giờ chuẩn)"
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            {...f.text('normHours', 'Điền sẵn theo chức danh; sửa được')}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Trong đó giờ giảng"
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            {...f.text('lecturingHours', 'Để trống nếu không áp dụng định mức')}
          />
        </Grid>
      </Grid>
    </FormDialog>
  );
}
