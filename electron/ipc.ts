import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { contract } from '../shared/contract';
import type { AppCore } from './core/app-core';
import { dispatch } from './core/dispatch';

export interface TrustedWindow {
  webContents: Pick<WebContents, 'id' | 'mainFrame'>;
}

/**
 * The sender must be the main frame of the app's own window, showing the app's own page: a
 * navigated-away page or a subframe (such as a print preview) cannot call the core.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  win: TrustedWindow | null,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!win || event.sender.id !== win.webContents.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== win.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

/** Registers every contract channel; nothing else is reachable from the renderer. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: AppCore,
  getWindow: () => TrustedWindow | null,
  isAppUrl: (url: string) => boolean,
): string[] {
  const channels = Object.keys(contract);
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, getWindow(), isAppUrl)) {
        core.log.warn(`Refused ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không hợp lệ.' } };
      }
      return dispatch(core, channel, input);
    });
  }
  return channels;
}
