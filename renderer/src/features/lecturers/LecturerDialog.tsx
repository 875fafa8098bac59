import { Grid, TextField } from '@mui/material';
import {
  LECTURER_KINDS,
  LECTURER_KIND_LABELS,
  LECTURER_ROLES,
  LECTURER_ROLE_LABELS,
  type LecturerRole,
} from '../../../../shared/domain/lecturer-norms';
import { bind } from '../../components/form/bind';
import { EnumSelect } from '../../components/form/EnumSelect';
import { ChannelFormDialog } from '../../components/form/ChannelFormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { EMPTY_LECTURER, formToInput, withRole, type LecturerForm } from './lecturer-form';
import { LECTURER_CHANGE } from './queries';
import { NumberField } from '../../components/form/NumberField';

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
    <ChannelFormDialog form={f} title={form.id ? 'Sửa thông tin giảng viên' : 'Thêm giảng viên'} onClose={onClose}>
      <Grid container spacing={2} sx={{ pt: 1 }}>
        <Grid size={{ xs: 12, sm: 8 }}>
          <TextField label="Họ và chữ đệm" {...f.text('familyAndMiddle')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField label="Tên" required {...f.text('given')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EnumSelect label="Loại" required options={LECTURER_KINDS} labels={LECTURER_KIND_LABELS} {...bind(f, 'kind')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EnumSelect<LecturerRole>
            label="Chức danh"
            required
            options={LECTURER_ROLES}
            labels={LECTURER_ROLE_LABELS}
            {...bind(f, 'role')}
            onChange={(role) => f.setForm((prev) => withRole(prev, role))}
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
          <NumberField label="Định mức cả năm (giờ chuẩn)" {...f.text('normHours', 'Điền sẵn theo chức danh; sửa được')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <NumberField label="Trong đó giờ giảng" {...f.text('lecturingHours', 'Để trống nếu không áp dụng định mức')} />
        </Grid>
      </Grid>
    </ChannelFormDialog>
  );
}
