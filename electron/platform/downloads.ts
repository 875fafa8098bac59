import path from 'node:path';
import { app, dialog, type BrowserWindow, type Session } from 'electron';
import type { Logger } from '../core/log';
import { saveDialogFilters, safeDownloadName } from './download-names';

/**
 * Files the renderer hands out (PDF, Excel, key files) arrive as downloads; each one asks where to
 * save it with the system dialog, starting in the folder used last (Documents the first time).
 * The dialog is called through `dialog.showSaveDialogSync` on every download (never a saved
 * reference), which is also what the `_electron` tests replace to answer it.
 */
export function handleDownloads(session: Pick<Session, 'on'>, getWindow: () => BrowserWindow | null, log: Logger): void {
  let lastFolder: string | null = null;
  session.on('will-download', (_event, item) => {
    const name = safeDownloadName(item.getFilename());
    const folder = lastFolder ?? app.getPath('documents');
    const options = { title: 'Lưu tệp', defaultPath: path.join(folder, name), buttonLabel: 'Lưu', filters: saveDialogFilters(name) };
    const win = getWindow();
    // The save path must be set before this handler returns, hence the synchronous dialog.
    const target = win ? dialog.showSaveDialogSync(win, options) : dialog.showSaveDialogSync(options);
    if (!target) {
      item.cancel();
      return;
    }
    lastFolder = path.dirname(target);
    item.setSavePath(target);
    item.once('done', (_e, state) => {
      // The kind of file, not its name: an exported list is named after the file it came from (issue 13).
      if (state !== 'completed')
        log.warn(`Download of a ${path.extname(name).toLowerCase() || 'file without extension'} ended as ${state}`);
    });
  });
}
