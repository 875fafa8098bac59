import { z } from 'zod';
import { empty, requiredText, text, type ChannelDef } from './common';

/** Why the database could not be opened; the renderer shows a recovery screen for any of them. */
export const dbProblemSchema = z.object({
  code: z.enum([
    'DB_NOT_SQLITE',
    'DB_CORRUPT',
    'DB_TOO_NEW',
    'DATA_DIR_UNWRITABLE',
    'DISK_FULL',
    'DB_OPEN_FAILED',
    'DB_MISSING',
    'DB_LOCKED',
  ]),
  message: z.string(),
});

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
  /** The clerk's name set in the app, recorded as who made each change; null until set (the OS account is used). */
  clerkName: z.string().nullable(),
  /** A printer can be reached (the desktop app); otherwise documents are saved as PDF. */
  canPrint: z.boolean(),
  /** The shell has the system's folder and file pickers (the desktop app); otherwise paths are typed. */
  canChooseFiles: z.boolean(),
  protection: z.object({
    encrypted: z.boolean(),
    /** Where the key is kept: the OS for this Windows user, a plain file (browser host), nowhere (asked at each start). */
    keyStorage: z.enum(['os', 'file', 'none']),
    /** The recovery sheet has not been confirmed as kept: the app shows it until it is. */
    recoveryKeyPending: z.boolean(),
  }),
  offsite: z.object({
    lastAt: z.string().nullable(),
    reminderDays: z.number(),
    /** The last copy off the PC is older than the reminder (or there is none): the status line says so. */
    due: z.boolean(),
  }),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const appChannels = {
  'app.status': { input: empty, output: appStatusSchema },
  'app.reportError': {
    input: z.object({ message: text(2000), stack: text(20000).optional(), where: text(500).optional() }),
    output: z.object({ logged: z.boolean() }),
  },
  'app.setClerkName': {
    input: z.object({
      name: requiredText(80).refine((v) => /\p{L}.*\p{L}/u.test(v), 'Hãy gõ họ và tên người đang dùng máy'),
    }),
    output: appStatusSchema,
  },
  'app.chooseFolder': { input: empty, output: z.object({ path: z.string().nullable() }) },
  'app.chooseBackupFile': { input: empty, output: z.object({ path: z.string().nullable() }) },
} satisfies Record<string, ChannelDef>;
