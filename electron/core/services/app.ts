import type { appChannels } from '../../../shared/contract/app';
import type { AppStatus } from '../../../shared/contract/app';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import { readClerkName } from '../clerk/clerk-name';
import type { Handlers } from '../handler';
import { exportOffsite, inspectFile, offsiteStatus, restoreFile, setReminderDays } from '../protection/offsite-flow';
import { OFFSITE_EXTENSION } from '../protection/offsite';

function refuseWhileBusy(ctx: AppCore): void {
  if (ctx.jobs.running() > 0) {
    throw new AppError(
      'BUSY',
      'Đang có việc chạy nền (in giấy chứng nhận hoặc tổng hợp báo cáo); hãy chờ xong hoặc dừng trước khi khôi phục dữ liệu.',
    );
  }
}

export function appStatus(ctx: AppCore): AppStatus {
  const backups = ctx.listBackups();
  let centreName: string | null = null;
  let demo = false;
  if (!ctx.problem) {
    const row = ctx.db.prepare('SELECT name FROM centre_profiles ORDER BY valid_from DESC LIMIT 1').get() as { name: string } | undefined;
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
    clerkName: ctx.problem ? null : readClerkName(ctx.db),
    canPrint: ctx.canPrint,
    canChooseFiles: ctx.dialogs !== null,
    protection: {
      encrypted: ctx.encrypted,
      keyStorage: ctx.keys?.port.kind ?? 'none',
      recoveryKeyPending: ctx.keys?.pending != null,
    },
    offsite: offsiteStatus(ctx),
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
    setReminderDays(ctx, input.days);
    return appStatus(ctx);
  },
  'app.setClerkName': (ctx, input) => {
    ctx.clerk.set(ctx.db, input.name);
    return appStatus(ctx);
  },
  'app.chooseFolder': async (ctx) => ({ path: (await ctx.dialogs?.chooseFolder('Chọn USB hoặc thư mục để lưu bản sao')) ?? null }),
  'app.chooseBackupFile': async (ctx) => ({
    path:
      (await ctx.dialogs?.chooseFile('Chọn tệp sao lưu', { name: 'Bản sao lưu', extensions: [OFFSITE_EXTENSION.slice(1), 'sqlite'] })) ??
      null,
  }),
};
