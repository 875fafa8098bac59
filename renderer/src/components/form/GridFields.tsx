import { Grid, TextField, type SxProps, type TextFieldProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { NumberField } from './NumberField';

/** A cell's width in twelfths from the small and the medium window up; on a phone every cell takes the whole row. */
interface CellWidth {
  sm?: number;
  md?: number;
}

/** One cell of a form's `<Grid container>`, holding a control (a select, a date, a commune…). */
export function GridCell({ sm, md, sx, children }: CellWidth & { sx?: SxProps<Theme>; children?: ReactNode }) {
  return (
    <Grid size={{ xs: 12, sm, md }} sx={sx}>
      {children}
    </Grid>
  );
}

/** A text field in a cell of its own (see GridCell); `numeric`: a whole number, typed on the number keypad. */
export function GridTextField({ sm, md, numeric, ...field }: CellWidth & TextFieldProps & { numeric?: boolean }) {
  return (
    <GridCell sm={sm} md={md}>
      {numeric ? <NumberField {...field} /> : <TextField {...field} />}
    </GridCell>
  );
}
