/** `npm run bench`: backups of the 1,000,000-person database, on the PC and off it (issue 13). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../electron/core/dispatch';
import { emit, isEncrypted, openCore, PEOPLE } from './bench-common';

/** A backup on the PC and a copy off it, of the 1M-person database (both hold the main process while they run). */
export async function benchBackups(dataDir: string): Promise<void> {
  const core = await openCore(dataDir);
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-bench-usb-'));
  try {
    let t = performance.now();
    const b = await dispatch(core, 'backups.create', {});
    if (!b.ok) throw new Error(JSON.stringify(b.error));
    emit('backups.create_ms', performance.now() - t, { people: PEOPLE });
    fs.rmSync(path.join(core.backupsDir, (b.value as { file: string }).file));
    if (isEncrypted()) {
      // A copy off the PC needs the recovery sheet confirmed, as the clerk does at set-up.
      const sheet = await dispatch(core, 'protection.recoverySheet', {});
      if (sheet.ok) {
        const { recoveryKey, confirmGroups } = sheet.value as { recoveryKey: string; confirmGroups: number[] };
        await dispatch(core, 'protection.confirmRecoveryKey', { groups: confirmGroups.map((g) => recoveryKey.split('-')[g - 1]) });
      }
      t = performance.now();
      const off = await dispatch(core, 'backups.exportOffsite', { folder: usb });
      if (!off.ok) throw new Error(JSON.stringify(off.error));
      emit('backups.export_offsite_ms', performance.now() - t, {
        people: PEOPLE,
        bytes: (off.value as { sizeBytes: number }).sizeBytes,
        note: 'encrypted copy, written, fsynced and read back',
      });
    }
  } finally {
    core.close();
    fs.rmSync(usb, { recursive: true, force: true });
  }
}
