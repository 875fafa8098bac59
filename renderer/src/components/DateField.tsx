import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { viVN } from '@mui/x-date-pickers/locales';
import { vi } from 'date-fns/locale/vi';
import { format, isValid, parseISO } from 'date-fns';
import { useState } from 'react';

/** Vietnamese calendars head their columns T2 … T7, CN; date-fns' narrow names would all read "T". */
const WEEKDAY_HEADS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

/**
 * ISO text in and out ("2026-09-05"), dd/MM/yyyy on screen. While the clerk types, the field passes
 * through dates that are not valid yet ("12/MM/2026"): those stay on screen here and the parent gets
 * "" until the date is complete, so typing is never reset half-way.
 */
// The pickers' adapter and its date library load with the screens that have a date field, not with the
// app's first screen (issue 14: the registry's first rows within a second).
const PICKER_TEXT = viVN.components.MuiLocalizationProvider.defaultProps.localeText;

export function DateField(props: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  error?: boolean;
  helperText?: string;
  name?: string;
}) {
  const external = props.value ? parseISO(props.value) : null;
  // undefined: show the parent's value; otherwise the date being typed.
  const [typing, setTyping] = useState<Date | null | undefined>(undefined);
  const shown = typing !== undefined ? typing : external && isValid(external) ? external : null;
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={vi} localeText={PICKER_TEXT}>
      <DatePicker
        label={props.label}
        value={shown}
        format="dd/MM/yyyy"
        dayOfWeekFormatter={(d) => WEEKDAY_HEADS[d.getDay()]!}
        onChange={(d) => {
          if (d && isValid(d) && d.getFullYear() >= 1900) {
            setTyping(undefined);
            props.onChange(format(d, 'yyyy-MM-dd'));
          } else {
            setTyping(d);
            props.onChange('');
          }
        }}
        slotProps={{
          textField: {
            size: 'small',
            fullWidth: true,
            name: props.name,
            error: props.error,
            helperText: props.helperText,
          },
        }}
      />
    </LocalizationProvider>
  );
}
