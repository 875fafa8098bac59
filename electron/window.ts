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

/**
 * A frame may navigate only to what the app's own print previews load: a sandboxed iframe's srcdoc
 * (or the blank page before it). The main frame never navigates: the app is one page with hash routes.
 */
export function isAllowedFrameNavigation(details: { url: string; isMainFrame: boolean }): boolean {
  if (details.isMainFrame) return false;
  return details.url === 'about:srcdoc' || details.url === 'about:blank';
}

/** Navigation away from the app and new windows are refused; links to the web are not opened either (offline office PCs). */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  // will-navigate sees only the main frame; a subframe (a preview, or anything injected into one) is
  // held to the same rule here.
  contents.on('will-frame-navigate', (details) => {
    if (!isAllowedFrameNavigation(details)) details.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Camera, microphone, notifications, geolocation…: the app needs none, so every request is refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The page the app itself serves: app://ttct/index.html in production, the dev server in development.
 * Scheme, host and port are compared, never `origin`: Node's URL gives every non-web scheme the opaque
 * origin "null", which would make any app:// (or foo://) page look like ours.
 */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const base = new URL(appUrl);
  return (url: string) => {
    try {
      const u = new URL(url);
      if (u.protocol !== base.protocol || u.host !== base.host) return false;
      if (base.protocol === 'http:' || base.protocol === 'https:') return true;
      return u.pathname === base.pathname;
    } catch {
      return false;
    }
  };
}
