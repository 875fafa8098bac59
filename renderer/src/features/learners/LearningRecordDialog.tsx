import DescriptionIcon from '@mui/icons-material/Description';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { zodIssuesToFields } from '../../../../shared/contract';
import { learningRecordRequest } from '../../../../shared/contract/learners';
import { useAppStatus } from '../../app/queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { useLearningRecordDocx, useLearningRecordPdf, useLearningRecordPreview, useLearningRecordPrint } from './queries';

/** Typing pauses this long before the preview is drawn again: one rebuild per phrase, not per key. */
const PREVIEW_DELAY_MS = 400;

/**
 * «Giấy xác nhận quá trình học tập» of one person: what it is for (optional, printed in the closing
 * line), the page exactly as it prints, saved as PDF or printed from that same HTML, or saved as an
 * editable Word file with the same wording. Mounted only
 * while open; Esc and «Đóng» close it.
 */
export function LearningRecordDialog({ personId, onClose }: { personId: number; onClose: () => void }) {
  const titleId = useId();
  const status = useAppStatus();
  const [purpose, setPurpose] = useState('');
  const [applied, setApplied] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setApplied(purpose), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [purpose]);
  const checked = learningRecordRequest.safeParse({ id: personId, purpose });
  const purposeError = checked.success ? undefined : zodIssuesToFields(checked.error.issues).purpose;
  const request = { id: personId, purpose: applied };
  const preview = useLearningRecordPreview(request, learningRecordRequest.safeParse(request).success);
  const pdf = useLearningRecordPdf();
  const word = useLearningRecordDocx();
  const print = useLearningRecordPrint();
  // What was said about the saved or printed page is not about the one the new purpose makes.
  const edit = (value: string) => {
    setPurpose(value);
    pdf.reset();
    word.reset();
    print.reset();
  };
  const ready = preview.isSuccess && !purposeError;
  // A click while a file is being made does nothing; the buttons stay enabled so that the one pressed keeps the
  // focus (a disabled button drops it to the page, and Esc or Tab then miss the dialog).
  const busy = pdf.isPending || word.isPending || print.isPending;
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Giấy xác nhận quá trình học tập</DialogTitle>
      <DialogContent dividers>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 5fr) minmax(0, 7fr)' }, gap: 3 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              Trung tâm xác nhận các lớp người này đã học tại trung tâm qua các năm: thời gian, hình thức, kết quả và số giấy chứng nhận.
              Giấy ghi ngày hôm nay và chữ ký của giám đốc theo hồ sơ trung tâm hiện hành.
            </Typography>
            <TextField
              autoFocus
              fullWidth
              label="Cấp để (không bắt buộc)"
              name="purpose"
              value={purpose}
              onChange={(e) => edit(e.target.value)}
              error={purposeError !== undefined}
              helperText={purposeError ?? 'Ví dụ: bổ sung hồ sơ cán bộ. In ở câu cuối: «… theo đề nghị của đồng chí … để …».'}
              slotProps={{ htmlInput: { maxLength: 300 } }}
            />
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 2 }}>
              <Button
                variant={status.data?.canPrint ? 'outlined' : 'contained'}
                startIcon={<PictureAsPdfIcon />}
                onClick={() => !busy && pdf.mutate({ id: personId, purpose })}
                disabled={!ready}
              >
                Lưu PDF
              </Button>
              <Button
                variant="outlined"
                startIcon={<DescriptionIcon />}
                onClick={() => !busy && word.mutate({ id: personId, purpose })}
                disabled={!ready}
              >
                Lưu Word (.docx)
              </Button>
              {status.data?.canPrint && (
                <Button
                  variant="contained"
                  startIcon={<PrintIcon />}
                  onClick={() => !busy && print.mutate({ id: personId, purpose })}
                  disabled={!ready}
                >
                  In
                </Button>
              )}
            </Box>
            <Box aria-live="polite" sx={{ mt: 2 }}>
              {pdf.isPending && <Alert severity="info">Đang tạo tệp PDF…</Alert>}
              {pdf.isSuccess && <Alert severity="success">Đã lưu tệp {pdf.data.fileName}.</Alert>}
              {word.isSuccess && <Alert severity="success">Đã lưu tệp {word.data.fileName}.</Alert>}
              {print.isSuccess && print.data.printed && <Alert severity="success">Đã gửi giấy xác nhận đến máy in.</Alert>}
              <ErrorAlert error={pdf.error} />
              <ErrorAlert error={word.error} />
              <ErrorAlert error={print.error} />
            </Box>
          </Box>
          <Box sx={{ minWidth: 0 }}>
            {preview.isError && <Alert severity="warning">{preview.error.message}</Alert>}
            {preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={440} scale={0.62} />}
          </Box>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Đóng</Button>
      </DialogActions>
    </Dialog>
  );
}
