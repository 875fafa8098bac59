import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isJsonContentType, startHost, type Host } from '../../electron/browser-host/server';
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
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
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
    const bridge = (await request(`${host.origin}/__host/bridge.js`)).body;
    expect(bridge).toContain("Object.defineProperty(window, 'ttct'");
    // The token is not in anything the host serves: only in the address printed at start.
    expect(index.body + bridge).not.toContain(host.token);
    const r = await request(`${host.origin}/invoke/programs.list`, { method: 'POST', headers: headers(host), body: JSON.stringify({ includeArchived: false }) });
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
    expect((await request(`${host.origin}/__host/events`)).status).toBe(403);
    expect((await request(`${host.origin}/__host/events?t=wrong`)).status).toBe(403);
  });

  it('refuses other origins, other Host names, other content types, bad encodings and paths outside the renderer', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    const url = `${host.origin}/invoke/programs.list`;
    const body = JSON.stringify({ includeArchived: false });
    const json = headers(host);
    expect((await request(url, { method: 'POST', headers: { ...json, Origin: 'http://evil.example' }, body })).status).toBe(403);
    expect((await request(url, { method: 'POST', headers: { ...json, Host: 'evil.example' }, body })).status).toBe(403);
    for (const type of ['text/plain', 'application/jsonpx', 'application/json-patch+json', 'application/json; charset=latin1', 'application/json, text/html']) {
      expect((await request(url, { method: 'POST', headers: { ...json, 'Content-Type': type }, body })).status).toBe(415);
    }
    expect((await request(url, { method: 'POST', headers: { ...json, 'Content-Type': 'application/json; charset=UTF-8' }, body })).status).toBe(200);
    expect((await request(`${host.origin}/invoke/programs.%E0%A4%A`, { method: 'POST', headers: json, body })).status).toBe(400);
    expect((await request(`${host.origin}/invoke/%`, { method: 'POST', headers: json, body })).status).toBe(400);
    expect((await request(`${host.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(400);
    expect((await request(`${host.origin}/%E0%A4%A`)).status).toBe(400);
    expect((await request(`${host.origin}/missing.js`)).status).toBe(404);
    const bad = await request(url, { method: 'POST', headers: json, body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(isJsonContentType(undefined)).toBe(false);
  });

  it('drops a body that trickles in, and a request whose headers never end', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer(), timeouts: { headersMs: 1000, bodyMs: 800 } });
    const { port } = new URL(host.origin);
    const slow = (lines: string[]): Promise<{ ms: number; reply: string }> =>
      new Promise((resolve) => {
        const started = performance.now();
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(lines.join('')));
        let reply = '';
        socket.on('data', (d) => (reply += d.toString()));
        // Keeps sending a byte now and then, as a slow-loris client does.
        const drip = setInterval(() => socket.write('x'), 200);
        socket.on('close', () => {
          clearInterval(drip);
          resolve({ ms: performance.now() - started, reply });
        });
        socket.on('error', () => undefined);
      });
    const body = await slow([
      'POST /invoke/programs.list HTTP/1.1\r\n',
      `Host: 127.0.0.1:${port}\r\n`,
      'Content-Type: application/json\r\n',
      `X-TTCT-Token: ${host.token}\r\n`,
      'Content-Length: 100000\r\n\r\n{',
    ]);
    expect(body.ms).toBeLessThan(4000);
    expect(body.reply).toContain('408');
    const head = await slow(['GET / HTTP/1.1\r\n', `Host: 127.0.0.1:${port}\r\nX-Slow: `]);
    expect(head.ms).toBeLessThan(4000);
  });

  it('refuses a body over the size limit', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    const r = await request(`${host.origin}/invoke/imports.open`, { method: 'POST', headers: headers(host), body: 'x'.repeat(31 * 1024 * 1024) }).catch(() => ({ status: 413 }));
    expect(r.status).toBe(413);
  });

  it('caps the event streams open at once', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    const open: http.ClientRequest[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      statuses.push(
        await new Promise<number>((resolve) => {
          const req = http.get(`${host!.origin}/__host/events?t=${host!.token}`, (res) => resolve(res.statusCode ?? 0));
          open.push(req);
        }),
      );
    }
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(statuses[8]).toBe(429);
    for (const r of open) r.destroy();
  });
});
