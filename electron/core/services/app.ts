import type { appChannels } from '../../../shared/contract/app';
import type { AppStatus } from '../../../shared/contract/app';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import type { Handlers } from './types';

export function appStatus(ctx: AppCore): AppStatus {
  const backups = ctx.listBackups();
  let centreName: string | null = null;
  let demo = false;
  if (!ctx.problem) {
    const row = ctx.db.prepare('SELECT name FROM centre_profiles ORDER BY valid_from DESC LIMIT 1').get() as
      | { name: string }
      | undefined;
    centreName = row?.name ?? null;
    demo = ctx.db.prepare("SELECT 1 FROM settings WHERE key = 'demo' AND value = 'true'").get() !== undefined;
  }
  return {
    appVersion: ctx.appVersion,
    schemaVersion: ctx.schemaVersion(),
    dataDir: ctx.dataDir,
    dbPath: ctx.dbPath,
    backupsDir: ctx.backupsDir,
    logFile: ctx.log.file,
    lastBackupAt: backups[0]?.createdAt ?? null,
    problem: ctx.problem,
    centreName,
    demo,
    canPrint: ctx.canPrint,
  };
}

export const appHandlers: Handlers<typeof appChannels> = {
  'app.status': (ctx) => appStatus(ctx),
  'app.reportError': (ctx, input) => {
    ctx.log.error(`Renderer: ${input.message}${input.where ? ` (${input.where})` : ''}${input.stack ? `\n${input.stack}` : ''}`);
    return { logged: true };
  },
  'backups.list': (ctx) => ctx.listBackups(),
  'backups.create': (ctx) => ctx.backup('manual'),
  'backups.restore': async (ctx, input) => {
    if (ctx.jobs.running() > 0) throw new AppError('BUSY', 'Đang có việc chạy nền (in giấy chứng nhận hoặc tổng hợp báo cáo); hãy chờ xong hoặc dừng trước khi khôi phục dữ liệu.');
    await ctx.restore(input.file);
    return appStatus(ctx);
  },
};
