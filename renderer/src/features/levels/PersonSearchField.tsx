import { Autocomplete, TextField } from '@mui/material';
import { useDeferredValue, useState } from 'react';
import type { PersonRow } from '../../../../shared/contract/learners';
import { formatDate } from '../../../../shared/domain/format';
import { useChannelQuery } from '../../data/queries';

/** Finds a person in the registry by name as typed (the registry's own search) and hands them over; the box clears for the next. */
export function PersonSearchField(props: { label: string; excludeIds: ReadonlySet<number>; onPick: (p: PersonRow) => void }) {
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const found = useChannelQuery('learners.search', { q, limit: 20 }, { enabled: q.length >= 2 });
  const options = (found.data?.rows ?? []).filter((p) => !props.excludeIds.has(p.id));
  return (
    <Autocomplete
      options={options}
      value={null}
      inputValue={text}
      onInputChange={(_e, v, reason) => setText(reason === 'reset' ? '' : v)}
      onChange={(_e, p) => {
        if (p) props.onPick(p);
        setText('');
      }}
      filterOptions={(o) => o}
      getOptionLabel={(p) => p.fullName}
      renderOption={(attrs, p) => (
        <li {...attrs} key={p.id}>
          {p.fullName}
          {p.birthDate ? `, ${formatDate(p.birthDate)}` : ''}
          {p.position ? ` — ${p.position}` : ''}
          {p.unitName ? ` (${p.unitName})` : ''}
        </li>
      )}
      noOptionsText={q.length < 2 ? 'Gõ ít nhất 2 chữ của họ tên' : found.isFetching ? 'Đang tìm…' : 'Không tìm thấy'}
      renderInput={(params) => <TextField {...params} label={props.label} name="personSearch" />}
    />
  );
}
