import CloseIcon from '@mui/icons-material/Close';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Box, Button, Dialog, DialogContent, DialogTitle, IconButton } from '@mui/material';
import { useState } from 'react';
import { formatNumber } from '../../../../shared/domain/format';
import { useAppStatus } from '../../app/queries';
import { QueryView } from '../../components/form/QueryView';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { useCertificatePreview } from './queries';
import { BatchPrintDialog, type BatchTarget } from './BatchPrintDialog';

/**
 * «Xem trước», «Lưu PDF» and «In» for a class's valid certificates, meant for the bar at the top of the
 * list, so a class of 60 never has to be scrolled past to print it. The preview opens over the list with
 * the same two buttons. Only printing counts as a print; a PDF is a file.
 */
export function CertificatePrintButtons({ certificateIds, onPrinted }: { certificateIds: number[]; onPrinted: () => void }) {
  const status = useAppStatus();
  const [previewing, setPreviewing] = useState(false);
  const [target, setTarget] = useState<BatchTarget | null>(null);
  const none = certificateIds.length === 0;
  const buttons = (
    <>
      <Button startIcon={<PictureAsPdfIcon />} sx={{ whiteSpace: 'nowrap' }} onClick={() => setTarget('pdf')} disabled={none}>
        Lưu PDF
      </Button>
      {status.data?.canPrint && (
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => setTarget('printer')} disabled={none}>
          {none ? 'In' : `In ${formatNumber(certificateIds.length)} giấy`}
        </Button>
      )}
    </>
  );
  return (
    <>
      <Button startIcon={<VisibilityIcon />} onClick={() => setPreviewing(true)} disabled={none} sx={{ whiteSpace: 'nowrap' }}>
        Xem trước
      </Button>
      {buttons}
      {previewing && (
        <Dialog open fullWidth maxWidth="lg" onClose={() => setPreviewing(false)} aria-labelledby="certificate-preview-title">
          <DialogTitle id="certificate-preview-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Box component="span" sx={{ flexGrow: 1 }}>
              Xem trước giấy chứng nhận
            </Box>
            {buttons}
            <IconButton aria-label="Đóng xem trước" onClick={() => setPreviewing(false)}>
              <CloseIcon />
            </IconButton>
          </DialogTitle>
          <DialogContent>
            <Preview certificateIds={certificateIds} />
          </DialogContent>
        </Dialog>
      )}
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
    </>
  );
}

/** The certificates exactly as they print, in a sandboxed frame. */
function Preview({ certificateIds }: { certificateIds: number[] }) {
  // Tall enough for a whole A5 sheet at 1366×768, the rest by scrolling the frame.
  return (
    <QueryView query={useCertificatePreview(certificateIds)} loading={null}>
      {(preview) => <PrintPreviewFrame title={preview.title} html={preview.html} height={560} />}
    </QueryView>
  );
}
