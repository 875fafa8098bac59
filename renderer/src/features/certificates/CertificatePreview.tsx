import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { useAppStatus } from '../../app/useAppStatus';
import { downloadBase64 } from '../../components/download';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';

/** The certificates exactly as they print, in a sandboxed frame; saving or printing counts as a print. */
export function CertificatePreview({ certificateIds, onPrinted }: { certificateIds: number[]; onPrinted: () => void }) {
  const status = useAppStatus();
  const preview = useQuery({
    queryKey: ['certificates.preview', certificateIds],
    queryFn: () => api.certificates.preview({ certificateIds }),
    enabled: certificateIds.length > 0,
    staleTime: 0,
  });
  const pdf = useMutation({
    mutationFn: () => api.certificates.pdf({ certificateIds }),
    onSuccess: (f) => {
      downloadBase64(f.fileName, f.dataBase64, 'application/pdf');
      onPrinted();
    },
  });
  const print = useMutation({ mutationFn: () => api.certificates.print({ certificateIds }), onSuccess: onPrinted });
  if (certificateIds.length === 0) return null;
  return (
    <Paper sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
        <Typography variant="h2" sx={{ flexGrow: 1 }}>Xem trước / In</Typography>
        <Button startIcon={<PictureAsPdfIcon />} sx={{ whiteSpace: 'nowrap' }} onClick={() => pdf.mutate()} disabled={!preview.data || pdf.isPending}>
          Lưu PDF
        </Button>
        {status.data?.canPrint && (
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => print.mutate()} disabled={!preview.data || print.isPending}>
            In
          </Button>
        )}
      </Box>
      {preview.isError && <Alert severity="error" sx={{ mb: 1 }}>{preview.error.message}</Alert>}
      {pdf.isError && <Alert severity="error" sx={{ mb: 1 }}>{pdf.error.message}</Alert>}
      {print.isError && <Alert severity="error" sx={{ mb: 1 }}>{print.error.message}</Alert>}
      {pdf.isSuccess && <Alert severity="success" sx={{ mb: 1 }}>Đã lưu tệp {pdf.data.fileName} ({pdf.data.pages} trang).</Alert>}
      {print.isSuccess && <Alert severity="success" sx={{ mb: 1 }}>Đã gửi {print.data.printed} giấy tới máy in.</Alert>}
      {preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={800} />}
    </Paper>
  );
}
