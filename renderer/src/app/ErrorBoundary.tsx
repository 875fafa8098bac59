import { Alert, Box, Button } from '@mui/material';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { reportError } from './report-error';

/** A rendering bug shows a calm Vietnamese message; the details go to the log, not the screen. */
export function ErrorBoundary() {
  const error = useRouteError();
  useEffect(() => reportError(error, 'route'), [error]);
  return (
    <Box sx={{ p: 4 }}>
      <Alert severity="error" action={<Button onClick={() => window.location.reload()}>Tải lại</Button>}>
        Đã xảy ra lỗi khi hiển thị màn hình này. Dữ liệu đã lưu không bị ảnh hưởng. Chi tiết đã được ghi vào nhật ký lỗi.
      </Alert>
    </Box>
  );
}
