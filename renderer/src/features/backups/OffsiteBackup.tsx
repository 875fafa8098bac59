import UsbIcon from '@mui/icons-material/Usb';
import { Alert, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { AppStatus } from '../../../../shared/contract/app';
import { formatDateTime } from '../../../../shared/domain/format';
import { useChooseFolder } from '../../app/queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useChannelForm } from '../../components/form/useChannelForm';
import { INLINE_BUTTON_SX, InlineForm, PLAIN_FIELD } from '../../components/InlineForm';
import { Section } from '../../components/Section';
import { daysSince } from '../protection/protection-labels';
import { formatSize } from './backup-labels';

/** The folder part of a path the core answered with (Windows or POSIX separators). */
function folderOf(path: string, file: string): string {
  return path.endsWith(file) ? path.slice(0, path.length - file.length).replace(/[\\/]$/, '') || path : path;
}

/** «Sao lưu ra USB/thư mục khác»: an encrypted copy off the PC, and how often the status line asks for one. */
export function OffsiteBackup({ status }: { status: AppStatus }) {
  const f = useChannelForm('backups.exportOffsite', { initial: { folder: '' }, toInput: (form) => form, invalidates: ['app.status'] });
  const exportCopy = f.save;
  const choose = useChooseFolder({
    onSuccess: (r) => {
      if (r.path) f.patch({ folder: r.path });
    },
  });
  const lastAt = status.offsite.lastAt;

  return (
    <Section id="offsite" title="Sao lưu ra USB/thư mục khác">
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
      <InlineForm onSubmit={f.submit}>
        <TextField
          label="Thư mục hoặc USB"
          {...PLAIN_FIELD}
          {...f.text('folder')}
          placeholder={status.canChooseFiles ? undefined : 'Ví dụ: E:\\ hoặc D:\\SaoLuu'}
          sx={{ flexGrow: 1, minWidth: 0 }}
        />
        {status.canChooseFiles && (
          <Button variant="outlined" sx={INLINE_BUTTON_SX} disabled={choose.isPending} onClick={() => choose.mutate({})}>
            Chọn thư mục…
          </Button>
        )}
        <Button type="submit" variant="contained" startIcon={<UsbIcon />} sx={INLINE_BUTTON_SX} disabled={exportCopy.isPending}>
          {exportCopy.isPending ? 'Đang sao lưu…' : 'Sao lưu ra thư mục này'}
        </Button>
      </InlineForm>
      <ErrorAlert error={f.formError} sx={{ mt: 1.5 }} />
      <ErrorAlert error={choose.error} sx={{ mt: 1.5 }} />
      {exportCopy.isSuccess && (
        <Alert severity="success" sx={{ mt: 1.5, '& .MuiAlert-message': { overflowWrap: 'anywhere' } }}>
          Đã lưu bản sao <b>{exportCopy.data.file}</b> ({formatSize(exportCopy.data.sizeBytes)}) vào thư mục{' '}
          <b>{folderOf(exportCopy.data.path, exportCopy.data.file)}</b>. Hãy rút USB ra và cất ở nơi khác máy tính.
        </Alert>
      )}
      <ReminderSetting days={status.offsite.reminderDays} />
    </Section>
  );
}

function ReminderSetting({ days }: { days: number }) {
  const [saved, setSaved] = useState(false);
  const f = useChannelForm('backups.setReminder', {
    initial: { days: String(days) },
    toInput: (form) => ({ days: form.days.trim() === '' ? Number.NaN : Number(form.days) }),
    invalidates: ['app.status'],
    onSaved: () => setSaved(true),
  });
  return (
    <InlineForm onSubmit={() => (setSaved(false), f.submit())} sx={{ mt: 2.5, flexWrap: 'wrap' }}>
      <TextField
        label="Nhắc sao lưu ra ngoài máy sau (ngày)"
        type="number"
        size="small"
        {...f.text('days', 'Từ 1 đến 90 ngày; thanh trạng thái nhắc khi quá hạn.')}
        onChange={(e) => {
          f.patch({ days: e.target.value });
          setSaved(false);
        }}
        slotProps={{ htmlInput: { min: 1, max: 90, step: 1 } }}
        sx={{ width: 320 }}
      />
      <Button type="submit" variant="outlined" sx={{ height: 40, flexShrink: 0 }} disabled={f.busy}>
        Lưu
      </Button>
      {saved && (
        <Typography role="status" color="success.main" sx={{ alignSelf: 'center' }}>
          Đã lưu: nhắc sau {days} ngày.
        </Typography>
      )}
    </InlineForm>
  );
}
