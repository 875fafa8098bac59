import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/domain/format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormDialog } from '../../components/form/FormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { Panel } from '../../components/Panel';
import { useRemoval } from '../../components/RemoveDialog';
import { SimpleTable, type Column } from '../../components/SimpleTable';
import { useFilePicker } from '../../components/useFilePicker';
import { TRUSTED_KEYS_CHANGE, useRemoveTrustedKey, useTrustedKeys } from './queries';

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
  const keys = useTrustedKeys();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const removal = useRemoval<TrustedKey>(useRemoveTrustedKey);
  const columns: Column<TrustedKey>[] = [
    { label: 'Đơn vị cấp', render: (k) => k.issuer },
    { label: 'Mã khóa', sx: { fontFamily: 'monospace' }, render: (k) => k.keyId },
    { label: 'Ngày nhập', render: (k) => formatDate(k.addedAt.slice(0, 10)) },
    {
      align: 'right',
      render: (k) => (
        <Button size="small" color="error" onClick={() => removal.ask(k)}>
          Bỏ khóa
        </Button>
      ),
    },
  ];

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
    <Panel title="Khóa công khai của đơn vị khác" titleGap={1}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Nhập tệp khóa công khai do trung tâm khác gửi (tệp họ lưu bằng nút «Lưu khóa công khai» trên máy của họ) để tra cứu giấy chứng nhận
        của trung tâm đó ngay trên máy này.
      </Typography>
      <ErrorAlert error={keys.error} />
      {keys.data && keys.data.length > 0 && (
        <SimpleTable aria-label="Khóa công khai đã nhập" columns={columns} rows={keys.data} rowKey={(k) => k.id} sx={{ mb: 2 }} />
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
        open={removal.target !== null}
        title="Bỏ khóa công khai"
        confirmLabel="Bỏ khóa"
        busy={removal.remove.isPending}
        onClose={removal.close}
        onConfirm={() => removal.target && removal.remove.mutate({ id: removal.target.id })}
      >
        Sau khi bỏ, giấy chứng nhận của {removal.target?.issuer} không còn kiểm tra được trên máy này cho tới khi nhập lại khóa.
        <ErrorAlert error={removal.error} sx={{ mt: 2 }} />
      </ConfirmDialog>
    </Panel>
  );
}

function AddKeyDialog({ file, onClose }: { file: { name: string; text: string }; onClose: () => void }) {
  const f = useChannelForm('certificates.addTrustedKey', {
    initial: () => ({ issuer: issuerOf(file.text) }),
    toInput: (form) => ({ ...form, fileText: file.text }),
    invalidates: TRUSTED_KEYS_CHANGE,
    onSaved: onClose,
  });
  return (
    <FormDialog title="Nhập khóa công khai" submitLabel="Nhập khóa" onClose={onClose} onSubmit={f.submit} busy={f.busy} error={f.formError}>
      <Typography sx={{ mb: 2 }}>
        Tệp: <b>{file.name}</b>
      </Typography>
      <TextField label="Đơn vị cấp" fullWidth {...f.text('issuer', 'Tên trung tâm hoặc cơ quan đã gửi khóa')} />
    </FormDialog>
  );
}
