import { Box, Paper, Typography } from '@mui/material';

/**
 * The core's print HTML exactly as it prints, in a frame with no scripts, no network and no same-origin
 * access (`sandbox=""`): one place, so no preview can loosen it.
 */
export function PrintPreviewFrame({ title, html, height }: { title: string; html: string; height: number }) {
  return (
    <Paper sx={{ bgcolor: 'grey.300', p: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{title}</Typography>
      <Box component="iframe" title={`Xem trước: ${title}`} sandbox="" srcDoc={html} sx={{ width: '100%', height, border: 0, bgcolor: 'white', display: 'block' }} />
    </Paper>
  );
}
