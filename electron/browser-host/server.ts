import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppCore } from '../core/app-core';
import { dispatch } from '../core/dispatch';
import { createLogger } from '../core/log';
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
}

export interface Host {
  url: string;
  core: AppCore;
  close(): Promise<void>;
}


const MAX_BODY = 64 * 1024 * 1024;

/**
 * Development and test stand-in for the Electron shell: serves the built renderer on 127.0.0.1 and
 * answers POST /invoke/<channel> through the same dispatcher as ipc.ts. Requests must carry this
 * host's own Host (and Origin, when sent), so other pages in the browser cannot reach the core.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const log = createLogger(path.join(options.dataDir, 'logs'), options.echoLog);
  const printing = createChromiumPrintPort();
  const core = await AppCore.start({ dataDir: options.dataDir, log, appVersion: options.appVersion ?? '0.0.0-web', printing, ...(options.now ? { now: options.now } : {}), ...(options.dailyBackup === false ? { dailyBackup: false } : {}) });
  const rendererDir = path.resolve(options.rendererDir);
  const indexHtml = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<script', '<script src="/__host/bridge.js"></script>\n    <script');
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = core.onEvent((e) => {
    const data = `data: ${JSON.stringify(e)}\n\n`;
    for (const s of streams) s.write(data);
  });

  let origin = '';
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      log.error('Host request failed', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (`http://${host}` !== origin || (req.headers.origin && req.headers.origin !== origin)) {
      res.writeHead(403).end();
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'POST' && url.pathname.startsWith('/invoke/')) {
      if (!String(req.headers['content-type']).startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : null;
      } catch {
        sendJson(res, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không hợp lệ.' } });
        return;
      }
      sendJson(res, await dispatch(core, decodeURIComponent(url.pathname.slice('/invoke/'.length)), input));
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/__host/bridge.js') {
      res.writeHead(200, { 'Content-Type': MIME['.js']!, 'Cache-Control': 'no-store' }).end(BRIDGE_SCRIPT);
      return;
    }
    if (url.pathname === '/__host/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'Content-Type': MIME['.html']!, 'Cache-Control': 'no-store' }).end(indexHtml);
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
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  log.info(`Browser host on ${origin} with data in ${core.dataDir}`);

  return {
    url: `${origin}/`,
    core,
    close: async () => {
      unsubscribe();
      for (const s of streams) s.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      core.close();
      await printing.close();
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': MIME['.json']!, 'Cache-Control': 'no-store' }).end(JSON.stringify(value));
}
