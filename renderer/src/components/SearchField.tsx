import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment, TextField, type SxProps, type Theme } from '@mui/material';

/** A search box with the magnifier in front; `label` names it for screen readers and tests. */
export function SearchField(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (q: string) => void;
  sx?: SxProps<Theme>;
}) {
  return (
    <TextField
      autoFocus
      placeholder={props.placeholder}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      slotProps={{
        htmlInput: { 'aria-label': props.label },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
        },
      }}
      sx={props.sx}
    />
  );
}
