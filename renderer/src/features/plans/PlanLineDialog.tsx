import { TextField } from '@mui/material';
import type { PlanLine } from '../../../../shared/contract/plans';
import { bind } from '../../components/form/bind';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { CommuneField } from '../../components/form/CommuneField';
import { ChannelFormDialog } from '../../components/form/ChannelFormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { usePrograms } from '../programs/queries';
import { quarterLabel } from './PlanProgress';
import { PLAN_CHANGE } from './queries';
import { NumberField } from '../../components/form/NumberField';

interface Draft {
  id?: number;
  programId: string;
  quarter: string;
  communeCode: string | null;
  plannedClasses: string;
  plannedLearners: string;
  notes: string;
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

function draftOf(line: PlanLine | null): Draft {
  if (!line) return { programId: '', quarter: '', communeCode: null, plannedClasses: '1', plannedLearners: '', notes: '' };
  return {
    id: line.id,
    programId: String(line.programId),
    quarter: line.quarter ? String(line.quarter) : '',
    communeCode: line.communeCode,
    plannedClasses: String(line.plannedClasses),
    plannedLearners: String(line.plannedLearners),
    notes: line.notes,
  };
}

export function PlanLineDialog({ year, line, onClose }: { year: number; line: PlanLine | null; onClose: () => void }) {
  const programs = usePrograms();
  const f = useChannelForm('plans.saveLine', {
    initial: () => draftOf(line),
    toInput: (d: Draft) => ({
      ...(d.id ? { id: d.id } : {}),
      year,
      programId: d.programId ? Number(d.programId) : Number.NaN,
      quarter: d.quarter ? Number(d.quarter) : null,
      communeCode: d.communeCode,
      plannedClasses: int(d.plannedClasses),
      plannedLearners: int(d.plannedLearners),
      notes: d.notes,
    }),
    invalidates: PLAN_CHANGE,
    onSaved: onClose,
  });
  return (
    <ChannelFormDialog
      form={f}
      title={line ? 'Sửa dòng kế hoạch' : `Thêm vào kế hoạch năm ${year}`}
      onClose={onClose}
      contentSx={{ display: 'grid', gap: 2, pt: '8px !important' }}
      errorSx={{}}
    >
      <ChoiceSelect
        label="Chương trình"
        choices={(programs.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
        {...f.text('programId')}
      />
      <ChoiceSelect
        label="Quý"
        empty="Cả năm"
        choices={[1, 2, 3, 4].map((q) => ({ value: String(q), label: quarterLabel(q) }))}
        slotProps={{ select: { displayEmpty: true } }}
        {...f.text('quarter')}
      />
      <CommuneField label="Tổ chức tại xã, phường (để trống: tại trung tâm)" {...bind(f, 'communeCode')} />
      <NumberField label="Số lớp" {...f.text('plannedClasses')} />
      <NumberField label="Số học viên dự kiến" {...f.text('plannedLearners')} />
      <TextField label="Ghi chú" {...f.text('notes')} />
    </ChannelFormDialog>
  );
}
