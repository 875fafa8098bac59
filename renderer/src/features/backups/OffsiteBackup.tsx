import UsbIcon from '@mui/icons-material/Usb';
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { contract } from '../../../../shared/contract';
import type { AppStatus } from '../../../../shared/contract/app';
import { formatDateTime } from '../../../../shared/domain/format';
import { api } from '../../api';
import { STATUS_KEY } from '../../app/useAppStatus';
import { useFormErrors } from '../../components/useFormErrors';
import { formatSize } from './backup-labels';
import { daysSince } from '../protection/protection-labels';
import { applyStatus } from './status-cache';
import { ErrorAlert } from '../../components/form/ErrorAlert';

/** The folder part of a path the core answered with (Windows or POSIX separators). */
function folderOf(path: string, file: string): string {
  return path.endsWith(file) ? path.slice(0, path.length - file.length).replace(/[\\/]$/, '') || path : path;
}

/** «Sao lưu ra USB/thư mục khác»: an encrypted copy off the PC, and how often the status line asks for one. */
export function OffsiteBackup({ status }: { status: AppStatus }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [folder, setFolder] = useState('');
  const exportCopy = useMutation({
    mutationFn: (input: { folder: string }) => api.backups.exportOffsite(input),
    onSuccess: () => {
      errors.clear();
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
    onError: errors.fromError,
  });
  const choose = useMutation({
    mutationFn: () => api.app.chooseFolder(),
    onSuccess: (r) => {
      if (r.path) setFolder(r.path);
    },
  });
  const lastAt = status.offsite.lastAt;

  return (
    <Paper sx={{ p: 2, mb: 2 }} component="section" aria-labelledby="offsite-title">
      <Typography variant="h2" id="offsite-title" sx={{ mb: 1 }}>
        Sao lưu ra USB/thư mục khác
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Bản sao lưu trên máy không cứu được dữ liệu khi máy hỏng ổ cứng, bị mất hoặc nhiễm mã độc. Hãy chép thường xuyên ra USB và cất USB ở
        nơi khác; bản sao được mã hóa, chỉ mở được bằng giấy lưu khóa khôi phục.
      </Typography>
      <Typography sx={{ mb: 1.5 }}>
        Lần sao lưu ra ngoài máy gần nhất:{' '}
        <b>
          {lastAt ? `${formatDateTime(lastAt)} (${daysSince(lastAt) === 0 ? 'hôm nay' : `${daysSince(lastAt)} ngày trước`})` : 'chưa có'}
        </b>
      </Typography>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const input = errors.validate(contract['backups.exportOffsite'].input, { folder });
          if (input) exportCopy.mutate(input);
        }}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
      >
        <TextField
          label="Thư mục hoặc USB"
          name="folder"
          size="small"
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          {...errors.at('folder')}
          placeholder={status.canChooseFiles ? undefined : 'Ví dụ: E:\\ hoặc D:\\SaoLuu'}
          autoComplete="off"
          slotProps={{ htmlInput: { spellCheck: false } }}
          sx={{ flexGrow: 1, minWidth: 0 }}
        />
        {status.canChooseFiles && (
          <Button
            variant="outlined"
            sx={{ whiteSpace: 'nowrap', height: 40, flexShrink: 0 }}
            disabled={choose.isPending}
            onClick={() => choose.mutate()}
          >
            Chọn thư mục…
          </Button>
        )}
        <Button
          type="submit"
          variant="contained"
          startIcon={<UsbIcon />}
          sx={{ whiteSpace: 'nowrap', height: 40, flexShrink: 0 }}
          disabled={exportCopy.isPending}
        >
          {exportCopy.isPending ? 'Đang sao lưu…' : 'Sao lưu ra thư mục này'}
        </Button>
      </Box>
      <ErrorAlert error={errors.formError} sx={{ mt: 1.5 }} />
      <ErrorAlert error={choose.error} sx={{ mt: 1.5 }} />
      {exportCopy.isSuccess && (
        <Alert severity="success" sx={{ mt: 1.5, '& .MuiAlert-message': { overflowWrap: 'anywhere' } }}>
          Đã lưu bản sao <b>{exportCopy.data.file}</b> ({formatSize(exportCopy.data.sizeBytes)}) vào thư mục{' '}
          <b>{folderOf(exportCopy.data.path, exportCopy.data.file)}</b>. Hãy rút USB ra và cất ở nơi khác máy tính.
        </Alert>
      )}
      <ReminderSetting days={status.offsite.reminderDays} />
    </Paper>
  );
}

function ReminderSetting({ days }: { days: number }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [value, setValue] = useState(String(days));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: { days: number }) => api.backups.setReminder(input),
    onSuccess: (s) => {
      setSaved(true);
      void applyStatus(queryClient, s);
    },
    onError: errors.fromError,
  });
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const input = errors.validate(contract['backups.setReminder'].input, { days: value.trim() === '' ? Number.NaN : Number(value) });
        if (input) save.mutate(input);
      }}
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 2.5, flexWrap: 'wrap' }}
    >
      <TextField
        label="Nhắc sao lưu ra ngoài máy sau (ngày)"
        name="days"
        type="number"
        size="small"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setSaved(false);
        }}
        {...errors.at('days', 'Từ 1 đến 90 ngày; thanh trạng thái nhắc khi quá hạn.')}
        slotProps={{ htmlInput: { min: 1, max: 90, step: 1 } }}
        sx={{ width: 320 }}
      />
      <Button type="submit" variant="outlined" sx={{ height: 40, flexShrink: 0 }} disabled={save.isPending}>
        Lưu
      </Button>
      {saved && (
        <Typography role="status" color="success.main" sx={{ alignSelf: 'center' }}>
          Đã lưu: nhắc sau {days} ngày.
        </Typography>
      )}
    </Box>
  );
}
