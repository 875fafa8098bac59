import { Alert, Button, Typography } from '@mui/material';
import { useState } from 'react';
import type { Backup } from '../../../../shared/contract/backups';
import { formatDateTime } from '../../../../shared/domain/format';
import { useAppStatus } from '../../app/queries';
import { DefinitionList } from '../../components/DefinitionList';
import { Page } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { BackupTable } from './BackupTable';
import { OffsiteBackup } from './OffsiteBackup';
import { RecoveryKeySection } from '../protection/RecoveryKeySection';
import { RestoreDialog } from './RestoreDialog';
import { RestoreFromFile } from './RestoreFromFile';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useBackups, useCreateBackup } from './queries';

export function BackupsPage() {
  const status = useAppStatus();
  const backups = useBackups();
  const create = useCreateBackup();
  const [chosen, setChosen] = useState<Backup | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const s = status.data;

  return (
    <Page
      maxWidth={1000}
      title="Dữ liệu và sao lưu"
      subtitle="Phần mềm tự sao lưu trên máy mỗi ngày khi mở lần đầu, trước khi nâng cấp dữ liệu và trước khi khôi phục; giữ 14 bản gần nhất của mỗi loại."
      actions={
        <Button variant="contained" onClick={() => create.mutate({})} disabled={create.isPending}>
          Sao lưu ngay
        </Button>
      }
    >
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
      <Section id="local-backups" title="Các bản sao lưu trên máy">
        {backups.data && backups.data.length > 0 ? (
          <BackupTable backups={backups.data} onRestore={setChosen} />
        ) : (
          <Typography color="text.secondary">{backups.isPending ? 'Đang tải…' : 'Chưa có bản sao lưu nào.'}</Typography>
        )}
      </Section>
      {s && <RestoreFromFile status={s} onRestored={(p) => setRestored(`Đã khôi phục dữ liệu từ tệp ${p}.`)} />}
      {s && (
        <Section id="data-place" title="Nơi lưu dữ liệu" sx={{ p: 2 }}>
          <DefinitionList>
            <dt>Tệp cơ sở dữ liệu</dt>
            <dd>{s.dbPath}</dd>
            <dt>Thư mục sao lưu</dt>
            <dd>{s.backupsDir}</dd>
            <dt>Nhật ký lỗi</dt>
            <dd>{s.logFile}</dd>
            <dt>Phiên bản dữ liệu</dt>
            <dd>{s.schemaVersion}</dd>
          </DefinitionList>
        </Section>
      )}
      <RestoreDialog backup={chosen} onClose={() => setChosen(null)} onRestored={() => setRestored('Đã khôi phục dữ liệu.')} />
    </Page>
  );
}
