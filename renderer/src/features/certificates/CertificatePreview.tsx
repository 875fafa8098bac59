import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { useAppStatus } from '../../app/useAppStatus';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { BatchPrintDialog, type BatchTarget } from './BatchPrintDialog';

/** The certificates exactly as they print, in a sandboxed frame; saving or printing counts as a print. */
export function CertificatePreview({ certificateIds, onPrinted }: { certificateIds: number[]; onPrinted: () => void }) {
  const status = useAppStatus();
  const preview = useQuery({
    queryKey: ['certificates.preview', certificateIds],
    queryFn: () => api.certificates.preview({ certificateIds }),
    enabled: certificateIds.length > 0,
    staleTime: 0,
  });
  const [target, setTarget] = useState<BatchTarget | null>(null);
  if (certificateIds.length === 0) return null;
  return (
    <Paper sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
        <Typography variant="h2" sx={{ flexGrow: 1 }}>Xem trước / In</Typography>
        <Button startIcon={<PictureAsPdfIcon />} sx={{ whiteSpace: 'nowrap' }} onClick={() => setTarget('pdf')}>
          Lưu PDF
        </Button>
        {status.data?.canPrint && (
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => setTarget('printer')}>
            In
          </Button>
        )}
      </Box>
      {preview.isError && <Alert severity="error" sx={{ mb: 1 }}>{preview.error.message}</Alert>}
      {target && (
        <BatchPrintDialog
          certificateIds={certificateIds}
          target={target}
          onClose={(printed) => {
            setTarget(null);
            if (printed > 0) onPrinted();
          }}
        />
      )}
      {preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={800} />}
    </Paper>
  );
}
