import { Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { venueInput, type Venue } from '../../../../shared/contract/lecturers';
import { api } from '../../api';
import { useFormErrors } from '../../components/useFormErrors';
import { useCommuneFilter, useCommunes } from '../learners/queries';

type Commune = NonNullable<ReturnType<typeof useCommunes>['data']>[number];
const communeLabel = (c: Commune) => `${c.name}, ${c.provinceName}`;

interface VenueForm {
  id?: number;
  name: string;
  address: string;
  communeCode: string | null;
  /** Text until saved, so a half-typed number is never lost. */
  capacity: string;
}

function toForm(v: Venue | null): VenueForm {
  if (!v) return { name: '', address: '', communeCode: null, capacity: '' };
  return {
    id: v.id,
    name: v.name,
    address: v.address,
    communeCode: v.communeCode,
    capacity: v.capacity === null ? '' : String(v.capacity),
  };
}

function toInput(f: VenueForm) {
  const c = f.capacity.trim();
  return {
    ...(f.id === undefined ? {} : { id: f.id }),
    name: f.name,
    address: f.address,
    communeCode: f.communeCode,
    // Not a whole number → NaN, which the contract reports at the field with its own message.
    capacity: c === '' ? null : /^\d+$/.test(c) ? Number(c) : Number.NaN,
  };
}

/** Mounted afresh (with a key) for each venue, so the form starts from its props. */
export function VenueDialog({ venue, onClose }: { venue: Venue | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const communes = useCommunes();
  const filterCommunes = useCommuneFilter();
  const [form, setForm] = useState<VenueForm>(() => toForm(venue));
  const patch = (p: Partial<VenueForm>) => setForm((f) => ({ ...f, ...p }));
  const save = useMutation({
    mutationFn: (input: Parameters<typeof api.venues.save>[0]) => api.venues.save(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['venues.list'] });
      onClose();
    },
    onError: errors.fromError,
  });
  const submit = () => {
    const input = errors.validate(venueInput, toInput(form));
    if (input) save.mutate(input);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{form.id ? 'Sửa địa điểm' : 'Thêm địa điểm'}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        {errors.formError && <Alert severity="error">{errors.formError}</Alert>}
        <TextField
          label="Tên địa điểm"
          name="name"
          required
          value={form.name}
          onChange={(e) => patch({ name: e.target.value })}
          {...errors.at('name', 'Ví dụ: Hội trường trung tâm, Phòng học số 2')}
        />
        <TextField
          label="Địa chỉ"
          name="address"
          value={form.address}
          onChange={(e) => patch({ address: e.target.value })}
          {...errors.at('address')}
        />
        <Autocomplete
          options={communes.data ?? []}
          loading={communes.isPending}
          getOptionLabel={communeLabel}
          filterOptions={filterCommunes}
          value={communes.data?.find((c) => c.code === form.communeCode) ?? null}
          onChange={(_e, c) => patch({ communeCode: c?.code ?? null })}
          renderInput={(p) => (
            <TextField {...p} label="Xã, phường (danh mục 2025)" {...errors.at('communeCode', 'Gõ vài chữ của tên xã, phường để tìm')} />
          )}
        />
        <TextField
          label="Sức chứa (người)"
          name="capacity"
          value={form.capacity}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          onChange={(e) => patch({ capacity: e.target.value })}
          {...errors.at('capacity', 'Để trống nếu không rõ')}
        />
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
