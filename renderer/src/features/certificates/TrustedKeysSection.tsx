import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/domain/format';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useFilePicker } from '../../components/useFilePicker';
import { useFormErrors } from '../../components/useFormErrors';
import { ErrorAlert } from '../../components/form/ErrorAlert';

type TrustedKey = Output<'certificates.trustedKeys'>[number];

/** A key file is a few hundred bytes; anything much larger is the wrong file. */
const MAX_FILE_BYTES = 20_000;

/** The centre name the exporting app wrote on the file's first line, to propose as the issuer. */
function issuerOf(text: string): string {
  const line = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n?|\n/)
    .find((l) => l.startsWith('Đơn vị cấp:'));
  return line ? line.slice('Đơn vị cấp:'.length).trim() : '';
}

export function TrustedKeysSection() {
  const keys = useQuery({ queryKey: ['certificates.trustedKeys'], queryFn: () => api.certificates.trustedKeys({}) });
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TrustedKey | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (k: TrustedKey) => api.certificates.removeTrustedKey({ id: k.id }),
    onSuccess: () => {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: ['certificates.trustedKeys'] });
    },
  });

  const onFile = async (f: File) => {
    setFileProblem(null);
    if (f.size > MAX_FILE_BYTES) {
      setFileProblem(`Tệp ${f.name} quá lớn (${Math.round(f.size / 1024)} KB), không phải tệp khóa công khai.`);
      return;
    }
    setFile({ name: f.name, text: await f.text() });
  };
  const picker = useFilePicker({ accept: '.pem,.txt,text/plain', label: 'Tệp khóa công khai', onFile: (f) => void onFile(f) });

  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Khóa công khai của đơn vị khác
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Nhập tệp khóa công khai do trung tâm khác gửi (tệp họ lưu bằng nút «Lưu khóa công khai» trên máy của họ) để tra cứu giấy chứng nhận
        của trung tâm đó ngay trên máy này.
      </Typography>
      <ErrorAlert error={keys.error} />
      {keys.data && keys.data.length > 0 && (
        <Table size="small" aria-label="Khóa công khai đã nhập" sx={{ mb: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>Đơn vị cấp</TableCell>
              <TableCell>Mã khóa</TableCell>
              <TableCell>Ngày nhập</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.data.map((k) => (
              <TableRow key={k.id}>
                <TableCell>{k.issuer}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{k.keyId}</TableCell>
                <TableCell>{formatDate(k.addedAt.slice(0, 10))}</TableCell>
                <TableCell align="right">
                  <Button size="small" color="error" onClick={() => setRemoving(k)}>
                    Bỏ khóa
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {keys.data?.length === 0 && (
        <Typography sx={{ mb: 2 }} color="text.secondary">
          Chưa nhập khóa của đơn vị nào.
        </Typography>
      )}
      <Button startIcon={<UploadFileIcon />} onClick={picker.open}>
        Nhập khóa công khai…
      </Button>
      {picker.input}
      <ErrorAlert error={fileProblem} sx={{ mt: 2 }} />
      {file && <AddKeyDialog file={file} onClose={() => setFile(null)} />}
      <ConfirmDialog
        open={removing !== null}
        title="Bỏ khóa công khai"
        confirmLabel="Bỏ khóa"
        busy={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        Sau khi bỏ, giấy chứng nhận của {removing?.issuer} không còn kiểm tra được trên máy này cho tới khi nhập lại khóa.
        <ErrorAlert error={remove.error} sx={{ mt: 2 }} />
      </ConfirmDialog>
    </Paper>
  );
}

function AddKeyDialog({ file, onClose }: { file: { name: string; text: string }; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [issuer, setIssuer] = useState(() => issuerOf(file.text));
  const form = useFormErrors();
  const add = useMutation({
    mutationFn: () => api.certificates.addTrustedKey({ issuer, fileText: file.text }),
    onMutate: () => form.clear(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['certificates.trustedKeys'] });
      onClose();
    },
    onError: (err) => form.fromError(err),
  });
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Nhập khóa công khai</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          Tệp: <b>{file.name}</b>
        </Typography>
        <TextField
          label="Đơn vị cấp"
          fullWidth
          value={issuer}
          onChange={(e) => setIssuer(e.target.value)}
          {...form.at('issuer', 'Tên trung tâm hoặc cơ quan đã gửi khóa')}
        />
        <ErrorAlert error={form.formError} sx={{ mt: 2 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Hủy</Button>
        <Button variant="contained" onClick={() => add.mutate()} disabled={add.isPending}>
          Nhập khóa
        </Button>
      </DialogActions>
    </Dialog>
  );
}
