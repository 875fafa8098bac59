/** The data, the centre and the starts the protection and off-PC backup tests share. */
import fs from 'node:fs';
import path from 'node:path';
import { AppCore } from '../../electron/core/app-core';
import { createLogger } from '../../electron/core/log';
import { fileKeyProtection, type KeyProtectionPort } from '../../electron/core/ports';
import type { PersonInput } from '../../shared/contract/learners';
import { CENTRE, personInput } from '../fixtures/builders';
import { ok, tempDir } from './helpers';

export const NAME = 'Hoàng Thị Bích Ngọc';
export const CCCD = '038190001234';

export const person: PersonInput = personInput(NAME, {
  sex: 'nu',
  birthDate: '1990-04-12',
  ethnicityCode: '01',
  religion: 'Phật giáo',
  workplace: 'Chi bộ thôn 3',
  partyStatus: 'chinh_thuc',
  citizenId: CCCD,
});

export { CENTRE };

/** Where the OS cannot keep a key (Linux without a keyring). */
export const noProtection: KeyProtectionPort = {
  kind: null,
  protect: () => Promise.reject(new Error('none')),
  unprotect: () => Promise.reject(new Error('none')),
};

export function start(dataDir: string, keys: KeyProtectionPort | null = fileKeyProtection): Promise<AppCore> {
  return AppCore.start({ dataDir, log: createLogger(path.join(dataDir, 'logs')), appVersion: '1.4.0', keys, dailyBackup: false });
}

/** Every file in the folder, as bytes, in UTF-8 and in the UTF-16 SQLite could also have used. */
export function plainTextIn(dir: string, needles: string[]): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'logs') walk(p);
        continue;
      }
      const bytes = fs.readFileSync(p);
      for (const n of needles) {
        if (bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')))
          found.push(`${path.relative(dir, p)}: ${n}`);
      }
    }
  };
  walk(dir);
  return found;
}

export async function seeded(dataDir = tempDir()): Promise<AppCore> {
  const core = await start(dataDir);
  await ok(core, 'centre.save', CENTRE);
  await ok(core, 'learners.save', person);
  return core;
}

export function confirmAnswer(sheet: { recoveryKey: string; confirmGroups: number[] }): string[] {
  return sheet.confirmGroups.map((g) => sheet.recoveryKey.split('-')[g - 1]!);
}

/** The sheet kept, as the clerk confirms it; returns the recovery key. */
export async function confirmSheet(core: AppCore): Promise<string> {
  const sheet = await ok(core, 'protection.recoverySheet', {});
  await ok(core, 'protection.confirmRecoveryKey', { groups: confirmAnswer(sheet) });
  return sheet.recoveryKey;
}
