import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, ListItemText, Menu, MenuItem, TextField } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DOCUMENT_KINDS, DOCUMENT_LABELS, SPREADSHEET_KINDS, SPREADSHEET_LABELS } from '../../../../shared/contract/documents';
import { api } from '../../api';
import { useAppStatus } from '../../app/useAppStatus';
import { downloadBase64 } from '../../components/download';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { ErrorAlert } from '../../components/form/ErrorAlert';

type Kind = (typeof DOCUMENT_KINDS)[number];
type SheetKind = (typeof SPREADSHEET_KINDS)[number];

/**
 * The document exactly as it prints: the core's HTML in a sandboxed frame (no scripts, no network),
 * saved as PDF or printed from that same HTML.
 */
export function DocumentPreview({ classId, kinds = DOCUMENT_KINDS }: { classId: number; kinds?: readonly Kind[] }) {
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [sheetMenu, setSheetMenu] = useState<HTMLElement | null>(null);
  const status = useAppStatus();
  const preview = useQuery({
    queryKey: ['documents.preview', kind, classId],
    queryFn: () => api.documents.preview({ kind, classId }),
    staleTime: 0,
  });
  const pdf = useMutation({
    mutationFn: () => api.documents.pdf({ kind, classId }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/pdf'),
  });
  const word = useMutation({
    mutationFn: () => api.documents.docx({ kind, classId }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  });
  const print = useMutation({ mutationFn: () => api.documents.print({ kind, classId }) });
  const sheet = useMutation({
    mutationFn: (k: SheetKind) => api.documents.xlsx({ kind: k, classId }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64),
  });
  // What was said about the previous document (saved, refused) is not about the one now shown.
  const switchTo = (next: Kind) => {
    setKind(next);
    pdf.reset();
    word.reset();
    print.reset();
    sheet.reset();
  };
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
        <TextField
          select
          size="small"
          label="Văn bản"
          value={kind}
          onChange={(e) => switchTo(e.target.value as Kind)}
          sx={{ width: 420, flexShrink: 0 }}
        >
          {kinds.map((k) => (
            <MenuItem key={k} value={k}>
              {DOCUMENT_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flexGrow: 1 }} />
        <Button
          startIcon={<GridOnIcon />}
          sx={{ whiteSpace: 'nowrap' }}
          onClick={(e) => setSheetMenu(e.currentTarget)}
          disabled={sheet.isPending}
          aria-haspopup="menu"
        >
          Xuất Excel
        </Button>
        <Menu anchorEl={sheetMenu} open={sheetMenu !== null} onClose={() => setSheetMenu(null)}>
          {SPREADSHEET_KINDS.map((k) => (
            <MenuItem
              key={k}
              onClick={() => {
                setSheetMenu(null);
                sheet.mutate(k);
              }}
            >
              <ListItemText>{SPREADSHEET_LABELS[k]}</ListItemText>
            </MenuItem>
          ))}
        </Menu>
        <Button
          startIcon={<PictureAsPdfIcon />}
          sx={{ whiteSpace: 'nowrap' }}
          onClick={() => pdf.mutate()}
          disabled={!preview.data || pdf.isPending}
        >
          Lưu PDF
        </Button>
        <Button
          startIcon={<DescriptionIcon />}
          sx={{ whiteSpace: 'nowrap' }}
          onClick={() => word.mutate()}
          disabled={!preview.data || word.isPending}
        >
          Lưu Word (.docx)
        </Button>
        {status.data?.canPrint && (
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => print.mutate()} disabled={!preview.data || print.isPending}>
            In
          </Button>
        )}
      </Box>
      {preview.isError && <Alert severity="info">{preview.error.message}</Alert>}
      <ErrorAlert error={pdf.error} sx={{ mb: 1 }} />
      <ErrorAlert error={word.error} sx={{ mb: 1 }} />
      <ErrorAlert error={print.error} sx={{ mb: 1 }} />
      <ErrorAlert error={sheet.error} sx={{ mb: 1 }} />
      {pdf.isSuccess && (
        <Alert severity="success" sx={{ mb: 1 }}>
          Đã lưu tệp {pdf.data.fileName}.
        </Alert>
      )}
      {word.isSuccess && (
        <Alert severity="success" sx={{ mb: 1 }}>
          Đã lưu tệp {word.data.fileName}.
        </Alert>
      )}
      {sheet.isSuccess && (
        <Alert severity="success" sx={{ mb: 1 }}>
          Đã lưu tệp {sheet.data.fileName} ({sheet.data.rowCount} dòng).
        </Alert>
      )}
      {preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={1000} />}
    </Box>
  );
}
