import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid, MenuItem, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { lecturerInput } from '../../../../shared/contract/lecturers';
import {
  LECTURER_KINDS,
  LECTURER_KIND_LABELS,
  LECTURER_ROLES,
  LECTURER_ROLE_LABELS,
  type LecturerKind,
  type LecturerRole,
} from '../../../../shared/domain/lecturer-norms';
import { api } from '../../api';
import { useFormErrors } from '../../components/useFormErrors';
import { EMPTY_LECTURER, formToInput, withRole, type LecturerForm } from './lecturer-form';

/** Mounted afresh (with a key) for each lecturer, so the form starts from its props. */
export function LecturerDialog({ initial, onClose }: { initial: LecturerForm | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [form, setForm] = useState<LecturerForm>(initial ?? EMPTY_LECTURER);
  const patch = (p: Partial<LecturerForm>) => setForm((f) => ({ ...f, ...p }));
  const save = useMutation({
    mutationFn: (input: Parameters<typeof api.lecturers.save>[0]) => api.lecturers.save(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['lecturers.list'] });
      void queryClient.invalidateQueries({ queryKey: ['lecturers.hours'] });
      onClose();
    },
    onError: errors.fromError,
  });
  const submit = () => {
    const input = errors.validate(lecturerInput, formToInput(form));
    if (input) save.mutate(input);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{form.id ? 'Sửa thông tin giảng viên' : 'Thêm giảng viên'}</DialogTitle>
      <DialogContent>
        {errors.formError && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {errors.formError}
          </Alert>
        )}
        <Grid container spacing={2} sx={{ pt: 1 }}>
          <Grid size={{ xs: 12, sm: 8 }}>
            <TextField
              label="Họ và chữ đệm"
              name="familyAndMiddle"
              value={form.familyAndMiddle}
              onChange={(e) => patch({ familyAndMiddle: e.target.value })}
              {...errors.at('familyAndMiddle')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              label="Tên"
              name="given"
              required
              value={form.given}
              onChange={(e) => patch({ given: e.target.value })}
              {...errors.at('given')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              select
              label="Loại"
              name="kind"
              required
              value={form.kind}
              onChange={(e) => patch({ kind: e.target.value as LecturerKind })}
              {...errors.at('kind')}
            >
              {LECTURER_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {LECTURER_KIND_LABELS[k]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              select
              label="Chức danh"
              name="role"
              required
              value={form.role}
              onChange={(e) => setForm((f) => withRole(f, e.target.value as LecturerRole))}
              {...errors.at('role')}
            >
              {LECTURER_ROLES.map((r) => (
                <MenuItem key={r} value={r}>
                  {LECTURER_ROLE_LABELS[r]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Đơn vị công tác"
              name="unit"
              value={form.unit}
              onChange={(e) => patch({ unit: e.target.value })}
              {...errors.at('unit')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Chức vụ"
              name="position"
              value={form.position}
              onChange={(e) => patch({ position: e.target.value })}
              {...errors.at('position')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Điện thoại"
              name="phone"
              value={form.phone}
              slotProps={{ htmlInput: { inputMode: 'tel' } }}
              onChange={(e) => patch({ phone: e.target.value })}
              {...errors.at('phone')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }} />
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Định mức cả năm (giờ chuẩn)"
              name="normHours"
              value={form.normHours}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => patch({ normHours: e.target.value })}
              {...errors.at('normHours', 'Điền sẵn theo chức danh; sửa được')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Trong đó giờ giảng"
              name="lecturingHours"
              value={form.lecturingHours}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => patch({ lecturingHours: e.target.value })}
              {...errors.at('lecturingHours', 'Để trống nếu không áp dụng định mức')}
            />
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Hủy</Button>
        <Button variant="contained" disabled={save.isPending} onClick={submit}>
          Lưu
        </Button>
      </DialogActions>
    </Dialog>
  );
}
