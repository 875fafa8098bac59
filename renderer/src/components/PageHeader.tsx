import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 2 }}>
      <Box sx={{ flexGrow: 1 }}>
        <Typography variant="h1">{title}</Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {subtitle}
          </Typography>
        )}
      </Box>
      {actions && (
        <Box sx={{ display: 'flex', gap: 1, flexShrink: 0, alignItems: 'center', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
          {actions}
        </Box>
      )}
    </Box>
  );
}

/** A screen's frame: its width, its header and what it shows under it. */
export function Page({ maxWidth, children, ...header }: Parameters<typeof PageHeader>[0] & { maxWidth: number; children: ReactNode }) {
  return (
    <Box sx={{ maxWidth }}>
      <PageHeader {...header} />
      {children}
    </Box>
  );
}
