import {
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { diplomaInput, HELD_LEVELS, type HeldLevel } from '../../../../shared/contract/levels';
import { THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { useFormErrors } from '../../components/useFormErrors';
import { levelText } from './labels';
import { useDeleteDiploma, useSaveDiploma } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

export interface DiplomaDraft {
  id?: number;
  level: HeldLevel;
  equivalent: boolean;
  school: string;
  year: string;
  number: string;
  issueDate: string;
  note: string;
}

export const EMPTY_DIPLOMA: DiplomaDraft = {
  level: 'trung_cap',
  equivalent: false,
  school: '',
  year: '',
  number: '',
  issueDate: '',
  note: '',
};

/** «Thêm bằng ngoài trung tâm»: a diploma from another school; the level rises by itself from its year. */
export function DiplomaDialog(props: { personId: number; initial: DiplomaDraft; onClose: () => void }) {
  const [form, setForm] = useState(props.initial);
  const errors = useFormErrors();
  const set = <K extends keyof DiplomaDraft>(key: K, value: DiplomaDraft[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = useSaveDiploma({ onSuccess: props.onClose, onError: errors.fromError });
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteDiploma({ onSettled: () => setConfirming(false), onSuccess: props.onClose, onError: errors.fromError });
  const submit = () => {
    const input = {
      ...(form.id === undefined ? {} : { id: form.id }),
      personId: props.personId,
      level: form.level,
      equivalent: form.equivalent,
      school: form.school,
      year: form.year.trim() === '' ? Number.NaN : Number(form.year),
      number: form.number,
      issueDate: form.issueDate || null,
      note: form.note,
    };
    if (errors.validate(diplomaInput, input)) save.mutate(input);
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth aria-labelledby="diploma-title">
      <DialogTitle id="diploma-title">{form.id === undefined ? 'Thêm bằng ngoài trung tâm' : 'Sửa bằng ngoài trung tâm'}</DialogTitle>
      <DialogContent>
        <Box
          component="form"
          id="diploma-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, pt: 1 }}
        >
          <ErrorAlert error={errors.formError} sx={{ gridColumn: '1 / -1' }} />
          <TextField
            select
            label="Trình độ"
            name="level"
            value={form.level}
            onChange={(e) => set('level', e.target.value as HeldLevel)}
            {...errors.at('level')}
          >
            {HELD_LEVELS.map((l) => (
              <MenuItem key={l} value={l}>
                {THEORY_LEVEL_LABELS[l]}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={<Checkbox checked={form.equivalent} onChange={(e) => set('equivalent', e.target.checked)} />}
            label="Tương đương (bằng khác được công nhận)"
          />
          <TextField
            label="Trường cấp bằng"
            name="school"
            autoFocus
            value={form.school}
            onChange={(e) => set('school', e.target.value)}
            sx={{ gridColumn: '1 / -1' }}
            {...errors.at('school')}
          />
          <TextField
            label="Năm cấp"
            name="year"
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            value={form.year}
            onChange={(e) => set('year', e.target.value.replace(/\D/g, '').slice(0, 4))}
            {...errors.at('year')}
          />
          <TextField
            label="Số bằng"
            name="number"
            value={form.number}
            onChange={(e) => set('number', e.target.value)}
            {...errors.at('number')}
          />
          <DateField
            label="Ngày cấp (nếu biết)"
            name="issueDate"
            value={form.issueDate}
            onChange={(v) => set('issueDate', v)}
            {...errors.at('issueDate')}
          />
          <TextField label="Ghi chú" name="note" value={form.note} onChange={(e) => set('note', e.target.value)} {...errors.at('note')} />
        </Box>
      </DialogContent>
      <DialogActions>
        {form.id !== undefined && (
          <Button color="error" onClick={() => setConfirming(true)} disabled={remove.isPending} sx={{ mr: 'auto' }}>
            Xóa bằng này
          </Button>
        )}
        <Button onClick={props.onClose}>Hủy</Button>
        <Button type="submit" form="diploma-form" variant="contained" disabled={save.isPending}>
          Lưu
        </Button>
      </DialogActions>
      <ConfirmDialog
        open={confirming}
        title="Xóa bằng này?"
        confirmLabel="Xóa bằng"
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ id: form.id! })}
        onClose={() => setConfirming(false)}
      >
        Xóa bằng {levelText(props.initial.level, props.initial.equivalent).toLocaleLowerCase('vi')} của «{props.initial.school}» khỏi lịch
        sử trình độ của người này. Trình độ được tính lại theo các mục còn lại.
      </ConfirmDialog>
    </Dialog>
  );
}
