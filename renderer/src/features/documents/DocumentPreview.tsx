import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { DOCUMENT_KINDS, DOCUMENT_LABELS, SPREADSHEET_KINDS, SPREADSHEET_LABELS } from '../../../../shared/contract/documents';
import { useAppStatus } from '../../app/queries';
import { downloadBase64 } from '../../components/download';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { EnumSelect } from '../../components/form/EnumSelect';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useDocumentDocx, useDocumentPdf, useDocumentPreview, useDocumentXlsx, usePrintDocument } from './queries';

type Kind = (typeof DOCUMENT_KINDS)[number];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function SavedAlert({ text }: { text: string }) {
  return (
    <Alert severity="success" sx={{ mb: 1 }}>
      {text}
    </Alert>
  );
}

/**
 * The document exactly as it prints: the core's HTML in a sandboxed frame (no scripts, no network),
 * saved as PDF or printed from that same HTML.
 */
export function DocumentPreview({ classId, kinds = DOCUMENT_KINDS }: { classId: number; kinds?: readonly Kind[] }) {
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [sheetMenu, setSheetMenu] = useState<HTMLElement | null>(null);
  const status = useAppStatus();
  const request = { kind, classId };
  const preview = useDocumentPreview(request);
  const pdf = useDocumentPdf({ onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/pdf') });
  const word = useDocumentDocx({ onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, DOCX_TYPE) });
  const print = usePrintDocument();
  const sheet = useDocumentXlsx({ onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64) });
  // What was said about the previous document (saved, refused) is not about the one now shown.
  const switchTo = (next: Kind) => {
    setKind(next);
    for (const change of [pdf, word, print, sheet]) change.reset();
  };
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
        <EnumSelect
          size="small"
          label="Văn bản"
          options={kinds}
          labels={DOCUMENT_LABELS}
          value={kind}
          onChange={switchTo}
          sx={{ width: 420, flexShrink: 0 }}
        />
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
                sheet.mutate({ kind: k, classId });
              }}
            >
              <ListItemText>{SPREADSHEET_LABELS[k]}</ListItemText>
            </MenuItem>
          ))}
        </Menu>
        {[
          { change: pdf, icon: <PictureAsPdfIcon />, label: 'Lưu PDF' },
          { change: word, icon: <DescriptionIcon />, label: 'Lưu Word (.docx)' },
        ].map(({ change, icon, label }) => (
          <Button
            key={label}
            startIcon={icon}
            sx={{ whiteSpace: 'nowrap' }}
            onClick={() => change.mutate(request)}
            disabled={!preview.data || change.isPending}
          >
            {label}
          </Button>
        ))}
        {status.data?.canPrint && (
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => print.mutate(request)}
            disabled={!preview.data || print.isPending}
          >
            In
          </Button>
        )}
      </Box>
      {preview.isError && <Alert severity="info">{preview.error.message}</Alert>}
      {[pdf, word, print, sheet].map((change, i) => (
        <ErrorAlert key={i} error={change.error} sx={{ mb: 1 }} />
      ))}
      {pdf.data && <SavedAlert text={`Đã lưu tệp ${pdf.data.fileName}.`} />}
      {word.data && <SavedAlert text={`Đã lưu tệp ${word.data.fileName}.`} />}
      {sheet.data && <SavedAlert text={`Đã lưu tệp ${sheet.data.fileName} (${sheet.data.rowCount} dòng).`} />}
      {preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={1000} />}
    </Box>
  );
}
