import { Alert, Box, Button } from '@mui/material';
import { ErrorAlert } from './form/ErrorAlert';

/** The end of a block saved on its own: what went wrong or that it was saved, then its save button. */
export function SaveFooter(props: {
  label: string;
  onSave: () => void;
  busy: boolean;
  error: Error | string | null | undefined;
  /** Shown once the block has been saved. */
  saved: string | false;
}) {
  return (
    <>
      <ErrorAlert error={props.error} sx={{ mt: 2 }} />
      {props.saved && (
        <Alert severity="success" sx={{ mt: 2 }}>
          {props.saved}
        </Alert>
      )}
      <Box sx={{ mt: 2 }}>
        <Button variant="contained" onClick={props.onSave} disabled={props.busy}>
          {props.label}
        </Button>
      </Box>
    </>
  );
}
