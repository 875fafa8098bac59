import { Autocomplete, TextField } from '@mui/material';
import type { Venue } from '../../../../shared/contract/lecturers';
import { FormDialog } from '../../components/form/FormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { useCommuneFilter, useCommunes } from '../reference/queries';

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
  const communes = useCommunes();
  const filterCommunes = useCommuneFilter();
  const f = useChannelForm('venues.save', { initial: () => toForm(venue), toInput, invalidates: ['venues.list'], onSaved: onClose });
  const { form } = f;

  return (
    <FormDialog
      title={form.id ? 'Sửa địa điểm' : 'Thêm địa điểm'}
      onClose={onClose}
      onSubmit={f.submit}
      busy={f.busy}
      error={f.formError}
      contentSx={{ display: 'grid', gap: 2, pt: '8px !important' }}
      errorSx={{}}
    >
      <TextField label="Tên địa điểm" required {...f.text('name', 'Ví dụ: Hội trường trung tâm, Phòng học số 2')} />
      <TextField label="Địa chỉ" {...f.text('address')} />
      <Autocomplete
        options={communes.data ?? []}
        loading={communes.isPending}
        getOptionLabel={communeLabel}
        filterOptions={filterCommunes}
        value={communes.data?.find((c) => c.code === form.communeCode) ?? null}
        onChange={(_e, c) => f.patch({ communeCode: c?.code ?? null })}
        renderInput={(p) => (
          <TextField {...p} label="Xã, phường (danh mục 2025)" {...f.at('communeCode', 'Gõ vài chữ của tên xã, phường để tìm')} />
        )}
      />
      <TextField
        label="Sức chứa (người)"
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        {...f.text('capacity', 'Để trống nếu không rõ')}
      />
    </FormDialog>
  );
}
