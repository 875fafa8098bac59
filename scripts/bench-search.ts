import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { dispatch } from '../electron/core/dispatch';
import type { Channel, Input, Output, Result } from '../shared/contract';
import { findHits } from '../electron/core/learners/search-store';
import { startHost } from '../electron/browser-host/server';
import { emit, isEncrypted, openCore, PEOPLE, percentile } from './bench-common';
import { fileKeyProtection } from '../electron/core/ports';

// What clerks type: whole names, the first letters of a name, a given name, a year, part of a CCCD, a unit.
const QUERIES = [
  '',
  'nguyen thi hang',
  'tran van nam',
  'le thi',
  'pham',
  'nguyen',
  'ng',
  'h',
  'hang',
  'duc',
  'thut',
  'a thut',
  'y hoa',
  '1975',
  'nguyen 1980',
  '051075',
  '0511',
  'thon 3',
  'tinh khe',
  'cong an',
  'dang van',
  'ksor',
  'nie',
  'vo thi sau',
  'hoang minh tuan',
  'bui',
  'truong',
  'ngoc anh',
  'phuong',
  'xyzq',
  // Issue 14: ranked searches (name before unit, typed diacritics first, a phrase before scattered words, a cell by its full name).
  'nguyen van',
  'Thị Lệ',
  'Hà',
  'Chi bộ thôn 3',
  'Nguyễn Văn An',
  'cong an',
  'Đức',
];

export async function benchSearch(dataDir: string): Promise<void> {
  const core = await openCore(dataDir);
  const service: number[] = [];
  const raw: number[] = [];
  for (const q of QUERIES) await dispatch(core, 'learners.search', { q, limit: 100 });
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      let t = performance.now();
      const r = await dispatch(core, 'learners.search', { q, limit: 100 });
      service.push(performance.now() - t);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      t = performance.now();
      findHits(core.db, { q, filters: {}, after: null, limit: 100 });
      raw.push(performance.now() - t);
    }
  }
  emit('learners.search_p95_ms', percentile(service, 95), {
    p50: percentile(service, 50),
    max: Math.max(...service),
    n: service.length,
    people: PEOPLE,
    goal: 20,
  });
  emit('learners.search_raw_p95_ms', percentile(raw, 95), {
    p50: percentile(raw, 50),
    max: Math.max(...raw),
    n: raw.length,
    people: PEOPLE,
    note: 'the same index reads alone (ranked tiers, each FTS5 in list order; rank and ID indexes): no rows read, no contract, no IPC',
  });
  core.close();
}

export async function benchRegistryScreen(dataDir: string): Promise<void> {
  const renderer = path.resolve('out/renderer');
  if (!fs.existsSync(path.join(renderer, 'index.html'))) {
    console.error('out/renderer is missing: run `npm run build` first; skipping the screen measurement');
    return;
  }
  const host = await startHost({ dataDir, rendererDir: renderer, appVersion: 'bench', keys: isEncrypted() ? fileKeyProtection : null });
  // The clerk confirms the recovery sheet once, at the first start with encryption; until then its dialog covers the screen.
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = (await dispatch(host.core, channel, input)) as Result<Output<C>>;
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  if ((await call('app.status', {})).protection.recoveryKeyPending) {
    const sheet = await call('protection.recoverySheet', {});
    const groups = sheet.recoveryKey.split('-');
    await call('protection.confirmRecoveryKey', { groups: sheet.confirmGroups.map((g) => groups[g - 1] ?? '') });
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const times: number[] = [];
    // The least of five loads: a load on this kind of machine varies by a fifth from run to run.
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
      const t = performance.now();
      await page.goto(`${host.url}#/learners`);
      await page.getByRole('gridcell').first().waitFor();
      times.push(performance.now() - t);
      await page.close();
    }
    emit('learners.registry_first_rows_ms', Math.min(...times), {
      runs: times.map(Math.round),
      people: PEOPLE,
      goal: 1000,
      note: 'browser host + Chromium, page load to the first row on screen',
    });
  } finally {
    await browser.close();
    await host.close();
  }
}
