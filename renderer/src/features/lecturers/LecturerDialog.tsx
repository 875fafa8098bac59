import { Grid } from '@mui/material';
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
import { GridCell, GridTextField } from '../../components/form/GridFields';
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
    <ChannelFormDialog form={f} title={form.id ? 'Sửa thông tin giảng viên' : 'Thêm giảng viên'} onClose={onClose}>
      <Grid container spacing={2} sx={{ pt: 1 }}>
        <GridTextField sm={8} label="Họ và chữ đệm" {...f.text('familyAndMiddle')} />
        <GridTextField sm={4} label="Tên" required {...f.text('given')} />
        <GridCell sm={6}>
          <EnumSelect label="Loại" required options={LECTURER_KINDS} labels={LECTURER_KIND_LABELS} {...bind(f, 'kind')} />
        </GridCell>
        <GridCell sm={6}>
          <EnumSelect<LecturerRole>
            label="Chức danh"
            required
            options={LECTURER_ROLES}
            labels={LECTURER_ROLE_LABELS}
            {...bind(f, 'role')}
            onChange={(role) => f.setForm((prev) => withRole(prev, role))}
          />
        </GridCell>
        <GridTextField sm={6} label="Đơn vị công tác" {...f.text('unit')} />
        <GridTextField sm={6} label="Chức vụ" {...f.text('position')} />
        <GridTextField sm={6} label="Điện thoại" slotProps={{ htmlInput: { inputMode: 'tel' } }} {...f.text('phone')} />
        <GridCell sm={6} />
        <GridTextField sm={6} label="Định mức cả năm (giờ chuẩn)" numeric {...f.text('normHours', 'Điền sẵn theo chức danh; sửa được')} />
        <GridTextField sm={6} label="Trong đó giờ giảng" numeric {...f.text('lecturingHours', 'Để trống nếu không áp dụng định mức')} />
      </Grid>
    </ChannelFormDialog>
  );
}
