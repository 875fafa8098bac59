import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppCore } from '../core/app-core';
import { fileKeyProtection, type KeyProtectionPort } from '../core/ports';
import { dispatch } from '../core/dispatch';
import { createLogger } from '../core/log';
import { prepareDataDir, restrictUmask } from '../core/private-files';
import { BRIDGE_SCRIPT } from './bridge-script';
import { createChromiumPrintPort } from './chromium-printing';
import { MIME, resolveRendererFile } from '../renderer-files';

export interface HostOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
  appVersion?: string;
  echoLog?: boolean;
  /** The core's clock; tests set it to a fixed day. */
  now?: () => Date;
  /** Tools opening a throw-away or generated database skip the daily backup. */
  dailyBackup?: boolean;
  /** How long a client may take to send its headers and its body; tests shorten them. */
  timeouts?: { headersMs?: number; bodyMs?: number };
  /** The largest call body accepted; tests lower it to exercise the counting without sending 30 MB. */
  maxBodyBytes?: number;
  /** Null keeps the database plain: only the bench's baseline (the key is otherwise kept in a plain file; see README). */
  keys?: KeyProtectionPort | null;
}

export interface Host {
  /** The address to open, carrying this start's token: without it the page can call nothing. */
  url: string;
  origin: string;
  token: string;
  core: AppCore;
  close(): Promise<void>;
}

/** A 20 MB list travels as base64 in JSON: about 27 MB. */
export const MAX_BODY = 30 * 1024 * 1024;

/** "application/json" or "application/json; charset=utf-8", and nothing that merely starts like it. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  return type === 'application/json' && params.every((p) => p === 'charset=utf-8' || p === 'charset="utf-8"');
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Development and test stand-in for the Electron shell: serves the built renderer on 127.0.0.1 and
 * answers POST /invoke/<channel> through the same dispatcher as ipc.ts. Calls and the event stream
 * must carry this start's random token, which only the address printed at start (and opened by the
 * tests) holds; the renderer's files themselves hold nothing private. Requests must also carry this
 * host's own Host (and Origin, when sent), so other pages in the browser cannot reach the core.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  // As in the Electron shell: what the core writes is owner-only (issue 13). The host prints through
  // Chromium's own PDF output, from memory: it writes no printout of its own to a temp folder.
  restrictUmask();
  const log = createLogger(path.join(options.dataDir, 'logs'), options.echoLog);
  prepareDataDir(options.dataDir, log);
  const printing = createChromiumPrintPort();
  // The browser host keeps the database key as plain text in the data folder (development and tests only; see README).
  const core = await AppCore.start({
    dataDir: options.dataDir,
    log,
    appVersion: options.appVersion ?? '0.0.0-web',
    printing,
    keys: options.keys === undefined ? fileKeyProtection : options.keys,
    ...(options.now ? { now: options.now } : {}),
    ...(options.dailyBackup === false ? { dailyBackup: false } : {}),
  });
  const rendererDir = path.resolve(options.rendererDir);
  const indexHtml = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<script', '<script src="/__host/bridge.js"></script>\n    <script');
  const token = randomBytes(32).toString('base64url');
  const headersMs = options.timeouts?.headersMs ?? 10_000;
  // Even 30 MB crosses the loopback in well under a second: only a stalling client needs longer.
  const bodyMs = options.timeouts?.bodyMs ?? 10_000;
  const maxBody = options.maxBodyBytes ?? MAX_BODY;

  let origin = '';
  // Checked every second, so a client that never finishes its headers is dropped on time.
  const server = http.createServer(
    { headersTimeout: headersMs, requestTimeout: headersMs + bodyMs, connectionsCheckingInterval: 1000 },
    (req, res) => {
      void handle(req, res).catch((err: unknown) => {
        log.error('Host request failed', err);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
  );

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (`http://${host}` !== origin || (req.headers.origin && req.headers.origin !== origin)) {
      refuse(res, 403);
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      refuse(res, 400);
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/invoke/')) {
      if (!sameToken(req.headers['x-ttct-token'] as string | undefined, token)) {
        refuse(res, 403);
        return;
      }
      if (!isJsonContentType(req.headers['content-type'])) {
        refuse(res, 415);
        return;
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/invoke/'.length));
      } catch {
        refuse(res, 400);
        return;
      }
      // A body announced as too large is refused before a byte of it is read.
      if (Number(req.headers['content-length'] ?? 0) > maxBody) {
        refuse(res, 413);
        return;
      }
      const body = await readBody(req, bodyMs, maxBody);
      if (body === 'too-large' || body === 'too-slow') {
        if (!res.headersSent) res.writeHead(body === 'too-large' ? 413 : 408, { Connection: 'close' }).end();
        req.destroy();
        return;
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : null;
      } catch {
        sendJson(res, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không hợp lệ.' } });
        return;
      }
      sendJson(res, await dispatch(core, channel, input));
      return;
    }
    if (req.method !== 'GET') {
      refuse(res, 405);
      return;
    }
    if (url.pathname === '/__host/bridge.js') {
      res.writeHead(200, { 'Content-Type': MIME['.js']!, 'Cache-Control': 'no-store' }).end(BRIDGE_SCRIPT);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // The page's address carries the token: no Referer may take it anywhere.
      res.writeHead(200, { 'Content-Type': MIME['.html']!, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).end(indexHtml);
      return;
    }
    const file = resolveRendererFile(rendererDir, url.pathname);
    if (!file) {
      res.writeHead(400).end();
      return;
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  log.info(`Browser host on ${origin} with data in ${core.dataDir}`);

  return {
    url: `${origin}/?t=${token}`,
    origin,
    token,
    core,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      core.close();
      await printing.close();
    },
  };
}

/**
 * A refusal that also ends the connection: otherwise Node would read and throw away whatever body
 * the refused client keeps sending, to keep the connection alive for it.
 */
function refuse(res: http.ServerResponse, status: number): void {
  res.writeHead(status, { Connection: 'close' }).end();
}

/** The body, or why it was not read: more than `max` bytes, or not all sent within `ms`. */
function readBody(req: http.IncomingMessage, ms: number, max: number): Promise<Buffer | 'too-large' | 'too-slow'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.removeAllListeners('data');
      resolve('too-slow');
    }, ms);
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        clearTimeout(timer);
        req.removeAllListeners('data');
        resolve('too-large');
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': MIME['.json']!, 'Cache-Control': 'no-store' }).end(JSON.stringify(value));
}
