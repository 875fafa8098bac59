import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isJsonContentType, MAX_BODY, startHost, type Host } from '../../electron/browser-host/server';
import { tempDir } from './helpers';

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

function renderer(): string {
  const dir = tempDir('ttct-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<html><head><script type="module" src="./a.js"></script></head></html>');
  fs.writeFileSync(path.join(dir, 'a.js'), 'console.log(1)');
  return dir;
}

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Only the status, without waiting for the body: an event stream that opens never ends. */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', () => resolve(0));
  });
}

/**
 * Raw bytes over a socket, for what a well-behaved HTTP client would never send; with `drip` it
 * keeps sending a byte every 200 ms, as a slow-loris client does. Resolves when the host closes the
 * connection, or after `giveUpMs` (closed: false) so a host that never closes fails the test quickly.
 */
function raw(
  h: Host,
  text: string,
  options: { drip?: boolean; giveUpMs?: number } = {},
): Promise<{ ms: number; reply: string; closed: boolean }> {
  const { port } = new URL(h.origin);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
    let reply = '';
    let closed = true;
    socket.on('data', (d) => (reply += d.toString()));
    const drip = options.drip ? setInterval(() => socket.write('x'), 200) : undefined;
    const giveUp = setTimeout(() => {
      closed = false;
      socket.destroy();
    }, options.giveUpMs ?? 6000);
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      resolve({ ms: performance.now() - started, reply, closed });
    });
    socket.on('error', () => undefined);
  });
}

/** The start of a call as the bridge sends it, up to the end of the headers. */
function callHead(h: Host, extra: string[], channel = 'programs.list'): string {
  const { port } = new URL(h.origin);
  return [
    `POST /invoke/${channel} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/json',
    `X-TTCT-Token: ${h.token}`,
    ...extra,
    '',
    '',
  ].join('\r\n');
}

/** What the bridge sends: the JSON type and this start's token. */
function headers(h: Host): Record<string, string> {
  return { 'Content-Type': 'application/json', 'X-TTCT-Token': h.token };
}

describe('browser host', () => {
  it('serves the renderer with the bridge script and answers invoke with the same dispatcher', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    expect(host.url).toBe(`${host.origin}/?t=${host.token}`);
    const index = await request(host.url);
    expect(index.body).toContain('<script src="/__host/bridge.js"></script>');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const bridge = (await request(`${host.origin}/__host/bridge.js`)).body;
    expect(bridge).toContain("Object.defineProperty(window, 'ttct'");
    // The token is not in anything the host serves: only in the address printed at start.
    expect(index.body + bridge).not.toContain(host.token);
    const r = await request(`${host.origin}/invoke/programs.list`, {
      method: 'POST',
      headers: headers(host),
      body: JSON.stringify({ includeArchived: false }),
    });
    expect(JSON.parse(r.body).ok).toBe(true);
  });

  it('runs nothing for a local process without this start’s token', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    const url = `${host.origin}/invoke/units.save`;
    const body = JSON.stringify({ name: 'Chi bộ lạ', kind: 'cell', parentId: null, communeCode: null });
    for (const token of [undefined, '', 'x', host.token.slice(1), `${host.token}x`, host.token.toUpperCase()]) {
      const h: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token !== undefined) h['X-TTCT-Token'] = token;
      expect((await request(url, { method: 'POST', headers: h, body })).status).toBe(403);
    }
    expect(host.core.db.prepare("SELECT COUNT(*) AS n FROM units WHERE name = 'Chi bộ lạ'").get()).toEqual({ n: 0 });
    // No push channel: the page polls its long jobs through invoke, the one door the token guards.
    expect(await statusOf(`${host.origin}/__host/events?t=${host.token}`)).toBe(404);
  });

  it('ends the connection of a refused call instead of reading the body it announced', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    const { port } = new URL(host.origin);
    // 10 MB announced, none sent: a host that kept the connection for the body would hold it open.
    const head = [
      `POST /invoke/programs.list HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Content-Type: application/json',
      'Content-Length: 10000000',
      '',
      '',
    ].join('\r\n');
    const r = await raw(host, head, { giveUpMs: 3000 });
    expect(r.reply).toMatch(/^HTTP\/1\.1 403/);
    expect(r.closed).toBe(true);
    expect(r.ms).toBeLessThan(2000);
  });

  it('refuses other origins, other Host names, other content types, bad encodings and paths outside the renderer', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    const url = `${host.origin}/invoke/programs.list`;
    const body = JSON.stringify({ includeArchived: false });
    const json = headers(host);
    expect((await request(url, { method: 'POST', headers: { ...json, Origin: 'http://evil.example' }, body })).status).toBe(403);
    expect((await request(url, { method: 'POST', headers: { ...json, Host: 'evil.example' }, body })).status).toBe(403);
    for (const type of [
      'text/plain',
      'application/jsonpx',
      'application/json-patch+json',
      'application/json; charset=latin1',
      'application/json, text/html',
    ]) {
      expect((await request(url, { method: 'POST', headers: { ...json, 'Content-Type': type }, body })).status).toBe(415);
    }
    expect(
      (await request(url, { method: 'POST', headers: { ...json, 'Content-Type': 'application/json; charset=UTF-8' }, body })).status,
    ).toBe(200);
    expect((await request(`${host.origin}/invoke/programs.%E0%A4%A`, { method: 'POST', headers: json, body })).status).toBe(400);
    expect((await request(`${host.origin}/invoke/%`, { method: 'POST', headers: json, body })).status).toBe(400);
    expect((await request(`${host.origin}/invoke/%ZZ.list`, { method: 'POST', headers: json, body })).status).toBe(400);
    expect((await request(`${host.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(400);
    expect((await request(`${host.origin}/%E0%A4%A`)).status).toBe(400);
    expect((await request(`${host.origin}/%`)).status).toBe(400);
    expect((await request(`${host.origin}/__host/events%`)).status).toBe(400);
    expect((await request(`${host.origin}/?t=%`)).status).toBe(200);
    expect((await request(`${host.origin}/missing.js`)).status).toBe(404);
    const bad = await request(url, { method: 'POST', headers: json, body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(isJsonContentType(undefined)).toBe(false);
  });

  it('drops a body that trickles in after its own timeout, well before the whole-request one', async () => {
    // Node's own request timeout would come at 5.5 s: a close near 0.5 s can only be the body timer.
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer(), timeouts: { headersMs: 5000, bodyMs: 500 } });
    const r = await raw(host, `${callHead(host, ['Content-Length: 100000'])}{`, { drip: true });
    expect(r.closed).toBe(true);
    expect(r.reply).toMatch(/^HTTP\/1\.1 408/);
    expect(r.ms).toBeGreaterThanOrEqual(450);
    expect(r.ms).toBeLessThan(2000);
  });

  it('drops a request whose headers never end', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer(), timeouts: { headersMs: 1000 } });
    const { port } = new URL(host.origin);
    // Checked once a second, so the close comes between 1 and 2 s.
    const r = await raw(host, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `, { drip: true });
    expect(r.closed).toBe(true);
    expect(r.ms).toBeGreaterThanOrEqual(900);
    expect(r.ms).toBeLessThan(3500);
  });

  it('refuses a body announced over 30 MB before reading it, and reads one just under', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    expect(MAX_BODY).toBe(30 * 1024 * 1024);
    // Only the headers are sent: an answer at all shows the body was never waited for.
    const over = await raw(host, callHead(host, [`Content-Length: ${MAX_BODY + 1}`]), { giveUpMs: 3000 });
    expect(over.reply).toMatch(/^HTTP\/1\.1 413/);
    expect(over.closed).toBe(true);
    // A 20 MB file as base64 in JSON is about 27 MB: it must get through to the dispatcher.
    const under = await request(`${host.origin}/invoke/programs.list`, {
      method: 'POST',
      headers: headers(host),
      body: JSON.stringify('x'.repeat(29 * 1024 * 1024)),
    });
    expect(under.status).toBe(200);
    expect(JSON.parse(under.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('counts a body sent without a length and refuses it once over the limit', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer(), maxBodyBytes: 1024 });
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    const name = 'Chi bộ quá dài';
    // Valid JSON for a valid call, padded with whitespace: only its size can stop it.
    const body = JSON.stringify({ name, kind: 'cell', parentId: null, communeCode: null }) + ' '.repeat(1500);
    const r = await raw(
      host,
      `${callHead(host, ['Transfer-Encoding: chunked'], 'units.save')}${chunk(body.slice(0, 600))}${chunk(body.slice(600))}0\r\n\r\n`,
      { giveUpMs: 3000 },
    );
    expect(r.reply).toMatch(/^HTTP\/1\.1 413/);
    expect(host.core.db.prepare('SELECT COUNT(*) AS n FROM units WHERE name = ?').get(name)).toEqual({ n: 0 });
    // The same call under the limit is read, so the refusal above was the size and nothing else.
    const small = JSON.stringify({ includeArchived: false });
    const ok = await raw(host, `${callHead(host, ['Transfer-Encoding: chunked', 'Connection: close'])}${chunk(small)}0\r\n\r\n`, {
      giveUpMs: 3000,
    });
    expect(ok.reply).toMatch(/^HTTP\/1\.1 200/);
  });
});
