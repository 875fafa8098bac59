import { Typography } from '@mui/material';

/** The message about a list as a whole (no topics, bands not covering 0–10), under its rows. */
export function ListError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <Typography color="error" variant="body2">
      {error}
    </Typography>
  );
}
