import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { AppCore } from './core/app-core';
import { useBuiltReadWorker } from './core/io/sheet-worker';
import { createLogger, type Logger } from './core/log';
import { prepareDataDir, restrictUmask } from './core/private-files';
import { privateTempPath } from './core/temp-files';
import { registerIpc } from './ipc';
import { appUrlMatcher, denyAllPermissions, hardenWebContents, mainWindowOptions } from './window';
import { createElectronPrintPort } from './platform/printing';
import { handleDownloads } from './platform/downloads';
import { createSafeStorageProtection } from './platform/key-protection';
import { createDialogPort } from './platform/dialogs';
import { APP_INDEX_URL, APP_SCHEME, serveRendererRequest } from './renderer-files';

const APP_TITLE = 'Quản lý đào tạo Trung tâm Chính trị';

// Before anything is written (Chromium's profile, the log, the database): owner-only (issue 13).
restrictUmask();

/** TTCT_DATA_DIR isolates a test run; otherwise the OS user data folder, never next to the program. */
function dataDir(): string {
  return process.env.TTCT_DATA_DIR ? path.resolve(process.env.TTCT_DATA_DIR) : path.join(app.getPath('userData'), 'data');
}

let mainWindow: BrowserWindow | null = null;
let log: Logger;

/** The built renderer, served as app://ttct/ (never file://, which would open every local file to the page). */
const RENDERER_DIR = path.join(__dirname, '../renderer');

function appUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && dev) return dev;
  return APP_INDEX_URL;
}

// Must happen before 'ready': a standard, secure scheme gets a real origin, so the CSP's 'self',
// fetch and the renderer's module scripts work as they would over https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

function buildMenu(core: AppCore): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        { label: 'Mở thư mục dữ liệu', click: () => void shell.openPath(core.dataDir) },
        { label: 'Mở thư mục sao lưu', click: () => void shell.openPath(core.backupsDir) },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    {
      label: 'Hiển thị',
      submenu: [
        { label: 'Phóng to', role: 'zoomIn' },
        { label: 'Thu nhỏ', role: 'zoomOut' },
        { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: 'Công cụ phát triển', role: 'toggleDevTools' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [
        { label: 'Mở nhật ký lỗi', click: () => void shell.openPath(core.log.file) },
        {
          label: 'Giới thiệu',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'Giới thiệu',
              message: APP_TITLE,
              detail: `Phiên bản ${app.getVersion()}\nDữ liệu: ${core.dbPath}`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  const url = appUrl();
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.js'), APP_TITLE));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(url);
}

async function start(): Promise<void> {
  const dir = dataDir();
  log = createLogger(path.join(dir, 'logs'));
  process.on('uncaughtException', (err) => log.error('Uncaught exception', err));
  process.on('unhandledRejection', (err) => log.error('Unhandled rejection', err));
  // After the single-instance lock: no other copy is printing from the temp folder being swept.
  prepareDataDir(dir, log);

  await app.whenReady();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  denyAllPermissions(session.defaultSession);
  session.defaultSession.protocol.handle(APP_SCHEME, (request) => serveRendererRequest(RENDERER_DIR, request));
  handleDownloads(session.defaultSession, () => mainWindow, log);

  useBuiltReadWorker(path.join(__dirname, 'read-worker.js'), { prewarm: true });
  const core = await AppCore.start({
    dataDir: dir,
    log,
    appVersion: app.getVersion(),
    printing: createElectronPrintPort(privateTempPath(dir)),
    keys: await createSafeStorageProtection(),
    dialogs: createDialogPort(() => mainWindow),
  });
  const isAppUrl = appUrlMatcher(appUrl());
  registerIpc(ipcMain, core, () => mainWindow, isAppUrl);
  buildMenu(core);
  await createWindow();

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    core.close();
    app.quit();
  });
}

// One writer per database: a second copy of the app only brings the first one forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId('vn.ttct.desktop');
  start().catch((err: unknown) => {
    log?.error('Start-up failed', err);
    dialog.showErrorBox(APP_TITLE, `Không khởi động được phần mềm. Chi tiết trong nhật ký: ${log?.file ?? ''}`);
    app.exit(1);
  });
}
