import { Autocomplete, Chip, TextField } from '@mui/material';
import { cleanText } from '../../../shared/domain/text';

/**
 * A list of names typed one by one (Enter adds) or pasted as a column from Excel (one per line, or
 * separated by ";").
 */
export function ListField(props: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
  error?: boolean;
  helperText?: string;
  name?: string;
}) {
  const add = (items: string[]) => {
    const next = [...props.value];
    for (const item of items.map(cleanText).filter(Boolean)) if (!next.includes(item)) next.push(item);
    props.onChange(next);
  };
  return (
    <Autocomplete
      multiple
      freeSolo
      options={[]}
      value={props.value}
      onChange={(_e, v) => props.onChange(v.map((x) => cleanText(String(x))).filter(Boolean))}
      renderValue={(value, getItemProps) =>
        value.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} label={option} size="small" {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          name={props.name}
          placeholder={props.placeholder}
          error={props.error}
          helperText={props.helperText}
          onPaste={(e) => {
            const text = e.clipboardData.getData('text');
            if (/[\n;]/.test(text)) {
              e.preventDefault();
              add(text.split(/[\r\n;]+/));
            }
          }}
        />
      )}
    />
  );
}
