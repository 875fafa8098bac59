import { Autocomplete, TextField } from '@mui/material';
import { useCommuneFilter, useCommunes } from '../../features/reference/queries';

/** A commune of the 2025 catalogue, found by typing part of its name; its code in and out. */
export function CommuneField(props: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  name?: string;
  error?: boolean;
  helperText?: string;
}) {
  const communes = useCommunes();
  const filterCommunes = useCommuneFilter();
  return (
    <Autocomplete
      options={communes.data ?? []}
      loading={communes.isPending}
      getOptionLabel={(c) => `${c.name}, ${c.provinceName}`}
      filterOptions={filterCommunes}
      value={communes.data?.find((c) => c.code === props.value) ?? null}
      onChange={(_e, c) => props.onChange(c?.code ?? null)}
      renderInput={(p) => (
        <TextField {...p} label={props.label} name={props.name ?? 'communeCode'} error={props.error} helperText={props.helperText} />
      )}
    />
  );
}
