import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { planLineInput, type PlanLine } from '../../../../shared/contract/plans';
import { useFormErrors } from '../../components/useFormErrors';
import { useCommuneFilter, useCommunes } from '../reference/queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { usePrograms } from '../programs/queries';
import { useSavePlanLine } from './queries';

interface Draft {
  id?: number;
  programId: number | null;
  quarter: string;
  communeCode: string | null;
  plannedClasses: string;
  plannedLearners: string;
  notes: string;
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

export function PlanLineDialog({ year, line, onClose }: { year: number; line: PlanLine | null; onClose: () => void }) {
  const errors = useFormErrors();
  const programs = usePrograms();
  const communes = useCommunes();
  const filterCommunes = useCommuneFilter();
  const [d, setD] = useState<Draft>(() =>
    line
      ? {
          id: line.id,
          programId: line.programId,
          quarter: line.quarter ? String(line.quarter) : '',
          communeCode: line.communeCode,
          plannedClasses: String(line.plannedClasses),
          plannedLearners: String(line.plannedLearners),
          notes: line.notes,
        }
      : { programId: null, quarter: '', communeCode: null, plannedClasses: '1', plannedLearners: '', notes: '' },
  );
  const save = useSavePlanLine({ onSuccess: onClose, onError: errors.fromError });
  const submit = () => {
    const input = {
      ...(d.id ? { id: d.id } : {}),
      year,
      programId: d.programId ?? Number.NaN,
      quarter: d.quarter ? Number(d.quarter) : null,
      communeCode: d.communeCode,
      plannedClasses: int(d.plannedClasses),
      plannedLearners: int(d.plannedLearners),
      notes: d.notes,
    };
    if (errors.validate(planLineInput, input)) save.mutate(input);
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{line ? 'Sửa dòng kế hoạch' : `Thêm vào kế hoạch năm ${year}`}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        <ErrorAlert error={errors.formError} />
        <TextField
          select
          label="Chương trình"
          name="programId"
          value={d.programId ?? ''}
          onChange={(e) => setD({ ...d, programId: Number(e.target.value) })}
          {...errors.at('programId')}
        >
          {(programs.data ?? []).map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Quý"
          name="quarter"
          value={d.quarter}
          onChange={(e) => setD({ ...d, quarter: e.target.value })}
          slotProps={{ select: { displayEmpty: true } }}
          {...errors.at('quarter')}
        >
          <MenuItem value="">Cả năm</MenuItem>
          {[1, 2, 3, 4].map((q) => (
            <MenuItem key={q} value={String(q)}>
              Quý {['I', 'II', 'III', 'IV'][q - 1]}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          options={communes.data ?? []}
          filterOptions={filterCommunes}
          getOptionLabel={(c) => `${c.name}, ${c.provinceName}`}
          value={communes.data?.find((c) => c.code === d.communeCode) ?? null}
          onChange={(_e, c) => setD({ ...d, communeCode: c?.code ?? null })}
          renderInput={(p) => <TextField {...p} label="Tổ chức tại xã, phường (để trống: tại trung tâm)" {...errors.at('communeCode')} />}
        />
        <TextField
          label="Số lớp"
          name="plannedClasses"
          value={d.plannedClasses}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          onChange={(e) => setD({ ...d, plannedClasses: e.target.value })}
          {...errors.at('plannedClasses')}
        />
        <TextField
          label="Số học viên dự kiến"
          name="plannedLearners"
          value={d.plannedLearners}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          onChange={(e) => setD({ ...d, plannedLearners: e.target.value })}
          {...errors.at('plannedLearners')}
        />
        <TextField
          label="Ghi chú"
          name="notes"
          value={d.notes}
          onChange={(e) => setD({ ...d, notes: e.target.value })}
          {...errors.at('notes')}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Hủy</Button>
        <Button variant="contained" onClick={submit} disabled={save.isPending}>
          Lưu
        </Button>
      </DialogActions>
    </Dialog>
  );
}
