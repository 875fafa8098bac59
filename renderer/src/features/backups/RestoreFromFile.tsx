import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract';
import type { AppStatus } from '../../../../shared/contract/app';
import type { offsiteFileSchema } from '../../../../shared/contract/backups';
import { formatDateTime } from '../../../../shared/domain/format';
import { useChooseBackupFile } from '../../app/queries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DefinitionList } from '../../components/DefinitionList';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { INLINE_BUTTON_SX, InlineForm, PLAIN_FIELD } from '../../components/InlineForm';
import { Section } from '../../components/Section';
import { useFormErrors } from '../../components/useFormErrors';
import { asksRecoveryKey, BackupKeyField } from '../protection/RecoveryKeyField';
import { formatSize } from './backup-labels';
import { useInspectFile, useRestoreFile } from './queries';

type OffsiteFile = z.infer<typeof offsiteFileSchema>;

/**
 * «Khôi phục từ tệp»: a copy from a USB stick or another folder, on the data page and on the recovery
 * screen alike. The file is looked at first (whose, when, which version), then restored after a
 * confirmation, with its recovery key when none this PC holds opens it.
 */
export function RestoreFromFile({ status, onRestored }: { status: AppStatus; onRestored?: (path: string) => void }) {
  const errors = useFormErrors();
  const [path, setPath] = useState('');
  const [file, setFile] = useState<{ path: string; info: OffsiteFile } | null>(null);
  const [askKey, setAskKey] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [confirming, setConfirming] = useState(false);

  const inspect = useInspectFile({
    onMutate: () => {
      setFile(null);
      setAskKey(false);
      setRecoveryKey('');
    },
    onSuccess: (info, input) => {
      errors.clear();
      setFile({ path: input.path, info });
      setAskKey(info.needsRecoveryKey);
    },
    onError: errors.fromError,
  });
  const choose = useChooseBackupFile({
    onSuccess: (r) => {
      if (!r.path) return;
      setPath(r.path);
      inspect.mutate({ path: r.path });
    },
    onError: errors.fromError,
  });
  const restore = useRestoreFile({
    onSuccess: (_s, input) => {
      errors.clear();
      setFile(null);
      setRecoveryKey('');
      setAskKey(false);
      onRestored?.(input.path);
    },
    onError: (err) => {
      if (asksRecoveryKey(err)) setAskKey(true);
      errors.fromError(err);
    },
    onSettled: () => setConfirming(false),
  });

  const look = () => {
    const input = errors.validate(contract['backups.inspectFile'].input, { path });
    if (input) inspect.mutate(input);
  };

  const info = file?.info;
  const busy = inspect.isPending || restore.isPending;

  return (
    <Section id="restore-file" title="Khôi phục từ tệp">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Tệp sao lưu (đuôi .ttctbak) trên USB hoặc một thư mục khác. Phần mềm cho xem tệp là của trung tâm nào, tạo lúc nào, rồi mới khôi
        phục; dữ liệu hiện tại được sao lưu trước.
      </Typography>
      <InlineForm onSubmit={look}>
        <TextField
          label="Đường dẫn tệp sao lưu"
          name="path"
          {...PLAIN_FIELD}
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setFile(null);
          }}
          {...errors.at('path')}
          placeholder={status.canChooseFiles ? undefined : 'Ví dụ: E:\\TTCT-saoluu-….ttctbak'}
          sx={{ flexGrow: 1, minWidth: 0 }}
        />
        {status.canChooseFiles && (
          <Button variant="outlined" sx={INLINE_BUTTON_SX} disabled={busy || choose.isPending} onClick={() => choose.mutate({})}>
            Chọn tệp…
          </Button>
        )}
        <Button type="submit" variant="outlined" sx={INLINE_BUTTON_SX} disabled={busy}>
          Xem tệp
        </Button>
      </InlineForm>
      {file && info && (
        <Box sx={{ mt: 2 }}>
          <DefinitionList aria-label="Thông tin tệp sao lưu" sx={{ mb: 1.5 }}>
            <dt>Trung tâm</dt>
            <dd>{info.centreName ?? 'Không ghi trong tệp'}</dd>
            <dt>Thời điểm tạo</dt>
            <dd>{info.createdAt ? formatDateTime(info.createdAt) : 'Không ghi trong tệp'}</dd>
            <dt>Phiên bản phần mềm</dt>
            <dd>{info.appVersion ?? 'Không ghi trong tệp'}</dd>
            <dt>Phiên bản dữ liệu</dt>
            <dd>{info.schemaVersion ?? 'Không ghi trong tệp'}</dd>
            <dt>Dung lượng</dt>
            <dd>{formatSize(info.sizeBytes)}</dd>
          </DefinitionList>
          {info.sameCentre === false && (
            <Alert severity="warning" sx={{ mb: 1.5 }}>
              Đây là bản sao lưu của {info.centreName ?? 'một trung tâm khác'}, không phải của trung tâm đang dùng phần mềm này.
            </Alert>
          )}
          {info.plain && (
            <Alert severity="info" sx={{ mb: 1.5 }}>
              Bản sao lưu này tạo bởi phiên bản cũ, chưa mã hóa; sau khi khôi phục, dữ liệu được mã hóa như dữ liệu hiện tại.
            </Alert>
          )}
          {askKey && (
            <BackupKeyField
              value={recoveryKey}
              onChange={setRecoveryKey}
              {...errors.at(
                'recoveryKey',
                'Tệp được tạo với một khóa khôi phục khác khóa máy này đang giữ: gõ 8 nhóm trên giấy lưu khóa của lúc tạo bản này.',
              )}
              sx={{ mb: 1.5 }}
            />
          )}
          <Button variant="contained" disabled={busy} onClick={() => setConfirming(true)}>
            Khôi phục từ tệp này
          </Button>
        </Box>
      )}
      <ErrorAlert error={errors.formError} sx={{ mt: 1.5 }} />
      <ConfirmDialog
        open={confirming && file !== null}
        title="Khôi phục dữ liệu từ tệp?"
        confirmLabel="Khôi phục"
        busy={restore.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          if (file) restore.mutate({ path: file.path, ...(askKey && recoveryKey.trim() ? { recoveryKey } : {}) });
        }}
      >
        Dữ liệu sẽ trở về bản
        {info?.centreName ? (
          <>
            {' '}
            của <b>{info.centreName}</b>
          </>
        ) : null}
        {info?.createdAt ? (
          <>
            {' '}
            tạo lúc <b>{formatDateTime(info.createdAt)}</b>
          </>
        ) : null}
        . Những thay đổi sau thời điểm đó không còn trên màn hình, nhưng không bị mất: dữ liệu hiện tại được sao lưu trước (hoặc, nếu bị
        hỏng, được giữ nguyên bên cạnh với tên mới).
      </ConfirmDialog>
    </Section>
  );
}
