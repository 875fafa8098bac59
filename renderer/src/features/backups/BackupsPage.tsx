import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Backup } from '../../../../shared/contract/backups';
import { formatDateTime } from '../../../../shared/domain/format';
import { api } from '../../api';
import { STATUS_KEY, useAppStatus } from '../../app/useAppStatus';
import { PageHeader } from '../../components/PageHeader';
import { BackupTable } from './BackupTable';
import { OffsiteBackup } from './OffsiteBackup';
import { RecoveryKeySection } from '../protection/RecoveryKeySection';
import { RestoreDialog } from './RestoreDialog';
import { RestoreFromFile } from './RestoreFromFile';
import { ErrorAlert } from '../../components/form/ErrorAlert';

export function BackupsPage() {
  const status = useAppStatus();
  const queryClient = useQueryClient();
  const backups = useQuery({ queryKey: ['backups.list'], queryFn: () => api.backups.list() });
  const create = useMutation({
    mutationFn: () => api.backups.create(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['backups.list'] });
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
  const [chosen, setChosen] = useState<Backup | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const s = status.data;

  return (
    <Box sx={{ maxWidth: 1000 }}>
      <PageHeader
        title="Dữ liệu và sao lưu"
        subtitle="Phần mềm tự sao lưu trên máy mỗi ngày khi mở lần đầu, trước khi nâng cấp dữ liệu và trước khi khôi phục; giữ 14 bản gần nhất của mỗi loại."
        actions={
          <Button variant="contained" onClick={() => create.mutate()} disabled={create.isPending}>
            Sao lưu ngay
          </Button>
        }
      />
      {create.isSuccess && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã sao lưu lúc {formatDateTime(create.data.createdAt)}.
        </Alert>
      )}
      <ErrorAlert error={create.error} sx={{ mb: 2 }} />
      {restored && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setRestored(null)}>
          {restored}
        </Alert>
      )}
      {s && <OffsiteBackup status={s} />}
      {s && <RecoveryKeySection status={s} />}
      <Paper sx={{ p: 2, mb: 2 }} component="section" aria-labelledby="local-backups-title">
        <Typography variant="h2" id="local-backups-title" sx={{ mb: 1 }}>
          Các bản sao lưu trên máy
        </Typography>
        {backups.data && backups.data.length > 0 ? (
          <BackupTable backups={backups.data} onRestore={setChosen} />
        ) : (
          <Typography color="text.secondary">{backups.isPending ? 'Đang tải…' : 'Chưa có bản sao lưu nào.'}</Typography>
        )}
      </Paper>
      {s && <RestoreFromFile status={s} onRestored={(p) => setRestored(`Đã khôi phục dữ liệu từ tệp ${p}.`)} />}
      {s && (
        <Paper sx={{ p: 2 }} component="section" aria-labelledby="data-place-title">
          <Typography variant="h2" id="data-place-title" sx={{ mb: 1 }}>
            Nơi lưu dữ liệu
          </Typography>
          <Box
            component="dl"
            sx={{
              display: 'grid',
              gridTemplateColumns: 'max-content minmax(0, 1fr)',
              columnGap: 2,
              rowGap: 0.5,
              m: 0,
              '& dd': { m: 0, overflowWrap: 'anywhere' },
            }}
          >
            <dt>Tệp cơ sở dữ liệu</dt>
            <dd>{s.dbPath}</dd>
            <dt>Thư mục sao lưu</dt>
            <dd>{s.backupsDir}</dd>
            <dt>Nhật ký lỗi</dt>
            <dd>{s.logFile}</dd>
            <dt>Phiên bản dữ liệu</dt>
            <dd>{s.schemaVersion}</dd>
          </Box>
        </Paper>
      )}
      <RestoreDialog backup={chosen} onClose={() => setChosen(null)} onRestored={() => setRestored('Đã khôi phục dữ liệu.')} />
    </Box>
  );
}
