import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/browser-host/server';
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

describe('browser host', () => {
  it('serves the renderer with the bridge script and answers invoke with the same dispatcher', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    const index = await request(host.url);
    expect(index.body).toContain('<script src="/__host/bridge.js"></script>');
    expect((await request(`${host.url}__host/bridge.js`)).body).toContain("Object.defineProperty(window, 'ttct'");
    const r = await request(`${host.url}invoke/programs.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ includeArchived: false }),
    });
    expect(JSON.parse(r.body).ok).toBe(true);
  });

  it('refuses other origins, other Host names, non-JSON posts and paths outside the renderer', async () => {
    host = await startHost({ dataDir: tempDir(), rendererDir: renderer() });
    const url = `${host.url}invoke/programs.list`;
    const body = JSON.stringify({ includeArchived: false });
    const json = { 'Content-Type': 'application/json' };
    expect((await request(url, { method: 'POST', headers: { ...json, Origin: 'http://evil.example' }, body })).status).toBe(403);
    expect((await request(url, { method: 'POST', headers: { ...json, Host: 'evil.example' }, body })).status).toBe(403);
    expect((await request(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body })).status).toBe(415);
    expect((await request(`${host.url}..%2f..%2fetc%2fpasswd`)).status).toBe(400);
    expect((await request(`${host.url}%E0%A4%A`)).status).toBe(400);
    expect((await request(`${host.url}missing.js`)).status).toBe(404);
    const bad = await request(url, { method: 'POST', headers: json, body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
