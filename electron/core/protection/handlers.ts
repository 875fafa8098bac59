import crypto from 'node:crypto';
import type { protectionChannels } from '../../../shared/contract/protection';
import type { AppCore } from '../app-core';
import { buildRecoverySheetHtml, RECOVERY_SHEET_TITLE } from '../documents/recovery-sheet';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { pdfFile, printHtml } from '../report-files';
import { appStatus } from '../app/status';
import { currentCentreName } from '../centre/store';
import { GROUPS, normalizeRecoveryKey } from './recovery-key';

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
  return ctx.problem ? null : currentCentreName(ctx.db);
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
  'protection.recoverySheetPdf': (ctx) => pdfFile(ctx, () => ({ fileName: 'giay-luu-khoa-khoi-phuc-du-lieu.pdf', html: sheetHtml(ctx) })),
  'protection.recoverySheetPrint': (ctx) => printHtml(ctx, () => sheetHtml(ctx), { paper: 'A4' }),
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
