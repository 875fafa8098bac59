/** What every measurement of `npm run bench` shares: the output line and a core on a data folder. */
import path from 'node:path';
import { AppCore } from '../electron/core/app-core';
import { createLogger } from '../electron/core/log';

export const PEOPLE = 1_000_000;

export function emit(metric: string, value: number, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit: 'ms', ...extra }));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function openCore(dataDir: string): Promise<AppCore> {
  const core = await AppCore.start({ dataDir, log: createLogger(path.join(dataDir, 'logs')), appVersion: 'bench', dailyBackup: false });
  if (core.problem) throw new Error(core.problem.message);
  return core;
}
