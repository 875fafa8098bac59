import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import type { AppStatus } from '../../../../shared/contract/app';
import type { Backup } from '../../../../shared/contract/backups';
import { formatDateTime } from '../../../../shared/domain/format';
import { Section } from '../../components/Section';
import { BackupTable } from './BackupTable';
import { RestoreDialog } from './RestoreDialog';
import { RestoreFromFile } from './RestoreFromFile';
import { UnlockForm } from '../protection/UnlockForm';
import { useBackups } from './queries';

const TITLES: Record<NonNullable<AppStatus['problem']>['code'], string> = {
  DB_NOT_SQLITE: 'Tệp dữ liệu không đúng định dạng',
  DB_CORRUPT: 'Cơ sở dữ liệu bị hỏng',
  DB_TOO_NEW: 'Dữ liệu của phiên bản phần mềm mới hơn',
  DATA_DIR_UNWRITABLE: 'Không ghi được vào thư mục dữ liệu',
  DISK_FULL: 'Ổ đĩa đã đầy',
  DB_OPEN_FAILED: 'Không mở được cơ sở dữ liệu',
  DB_MISSING: 'Không tìm thấy cơ sở dữ liệu',
  DB_LOCKED: 'Cần khóa khôi phục để mở dữ liệu',
};

/**
 * Shown instead of the app when the database cannot be used. A locked one asks for the recovery
 * key first; any other offers the newest backup on this PC, then the others and a file from elsewhere.
 */
export function DatabaseProblem({ status }: { status: AppStatus }) {
  const backups = useBackups();
  const [chosen, setChosen] = useState<Backup | null>(null);
  const problem = status.problem!;
  const locked = problem.code === 'DB_LOCKED';
  const newest = backups.data?.[0];
  const canRestore = problem.code !== 'DATA_DIR_UNWRITABLE' && problem.code !== 'DISK_FULL';

  return (
    <Box component="main" sx={{ maxWidth: 900, mx: 'auto', p: 4 }}>
      <Typography variant="h1" sx={{ mb: 2 }}>
        Quản lý đào tạo Trung tâm Chính trị
      </Typography>
      <Alert severity={locked ? 'warning' : 'error'} sx={{ mb: 2 }}>
        <AlertTitle>{TITLES[problem.code]}</AlertTitle>
        {problem.message}
      </Alert>
      {locked && <UnlockForm />}
      {canRestore && (
        <Section id="local-backups" title={locked ? 'Hoặc khôi phục từ bản sao lưu trên máy' : 'Khôi phục từ bản sao lưu trên máy'}>
          {newest ? (
            <>
              <Typography sx={{ mb: 1 }}>
                Bản sao lưu gần nhất: <b>{formatDateTime(newest.createdAt)}</b>
              </Typography>
              <Button variant={locked ? 'outlined' : 'contained'} onClick={() => setChosen(newest)}>
                Khôi phục bản sao lưu gần nhất
              </Button>
              {backups.data && backups.data.length > 1 && (
                <>
                  <Typography variant="subtitle1" component="h3" sx={{ mt: 3, mb: 1, fontWeight: 600 }}>
                    Các bản sao lưu khác
                  </Typography>
                  <BackupTable backups={backups.data} onRestore={setChosen} />
                </>
              )}
            </>
          ) : (
            <Typography>{backups.isPending ? 'Đang tìm bản sao lưu…' : 'Không tìm thấy bản sao lưu nào trong thư mục sao lưu.'}</Typography>
          )}
        </Section>
      )}
      {canRestore && <RestoreFromFile status={status} />}
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        Tệp dữ liệu: {status.dbPath}
        <br />
        Thư mục sao lưu: {status.backupsDir}
        <br />
        Nhật ký lỗi: {status.logFile}
      </Typography>
      <RestoreDialog backup={chosen} onClose={() => setChosen(null)} onRestored={() => undefined} />
    </Box>
  );
}
