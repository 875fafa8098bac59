import FileDownloadIcon from '@mui/icons-material/FileDownload';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Button, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { usePersonDataPdf, usePersonDataXlsx } from './queries';

type Kind = 'pdf' | 'xlsx';

/**
 * «Xuất dữ liệu cá nhân»: everything the centre holds about this person, for their own request
 * (Law 91/2025/QH15), as the signed PDF summary or as a workbook. A menu button: Enter or Space
 * opens it, the arrow keys choose, Escape closes.
 */
export function usePersonDataExport(personId: number | null): { button: ReactNode; status: ReactNode } {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const buttonId = useId();
  const menuId = useId();
  const files = { pdf: usePersonDataPdf(), xlsx: usePersonDataXlsx() };
  // What is said below the header is about the file last asked for.
  const [kind, setKind] = useState<Kind>('pdf');
  const file = files[kind];
  if (personId === null) return { button: null, status: null };
  const open = anchor !== null;
  const choose = (chosen: Kind) => {
    setAnchor(null);
    setKind(chosen);
    files[chosen].mutate({ id: personId });
  };
  const button = (
    <>
      <Button
        id={buttonId}
        startIcon={<FileDownloadIcon />}
        aria-haspopup="menu"
        aria-controls={open ? menuId : undefined}
        aria-expanded={open ? 'true' : undefined}
        disabled={file.isPending}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        Xuất dữ liệu cá nhân
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={open} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-labelledby': buttonId } }}>
        <MenuItem onClick={() => choose('pdf')}>
          <ListItemIcon>
            <PictureAsPdfIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Phiếu tổng hợp (PDF)" secondary="Có tiêu đề và chữ ký của trung tâm, để giao cho người yêu cầu" />
        </MenuItem>
        <MenuItem onClick={() => choose('xlsx')}>
          <ListItemIcon>
            <GridOnIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary="Bảng tính Excel (.xlsx)"
            secondary="Mỗi phần một trang tính: thông tin, lớp học, kết quả, giấy chứng nhận, nhật ký"
          />
        </MenuItem>
      </Menu>
    </>
  );
  const status = file.isPending ? (
    <Alert severity="info" sx={{ mb: 2 }}>
      Đang tổng hợp dữ liệu cá nhân…
    </Alert>
  ) : file.isError ? (
    <ErrorAlert error={file.error} sx={{ mb: 2 }} />
  ) : file.isSuccess ? (
    <Alert severity="success" sx={{ mb: 2 }}>
      Đã lưu tệp {file.data.fileName}.
    </Alert>
  ) : null;
  return { button, status };
}
