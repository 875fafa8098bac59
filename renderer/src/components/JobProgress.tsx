import { LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { JobState } from '../../../shared/contract/common';

/** A long job's line ("Đang …: 120/500 giấy") over its progress bar. */
export function JobProgress({ state, label, children }: { state: JobState; label: string; children: ReactNode }) {
  return (
    <>
      <Typography sx={{ mb: 1 }}>{children}</Typography>
      <LinearProgress variant="determinate" value={state.total > 0 ? (100 * state.done) / state.total : 0} aria-label={label} />
    </>
  );
}
