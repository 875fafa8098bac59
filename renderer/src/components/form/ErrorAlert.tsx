import { Alert, type SxProps, type Theme } from '@mui/material';

/** What went wrong, if anything: an Error (a failed query or change) or a sentence. */
export function ErrorAlert({ error, sx }: { error: Error | string | null | undefined | false; sx?: SxProps<Theme> }) {
  if (!error) return null;
  return (
    <Alert severity="error" sx={sx}>
      {typeof error === 'string' ? error : error.message}
    </Alert>
  );
}
