import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Channel, Input, Output, Result } from '../../shared/contract';
import { AppCore } from '../../electron/core/app-core';
import { fileKeyProtection } from '../../electron/core/ports';
import { dispatch } from '../../electron/core/dispatch';
import { createLogger } from '../../electron/core/log';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh data folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'ttct-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startCore(dataDir = tempDir(), now?: () => Date): Promise<AppCore> {
  const core = await AppCore.start({
    dataDir,
    log: createLogger(path.join(dataDir, 'logs')),
    appVersion: '0.0.0-test',
    keys: fileKeyProtection,
    ...(now ? { now } : {}),
  });
  cleanups.unshift(() => core.close());
  return core;
}

/** Calls a channel exactly as the renderer would, through the validating dispatcher. */
export async function invoke<C extends Channel>(core: AppCore, channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  return (await dispatch(core, channel, input)) as Result<Output<C>>;
}

// One `ok` for every test: a refusal fails the test with the core's error.
export { ok } from '../fixtures/builders';
