import { Box, Paper, Typography } from '@mui/material';

/**
 * The core's print HTML exactly as it prints, in a frame with no scripts, no network and no same-origin
 * access (`sandbox=""`): one place, so no preview can loosen it. `scale` shrinks the page to fit a
 * narrow place (a dialog's column): the frame is laid out wider and drawn smaller, so the whole page
 * width shows without a sideways scroll.
 */
export function PrintPreviewFrame({ title, html, height, scale = 1 }: { title: string; html: string; height: number; scale?: number }) {
  return (
    <Paper sx={{ bgcolor: 'grey.300', p: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Box sx={{ height, overflow: 'hidden', bgcolor: 'white' }}>
        <Box
          component="iframe"
          title={`Xem trước: ${title}`}
          sandbox=""
          srcDoc={html}
          sx={{
            width: `${100 / scale}%`,
            height: height / scale,
            border: 0,
            bgcolor: 'white',
            display: 'block',
            ...(scale !== 1 ? { transform: `scale(${scale})`, transformOrigin: '0 0' } : {}),
          }}
        />
      </Box>
    </Paper>
  );
}
