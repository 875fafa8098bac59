import { z } from 'zod';
import { appStatusSchema } from './app';
import { empty, intInRange, requiredText, text, type ChannelDef } from './common';

export const backupSchema = z.object({
  file: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-migration', 'pre-restore']),
  createdAt: z.string(),
  sizeBytes: z.number(),
});
export type Backup = z.infer<typeof backupSchema>;

const backupFileName = z
  .string()
  .regex(/^ttct-[0-9TZ-]+-(daily|manual|pre-migration|pre-restore)\.sqlite$/, 'Tên tệp sao lưu không hợp lệ');

const recoveryKeyInput = text(200);
const filePath = requiredText(1000);

export const offsiteFileSchema = z.object({
  centreName: z.string().nullable(),
  createdAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().nullable(),
  /** A backup from a version before encryption (a plain SQLite file). */
  plain: z.boolean(),
  /** None of the keys this PC holds opens it: its recovery key must be typed. */
  needsRecoveryKey: z.boolean(),
  /** Made by this centre's database; false for another centre's; null when it cannot be told before opening. */
  sameCentre: z.boolean().nullable(),
  sizeBytes: z.number(),
});

export const backupsChannels = {
  'backups.list': { input: empty, output: z.array(backupSchema) },
  'backups.create': { input: empty, output: backupSchema },
  'backups.restore': { input: z.object({ file: backupFileName, recoveryKey: recoveryKeyInput.optional() }), output: appStatusSchema },
  'backups.exportOffsite': {
    input: z.object({ folder: filePath }),
    output: z.object({ file: z.string(), path: z.string(), sizeBytes: z.number() }),
  },
  'backups.inspectFile': { input: z.object({ path: filePath }), output: offsiteFileSchema },
  'backups.restoreFile': { input: z.object({ path: filePath, recoveryKey: recoveryKeyInput.optional() }), output: appStatusSchema },
  'backups.setReminder': {
    input: z.object({ days: intInRange(1, 90, 'Số ngày nhắc từ 1 đến 90') }),
    output: appStatusSchema,
  },
} satisfies Record<string, ChannelDef>;
