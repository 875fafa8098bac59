import fs from 'node:fs';
import path from 'node:path';

/**
 * Serving the built renderer, shared by the app:// protocol of the Electron app and the browser host
 * used in development and tests. Plain Node (no electron import) so the tests run it as it ships.
 */

export const APP_SCHEME = 'app';
/** A standard, secure scheme gets a real origin in Chromium: 'self' in the CSP means exactly this host. */
export const APP_HOST = 'ttct';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * The file under `rootDir` that a URL path names, or null: undecodable escapes, NUL, backslashes,
 * dot segments and anything resolving outside the folder are refused rather than normalised, so no
 * spelling of a path can reach a file beside the renderer.
 */
export function resolveRendererFile(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\0\\]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = decoded === '/' ? 'index.html' : segments.join('/');
  if (relative === '' || relative.endsWith('/')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
} as const;

/**
 * The app:// handler: GET and HEAD of files inside the built renderer folder only. Everything else
 * (another host, another method, a path outside, a folder, a missing file) is refused with a status
 * and no content.
 */
export async function serveRendererRequest(rootDir: string, request: { method: string; url: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response(null, { status: 400 });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response(null, { status: 404 });
  const file = resolveRendererFile(rootDir, url.pathname);
  if (!file) return new Response(null, { status: 400 });
  let body: Buffer;
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return new Response(null, { status: 404 });
    body = await fs.promises.readFile(file);
  } catch {
    return new Response(null, { status: 404 });
  }
  const headers = { 'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', ...SECURITY_HEADERS };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
