import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** Electron's security checklist, as one constant a test asserts. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export function mainWindowOptions(preloadPath: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title,
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  };
}

/** Navigation away from the app and new windows are refused; links to the web are not opened either (offline office PCs). */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Camera, microphone, notifications, geolocation…: the app needs none, so every request is refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The page the app itself serves: its own file in production, the dev server in development. */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const base = new URL(appUrl);
  return (url: string) => {
    try {
      const u = new URL(url);
      if (base.protocol === 'file:') return u.protocol === 'file:' && u.pathname === base.pathname;
      return u.origin === base.origin;
    } catch {
      return false;
    }
  };
}
