import { Box, Button, type SxProps, type Theme } from '@mui/material';

/** The save button of a useRowForm, and «Hủy» while a row is being edited. */
export function RowFormActions(props: {
  form: { busy: boolean; editing: boolean; reset: () => void };
  label: string;
  sx?: SxProps<Theme>;
}) {
  const { form } = props;
  return (
    <Box sx={[{ display: 'flex', gap: 1 }, ...(Array.isArray(props.sx) ? props.sx : [props.sx])]}>
      <Button type="submit" variant="contained" disabled={form.busy}>
        {props.label}
      </Button>
      {form.editing && <Button onClick={form.reset}>Hủy</Button>}
    </Box>
  );
}
