import { Button, Checkbox, FormControlLabel, TextField } from '@mui/material';
import { useState } from 'react';
import { HELD_LEVELS, type HeldLevel } from '../../../../shared/contract/levels';
import { THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { bind } from '../../components/form/bind';
import { EnumSelect } from '../../components/form/EnumSelect';
import { FormBox } from '../../components/form/FormBox';
import { NumberField } from '../../components/form/NumberField';
import { ChannelFormDialog } from '../../components/form/ChannelFormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { levelText } from './labels';
import { DIPLOMA_CHANGE, useDeleteDiploma } from './queries';

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
  const f = useChannelForm('levels.saveDiploma', {
    initial: props.initial,
    toInput: (form: DiplomaDraft) => ({
      ...form,
      personId: props.personId,
      year: form.year.trim() === '' ? Number.NaN : Number(form.year),
      issueDate: form.issueDate || null,
    }),
    invalidates: DIPLOMA_CHANGE,
    onSaved: props.onClose,
  });
  const { form } = f;
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteDiploma({ onSettled: () => setConfirming(false), onSuccess: props.onClose, onError: f.errors.fromError });
  return (
    <ChannelFormDialog
      form={f}
      title={form.id === undefined ? 'Thêm bằng ngoài trung tâm' : 'Sửa bằng ngoài trung tâm'}
      onClose={props.onClose}
      formId="diploma-form"
      actions={
        form.id !== undefined && (
          <Button color="error" onClick={() => setConfirming(true)} disabled={remove.isPending} sx={{ mr: 'auto' }}>
            Xóa bằng này
          </Button>
        )
      }
    >
      <FormBox id="diploma-form" onSubmit={f.submit} sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, pt: 1 }}>
        <EnumSelect label="Trình độ" options={HELD_LEVELS} labels={THEORY_LEVEL_LABELS} {...bind(f, 'level')} />
        <FormControlLabel
          control={<Checkbox checked={form.equivalent} onChange={(e) => f.patch({ equivalent: e.target.checked })} />}
          label="Tương đương (bằng khác được công nhận)"
        />
        <TextField label="Trường cấp bằng" autoFocus sx={{ gridColumn: '1 / -1' }} {...f.text('school')} />
        <NumberField
          label="Năm cấp"
          {...f.text('year')}
          onChange={(e) => f.patch({ year: e.target.value.replace(/\D/g, '').slice(0, 4) })}
        />
        <TextField label="Số bằng" {...f.text('number')} />
        <DateField label="Ngày cấp (nếu biết)" {...bind(f, 'issueDate')} />
        <TextField label="Ghi chú" {...f.text('note')} />
      </FormBox>
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
    </ChannelFormDialog>
  );
}
