import type { backupsChannels } from '../../../shared/contract/backups';
import type { AppCore } from '../app-core';
import { appStatus } from '../app/status';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { exportOffsite, inspectFile, restoreFile } from './offsite-flow';
import { setReminderDays } from './store';

function refuseWhileBusy(ctx: AppCore): void {
  if (ctx.jobs.running() > 0) {
    throw new AppError(
      'BUSY',
      'Đang có việc chạy nền (in giấy chứng nhận hoặc tổng hợp báo cáo); hãy chờ xong hoặc dừng trước khi khôi phục dữ liệu.',
    );
  }
}

export const backupsHandlers: Handlers<typeof backupsChannels> = {
  'backups.list': (ctx) => ctx.listBackups(),
  'backups.create': (ctx) => ctx.backup('manual'),
  'backups.restore': async (ctx, input) => {
    refuseWhileBusy(ctx);
    await ctx.restore(input.file, input.recoveryKey || undefined);
    return appStatus(ctx);
  },
  'backups.exportOffsite': (ctx, input) => exportOffsite(ctx, input.folder),
  'backups.inspectFile': (ctx, input) => inspectFile(ctx, input.path),
  'backups.restoreFile': async (ctx, input) => {
    refuseWhileBusy(ctx);
    await restoreFile(ctx, input.path, input.recoveryKey || undefined);
    return appStatus(ctx);
  },
  'backups.setReminder': (ctx, input) => {
    setReminderDays(ctx.db, input.days);
    return appStatus(ctx);
  },
};
