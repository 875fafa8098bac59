import type { appChannels } from '../../../shared/contract/app';
import type { Handlers } from '../handler';
import { OFFSITE_EXTENSION } from '../protection/offsite';
import { appStatus } from './status';

export const appHandlers: Handlers<typeof appChannels> = {
  'app.status': (ctx) => appStatus(ctx),
  'app.reportError': (ctx, input) => {
    ctx.log.error(`Renderer: ${input.message}${input.where ? ` (${input.where})` : ''}${input.stack ? `\n${input.stack}` : ''}`);
    return { logged: true };
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
