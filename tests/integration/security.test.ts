import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, registerIpc } from '../../electron/ipc';
import {
  appUrlMatcher,
  denyAllPermissions,
  hardenWebContents,
  isAllowedFrameNavigation,
  mainWindowOptions,
  SECURE_WEB_PREFERENCES,
} from '../../electron/window';
import { APP_INDEX_URL, resolveRendererFile, serveRendererRequest } from '../../electron/renderer-files';
import { contract } from '../../shared/contract';
import { startCore, tempDir } from './helpers';

const root = path.resolve(__dirname, '../..');

describe('BrowserWindow options (Electron security checklist)', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    const opts = mainWindowOptions('/app/out/preload/index.js', 'x');
    expect(opts.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/app/out/preload/index.js' });
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
}

function fire(contents: FakeContents, name: string): boolean {
  let prevented = false;
  contents.emit(name, { preventDefault: () => (prevented = true) }, 'https://example.com/');
  return prevented;
}

describe('navigation, new windows and permissions', () => {
  it('denies navigation, redirects, webviews and new windows', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never);
    expect(fire(contents, 'will-navigate')).toBe(true);
    const frameNavigation = (url: string, isMainFrame: boolean) => {
      let prevented = false;
      contents.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(frameNavigation('https://example.com/', false)).toBe(true);
    expect(frameNavigation('app://ttct/index.html', true)).toBe(true);
    expect(frameNavigation('about:srcdoc', false)).toBe(false);
    expect(fire(contents, 'will-redirect')).toBe(true);
    expect(fire(contents, 'will-attach-webview')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('lets a frame load only a print preview (srcdoc) and never moves the main frame', () => {
    expect(isAllowedFrameNavigation({ url: 'about:srcdoc', isMainFrame: false })).toBe(true);
    expect(isAllowedFrameNavigation({ url: 'about:blank', isMainFrame: false })).toBe(true);
    for (const url of [
      'app://ttct/index.html',
      'file:///etc/passwd',
      'https://example.com/',
      'javascript:alert(1)',
      'data:text/html,x',
      'blob:app://ttct/1',
    ]) {
      expect(isAllowedFrameNavigation({ url, isMainFrame: false })).toBe(false);
    }
    expect(isAllowedFrameNavigation({ url: 'about:srcdoc', isMainFrame: true })).toBe(false);
  });

  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h: never) => (request = h),
      setPermissionCheckHandler: (h: never) => (check = h),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      request!(null, permission, (v) => (granted = v));
      expect(granted).toBe(false);
    }
    expect(check!()).toBe(false);
  });
});

describe('IPC sender check', () => {
  const appUrl = APP_INDEX_URL;
  const isAppUrl = appUrlMatcher(appUrl);
  const mainFrame = { url: `${appUrl}#/programs` };
  const win = { webContents: { id: 1, mainFrame } } as never;

  it('accepts only the main frame of the app window showing the app page', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: mainFrame } as never, win, isAppUrl)).toBe(true);
    expect(isTrustedSender({ sender: { id: 2 }, senderFrame: mainFrame } as never, win, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { url: `${appUrl}` } } as never, win, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: null } as never, win, isAppUrl)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: mainFrame } as never, null, isAppUrl)).toBe(false);
    const navigated = { url: 'https://evil.example/' };
    expect(
      isTrustedSender(
        { sender: { id: 1 }, senderFrame: navigated } as never,
        { webContents: { id: 1, mainFrame: navigated } } as never,
        isAppUrl,
      ),
    ).toBe(false);
  });

  it('matches the dev server by origin and the app by scheme, host and page', () => {
    expect(appUrlMatcher('http://localhost:5173/')('http://localhost:5173/#/x')).toBe(true);
    expect(appUrlMatcher('http://localhost:5173/')('http://localhost:5174/')).toBe(false);
    expect(isAppUrl('app://ttct/index.html#/learners')).toBe(true);
    // Node gives non-web schemes the opaque origin "null": comparing origins would accept all of these.
    expect(new URL('app://evil/index.html').origin).toBe(new URL(APP_INDEX_URL).origin);
    for (const url of [
      'app://evil/index.html',
      'foo://ttct/index.html',
      'app://ttct/other.html',
      'file:///tmp/other.html',
      'file:///index.html',
      'not a url',
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('registers every contract channel, checks the sender before parsing, and answers Vietnamese errors', async () => {
    const core = await startCore();
    const registered = new Map<string, (e: unknown, input: unknown) => Promise<unknown>>();
    const channels = registerIpc({ handle: (c: string, h: never) => registered.set(c, h) } as never, core, () => win, isAppUrl);
    expect(channels.sort()).toEqual(Object.keys(contract).sort());
    const handler = registered.get('programs.list')!;
    expect(await handler({ sender: { id: 9 }, senderFrame: mainFrame }, { includeArchived: false })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Yêu cầu không hợp lệ.' },
    });
    const good = (await handler({ sender: { id: 1 }, senderFrame: mainFrame }, { includeArchived: false })) as { ok: boolean };
    expect(good.ok).toBe(true);
    const bad = (await handler({ sender: { id: 1 }, senderFrame: mainFrame }, { includeArchived: 'x' })) as { ok: boolean };
    expect(bad.ok).toBe(false);
  });
});

describe('app:// serves the built renderer and nothing else', () => {
  function renderer(): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'renderer/assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'renderer/index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(dir, 'renderer/assets/app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the page');
    return path.join(dir, 'renderer');
  }
  const get = (root: string, url: string, method = 'GET') => serveRendererRequest(root, { method, url });

  it('serves the page and its assets with their types', async () => {
    const root = renderer();
    const index = await get(root, 'app://ttct/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>x</title>');
    expect((await get(root, 'app://ttct/')).status).toBe(200);
    const js = await get(root, 'app://ttct/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await get(root, 'app://ttct/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses every way out of the folder, other hosts and methods, and missing files', async () => {
    const root = renderer();
    for (const url of [
      'app://ttct/%2e%2e/secret.txt',
      'app://ttct/..%2fsecret.txt',
      'app://ttct/assets/..%2f..%2fsecret.txt',
      'app://ttct/%2E%2E%5Csecret.txt',
      'app://ttct/assets%5C..%5C..%5Csecret.txt',
      'app://ttct/index.html%00.js',
      'app://ttct/%E0%A4%A',
      'app://ttct/assets/',
      'app://ttct/assets',
      'app://ttct/missing.js',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://ttct/index.html',
      'not a url',
    ]) {
      const r = await get(root, url);
      expect([r.status, url]).toEqual([expect.any(Number), url]);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(await r.text(), url).toBe('');
    }
    expect((await get(root, 'app://ttct/index.html', 'POST')).status).toBe(405);
    expect(resolveRendererFile(root, '/../secret.txt')).toBeNull();
    expect(resolveRendererFile(root, '/assets/app.js')).toBe(path.join(root, 'assets/app.js'));
  });
});

describe('preload', () => {
  it('exposes only window.ttct, never ipcRenderer itself', () => {
    const src = fs.readFileSync(path.join(root, 'electron/preload.ts'), 'utf8');
    expect(src.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(src).toContain("exposeInMainWorld('ttct', bridge)");
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(src).not.toMatch(/ipcRenderer\.send\b|ipcRenderer\.sendSync/);
  });
});

describe('Content-Security-Policy', () => {
  const html = fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  ) as Record<string, string[]>;

  it('is strict: only the app itself, no eval, no remote code', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
  });
});
