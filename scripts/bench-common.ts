/** What every measurement of `npm run bench` shares: the output line and a core on a data folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Input } from '../shared/contract';
import { DEMO_CENTRE } from '../electron/core/demo/generate-history';
import { KEYRING_FILE } from '../electron/core/protection/keyring';
import { AppCore } from '../electron/core/app-core';
import { createLogger } from '../electron/core/log';
import { fileKeyProtection } from '../electron/core/ports';

export const PEOPLE = 1_000_000;

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Every part runs twice: first on plain databases (nothing printed, values kept), then encrypted as
 * the app runs, each line giving both values and the overhead (issue 13).
 */
let encrypted = true;
const withoutKey = new Map<string, number>();

export function setEncrypted(on: boolean): void {
  encrypted = on;
}

export function isEncrypted(): boolean {
  return encrypted;
}

/** A cache folder per mode: the plain and the encrypted databases are kept apart. */
export function cacheDir(name: string): string {
  return path.join(os.tmpdir(), 'ttct-bench', `${name}-${encrypted ? 'enc' : 'plain'}`);
}

/** Copies a cached data folder's database, with its key file when encrypted. */
export function copyDatabase(fromDir: string, toDir: string): void {
  fs.mkdirSync(toDir, { recursive: true });
  for (const f of ['ttct.sqlite', KEYRING_FILE])
    if (fs.existsSync(path.join(fromDir, f))) fs.copyFileSync(path.join(fromDir, f), path.join(toDir, f));
}

export function emit(metric: string, value: number, extra: Record<string, unknown> = {}): void {
  if (!encrypted) {
    withoutKey.set(metric, value);
    process.stderr.write(`[without key] ${metric} ${round(value)}\n`);
    return;
  }
  const plain = withoutKey.get(metric);
  const compare =
    plain === undefined
      ? {}
      : { without_key: round(plain), overhead_pct: plain > 0 ? Math.round(((value - plain) / plain) * 1000) / 10 : null };
  console.log(JSON.stringify({ metric, value: round(value), unit: 'ms', ...compare, encrypted: true, ...extra }));
}

/** The centre profile a measurement saves first, as on any centre's PC: the sample centre under a name of its own. */
export function benchCentre(
  validFrom: string,
  superior: string,
  name = 'Trung tâm Chính trị (dữ liệu đo hiệu năng)',
): Input<'centre.save'> {
  return { ...DEMO_CENTRE, validFrom, name, superior, placeName: 'Mẫu', deputies: [] };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Plain is only the baseline the encryption overhead is measured against: the app itself never runs plain. */
export async function openCore(dataDir: string): Promise<AppCore> {
  const keys = encrypted ? fileKeyProtection : null;
  const core = await AppCore.start({
    dataDir,
    log: createLogger(path.join(dataDir, 'logs')),
    appVersion: 'bench',
    dailyBackup: false,
    keys,
  });
  if (core.problem) throw new Error(core.problem.message);
  return core;
}
