import { z } from 'zod';
import { empty, printOutcomeSchema, requiredText, savedFileSchema, text, type ChannelDef } from './common';
import { appStatusSchema } from './app';

/** Encryption keys and the recovery sheet (issue 13); backups on and off the PC are in app.ts. */
export const recoverySheetSchema = z.object({
  recoveryKey: z.string(),
  createdAt: z.string(),
  centreName: z.string().nullable(),
  /** Which groups (1-based) the clerk types back to confirm having kept the sheet. */
  confirmGroups: z.array(z.number()),
  title: z.string(),
  html: z.string(),
});

export const protectionChannels = {
  'protection.recoverySheet': { input: empty, output: recoverySheetSchema },
  'protection.recoverySheetPdf': { input: empty, output: savedFileSchema },
  'protection.recoverySheetPrint': { input: empty, output: printOutcomeSchema },
  'protection.confirmRecoveryKey': { input: z.object({ groups: z.array(text(20)).min(1).max(8) }), output: appStatusSchema },
  'protection.unlock': { input: z.object({ recoveryKey: requiredText(200) }), output: appStatusSchema },
  'protection.newRecoveryKey': { input: empty, output: appStatusSchema },
} satisfies Record<string, ChannelDef>;
