import { Alert, Box, CircularProgress } from '@mui/material';

/** An export's progress, read out as it changes: the wait, the file saved, or the report sent to the printer. */
export function ExportStatus(props: { busy: string | null; saved: string | undefined; printed: boolean }) {
  const { busy } = props;
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'grid', gap: 1, '&:empty': { display: 'none' } }}>
      {busy && (
        <Alert severity="info" icon={<CircularProgress size={20} aria-hidden />}>
          {busy} Xin chờ trong giây lát.
        </Alert>
      )}
      {!busy && props.saved && <Alert severity="success">Đã lưu tệp {props.saved}.</Alert>}
      {!busy && props.printed && <Alert severity="success">Đã gửi báo cáo tới máy in.</Alert>}
    </Box>
  );
}
