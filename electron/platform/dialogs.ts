import { dialog, type BrowserWindow } from 'electron';
import type { DialogPort } from '../core/ports';

/** The system pickers, attached to the app's window so they stay in front of it. */
export function createDialogPort(window: () => BrowserWindow | null): DialogPort {
  const pick = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    const parent = window();
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  return {
    chooseFolder: (title) => pick({ title, properties: ['openDirectory', 'createDirectory'] }),
    chooseFile: (title, filter) => pick({ title, properties: ['openFile'], filters: [filter] }),
  };
}
