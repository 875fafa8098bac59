import type { AppStatus } from '../../../shared/contract/app';
import type { AppCore } from '../app-core';
import { offsiteStatus } from '../backups/offsite-flow';
import { currentCentreName } from '../centre/store';
import { readClerkName } from '../clerk/store';
import { readSetting } from '../db/settings';

/** What every screen knows of the app; the answer of each call that changes the app's state. */
export function appStatus(ctx: AppCore): AppStatus {
  const backups = ctx.listBackups();
  const open = !ctx.problem;
  return {
    appVersion: ctx.appVersion,
    schemaVersion: ctx.schemaVersion(),
    dataDir: ctx.dataDir,
    dbPath: ctx.dbPath,
    backupsDir: ctx.backupsDir,
    logFile: ctx.log.file,
    lastBackupAt: backups[0]?.createdAt ?? null,
    problem: ctx.problem,
    centreName: open ? currentCentreName(ctx.db) : null,
    demo: open && readSetting(ctx.db, 'demo') === 'true',
    clerkName: open ? readClerkName(ctx.db) : null,
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
