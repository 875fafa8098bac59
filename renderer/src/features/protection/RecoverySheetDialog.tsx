import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { z } from 'zod';
import type { AppStatus } from '../../../../shared/contract/app';
import type { recoverySheetSchema } from '../../../../shared/contract/protection';
import { formatDateTime } from '../../../../shared/domain/format';
import { downloadBase64 } from '../../components/download';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { useFormErrors } from '../../components/useFormErrors';
import { useConfirmRecoveryKey, useRecoverySheet, useRecoverySheetPdf, useRecoverySheetPrint } from './queries';
import { recoverySheetSession, useDismissedSheet } from './recovery-sheet-session';

type RecoverySheet = z.infer<typeof recoverySheetSchema>;

/**
 * Over the whole app while the recovery sheet waits for the clerk's confirmation (after set-up and
 * after a new key), unless «Nhắc lại sau» was pressed on this very sheet in this session.
 */
export function RecoverySheetGate({ status }: { status: AppStatus }) {
  const pending = status.protection.recoveryKeyPending && !status.problem;
  const dismissed = useDismissedSheet();
  const sheet = useRecoverySheet(pending);
  if (!pending || !sheet.data || dismissed === sheet.data.createdAt) return null;
  return <RecoverySheetDialog key={sheet.data.createdAt} sheet={sheet.data} status={status} />;
}

const TITLE_ID = 'recovery-sheet-title';
const FORM_ID = 'recovery-sheet-confirm';

function RecoverySheetDialog({ sheet, status }: { sheet: RecoverySheet; status: AppStatus }) {
  const errors = useFormErrors();
  const [groups, setGroups] = useState(['', '']);
  const [first, second] = sheet.confirmGroups as [number, number];
  const noKeyStore = status.protection.keyStorage === 'none';

  const pdf = useRecoverySheetPdf({ onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/pdf') });
  const print = useRecoverySheetPrint();
  const confirm = useConfirmRecoveryKey({ onError: errors.fromError });

  const later = () => recoverySheetSession.dismiss(sheet.createdAt);

  return (
    <Dialog
      open
      maxWidth="lg"
      fullWidth
      aria-labelledby={TITLE_ID}
      onClose={(_event, reason) => {
        // A click beside the dialog is too easy to make by accident; Esc is «Nhắc lại sau».
        if (reason === 'escapeKeyDown') later();
      }}
    >
      <DialogTitle id={TITLE_ID}>Cất giữ khóa khôi phục dữ liệu</DialogTitle>
      <DialogContent dividers>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 3 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography sx={{ mb: 1.5 }}>
              Dữ liệu của trung tâm trên máy này {status.protection.encrypted ? 'được mã hóa' : 'sẽ được mã hóa'} để người khác không đọc
              được. Khóa khôi phục dưới đây là cách duy nhất để mở lại dữ liệu khi máy hỏng, khi cài lại Windows hoặc khi chuyển sang máy
              khác.
            </Typography>
            {noKeyStore && (
              <Alert severity="warning" sx={{ mb: 1.5 }}>
                Máy này không giữ được khóa. Dữ liệu sẽ được mã hóa khi bạn xác nhận đã cất giữ giấy; từ đó, mỗi lần mở phần mềm phải nhập
                khóa khôi phục.
              </Alert>
            )}
            <Box component="dl" sx={{ m: 0, mb: 1.5, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'grey.50' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                Khóa khôi phục (tạo lúc {formatDateTime(sheet.createdAt)})
              </Typography>
              <Typography
                component="dd"
                data-testid="recovery-key"
                sx={{
                  m: 0,
                  mt: 0.5,
                  fontFamily: 'monospace',
                  fontSize: '1.15rem',
                  fontWeight: 600,
                  letterSpacing: '0.04em',
                  overflowWrap: 'anywhere',
                }}
              >
                {sheet.recoveryKey}
              </Typography>
            </Box>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
              Bước 1. In giấy và cất ở nơi an toàn
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              Cất giấy tách khỏi máy tính (tủ hồ sơ của trung tâm). Không chụp ảnh, không gửi qua mạng.
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 1 }}>
              {status.canPrint && (
                <Button variant="outlined" startIcon={<PrintIcon />} disabled={print.isPending} onClick={() => print.mutate({})}>
                  In giấy
                </Button>
              )}
              <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={pdf.isPending} onClick={() => pdf.mutate({})}>
                Lưu PDF
              </Button>
            </Box>
            {print.isSuccess && print.data.printed && (
              <Alert severity="success" sx={{ mb: 1 }}>
                Đã gửi giấy lưu khóa đến máy in.
              </Alert>
            )}
            <ErrorAlert error={print.error} sx={{ mb: 1 }} />
            <ErrorAlert error={pdf.error} sx={{ mb: 1 }} />
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 2, mb: 0.5 }}>
              Bước 2. Gõ lại nhóm thứ {first} và nhóm thứ {second} trên giấy đã in
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              Mỗi nhóm gồm 4 chữ hoặc số; các nhóm được đánh số từ trái sang phải.
            </Typography>
            <Box
              component="form"
              id={FORM_ID}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                errors.clear();
                confirm.mutate({ groups });
              }}
              sx={{ display: 'flex', gap: 2 }}
            >
              {[first, second].map((n, i) => (
                <TextField
                  key={n}
                  label={`Nhóm thứ ${n}`}
                  name={`groups.${i}`}
                  value={groups[i]}
                  onChange={(e) => setGroups((g) => g.map((v, j) => (j === i ? e.target.value : v)))}
                  {...errors.at(`groups.${i}`)}
                  autoComplete="off"
                  slotProps={{
                    htmlInput: {
                      maxLength: 9,
                      spellCheck: false,
                      autoCapitalize: 'characters',
                      style: { fontFamily: 'monospace', textTransform: 'uppercase' },
                    },
                  }}
                  sx={{ width: 220 }}
                />
              ))}
            </Box>
            <ErrorAlert error={errors.formError} sx={{ mt: 1.5 }} />
          </Box>
          <Box sx={{ minWidth: 0 }}>
            <PrintPreviewFrame title={sheet.title} html={sheet.html} height={430} scale={0.6} />
          </Box>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={later}>Nhắc lại sau</Button>
        <Button type="submit" form={FORM_ID} variant="contained" disabled={confirm.isPending}>
          Xác nhận đã cất giữ
        </Button>
      </DialogActions>
    </Dialog>
  );
}
