import { TextField } from '@mui/material';
import type { Venue } from '../../../../shared/contract/lecturers';
import { ChannelFormDialog } from '../../components/form/ChannelFormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { bind } from '../../components/form/bind';
import { CommuneField } from '../../components/form/CommuneField';
import { NumberField } from '../../components/form/NumberField';

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
  const f = useChannelForm('venues.save', { initial: () => toForm(venue), toInput, invalidates: ['venues.list'], onSaved: onClose });
  const { form } = f;

  return (
    <ChannelFormDialog
      form={f}
      title={form.id ? 'Sửa địa điểm' : 'Thêm địa điểm'}
      onClose={onClose}
      contentSx={{ display: 'grid', gap: 2, pt: '8px !important' }}
      errorSx={{}}
    >
      <TextField label="Tên địa điểm" required {...f.text('name', 'Ví dụ: Hội trường trung tâm, Phòng học số 2')} />
      <TextField label="Địa chỉ" {...f.text('address')} />
      <CommuneField label="Xã, phường (danh mục 2025)" {...bind(f, 'communeCode', 'Gõ vài chữ của tên xã, phường để tìm')} />
      <NumberField label="Sức chứa (người)" {...f.text('capacity', 'Để trống nếu không rõ')} />
    </ChannelFormDialog>
  );
}
