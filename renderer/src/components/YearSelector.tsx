import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, IconButton, Typography } from '@mui/material';

export function YearSelector({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <IconButton aria-label="Năm trước" onClick={() => onChange(year - 1)}>
        <ChevronLeftIcon />
      </IconButton>
      <Typography sx={{ fontWeight: 600, minWidth: 48, textAlign: 'center' }} aria-live="polite">
        {year}
      </Typography>
      <IconButton aria-label="Năm sau" onClick={() => onChange(year + 1)}>
        <ChevronRightIcon />
      </IconButton>
    </Box>
  );
}
