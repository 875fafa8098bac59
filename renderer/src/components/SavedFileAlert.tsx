import { Alert, type SxProps, type Theme } from '@mui/material';

/** «Đã lưu tệp …» once a download has been saved; `detail` adds what it holds ("(40 dòng)"). */
export function SavedFileAlert(props: { saved: { fileName: string } | undefined; detail?: string; sx?: SxProps<Theme> }) {
  if (!props.saved) return null;
  return (
    <Alert severity="success" sx={props.sx}>
      Đã lưu tệp {props.saved.fileName}
      {props.detail ? ` ${props.detail}` : ''}.
    </Alert>
  );
}
