import crypto from 'node:crypto';
import type { protectionChannels } from '../../../shared/contract/protection';
import type { AppCore } from '../app-core';
import { buildRecoverySheetHtml, RECOVERY_SHEET_TITLE } from '../documents/recovery-sheet';
import { AppError } from '../errors';
import { GROUPS, normalizeRecoveryKey } from '../protection/recovery-key';
import { appStatus } from './app';
import type { Handlers } from '../handler';

function pending(ctx: AppCore): { recoveryKey: string; createdAt: string } {
  const p = ctx.keys?.pending;
  if (!p)
    throw new AppError(
      'NOT_FOUND',
      'Khóa khôi phục đã được xác nhận lưu giữ; giấy lưu khóa chỉ hiện một lần. Muốn có giấy mới, hãy tạo khóa khôi phục mới.',
    );
  return p;
}

/** Two groups the clerk types back, the same for one key at every start (1-based, never the same twice). */
function confirmGroups(recoveryKey: string): number[] {
  const h = crypto.createHash('sha256').update(`confirm:${recoveryKey}`).digest();
  const first = (h[0]! % GROUPS) + 1;
  let second = (h[1]! % (GROUPS - 1)) + 1;
  if (second >= first) second++;
  return [first, second].sort((a, b) => a - b);
}

function centreName(ctx: AppCore): string | null {
  if (ctx.problem) return null;
  const row = ctx.db.prepare('SELECT name FROM centre_profiles ORDER BY valid_from DESC LIMIT 1').get() as { name: string } | undefined;
  return row?.name ?? null;
}

function sheetHtml(ctx: AppCore): string {
  const p = pending(ctx);
  return buildRecoverySheetHtml({
    centreName: centreName(ctx),
    recoveryKey: p.recoveryKey,
    createdAt: p.createdAt,
    appVersion: ctx.appVersion,
  });
}

export const protectionHandlers: Handlers<typeof protectionChannels> = {
  'protection.recoverySheet': (ctx) => {
    const p = pending(ctx);
    return {
      recoveryKey: p.recoveryKey,
      createdAt: p.createdAt,
      centreName: centreName(ctx),
      confirmGroups: confirmGroups(p.recoveryKey),
      title: RECOVERY_SHEET_TITLE,
      html: sheetHtml(ctx),
    };
  },
  'protection.recoverySheetPdf': async (ctx) => {
    const pdf = await ctx.printing().toPdf(sheetHtml(ctx));
    return { fileName: 'giay-luu-khoa-khoi-phuc-du-lieu.pdf', dataBase64: pdf.toString('base64') };
  },
  'protection.recoverySheetPrint': async (ctx) => {
    const port = ctx.printing();
    if (!port.canPrint || !port.print) throw new AppError('PRINT_UNAVAILABLE', 'Máy này không in trực tiếp được; hãy lưu PDF rồi in.');
    await port.print(sheetHtml(ctx), { paper: 'A4' });
    return { printed: true };
  },
  'protection.confirmRecoveryKey': async (ctx, input) => {
    const p = pending(ctx);
    if (ctx.jobs.running() > 0) throw new AppError('BUSY', 'Đang có việc chạy nền; hãy chờ xong rồi xác nhận giấy lưu khóa.');
    const groups = p.recoveryKey.split('-');
    const asked = confirmGroups(p.recoveryKey);
    const fields: Record<string, string> = {};
    asked.forEach((g, i) => {
      const typed = normalizeRecoveryKey(`${input.groups[i] ?? ''}${'0000'.repeat(GROUPS - 1)}`)?.slice(0, 4);
      if (typed !== groups[g - 1]) fields[`groups.${i}`] = `Nhóm thứ ${g} chưa đúng với giấy lưu khóa.`;
    });
    if (Object.keys(fields).length > 0) {
      throw new AppError('RECOVERY_KEY_WRONG', 'Các nhóm vừa gõ chưa khớp với khóa khôi phục; hãy đọc lại trên giấy đã in.', fields);
    }
    await ctx.confirmRecoveryKey();
    return appStatus(ctx);
  },
  'protection.unlock': async (ctx, input) => {
    await ctx.unlock(input.recoveryKey);
    return appStatus(ctx);
  },
  'protection.newRecoveryKey': async (ctx) => {
    if (ctx.jobs.running() > 0) throw new AppError('BUSY', 'Đang có việc chạy nền; hãy chờ xong rồi tạo khóa khôi phục mới.');
    await ctx.replaceRecoveryKey();
    return appStatus(ctx);
  },
};
