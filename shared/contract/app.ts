import { z } from 'zod';
import { empty, text, type ChannelDef } from './common';

/** Why the database could not be opened; the renderer shows a recovery screen for any of them. */
export const dbProblemSchema = z.object({
  code: z.enum(['DB_NOT_SQLITE', 'DB_CORRUPT', 'DB_TOO_NEW', 'DATA_DIR_UNWRITABLE', 'DISK_FULL', 'DB_OPEN_FAILED', 'DB_MISSING']),
  message: z.string(),
});

export const backupSchema = z.object({
  file: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-migration', 'pre-restore']),
  createdAt: z.string(),
  sizeBytes: z.number(),
});
export type Backup = z.infer<typeof backupSchema>;

export const appStatusSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number(),
  dataDir: z.string(),
  dbPath: z.string(),
  backupsDir: z.string(),
  logFile: z.string(),
  lastBackupAt: z.string().nullable(),
  problem: dbProblemSchema.nullable(),
  centreName: z.string().nullable(),
  demo: z.boolean(),
  /** A printer can be reached (the desktop app); otherwise documents are saved as PDF. */
  canPrint: z.boolean(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

const backupFileName = z
  .string()
  .regex(/^ttct-[0-9TZ-]+-(daily|manual|pre-migration|pre-restore)\.sqlite$/, 'Tên tệp sao lưu không hợp lệ');

export const appChannels = {
  'app.status': { input: empty, output: appStatusSchema },
  'app.reportError': {
    input: z.object({ message: text(2000), stack: text(20000).optional(), where: text(500).optional() }),
    output: z.object({ logged: z.boolean() }),
  },
  'backups.list': { input: empty, output: z.array(backupSchema) },
  'backups.create': { input: empty, output: backupSchema },
  'backups.restore': { input: z.object({ file: backupFileName }), output: appStatusSchema },
} satisfies Record<string, ChannelDef>;
