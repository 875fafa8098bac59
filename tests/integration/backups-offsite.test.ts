/**
 * Issue 13: copies off the PC are encrypted and named, open on another PC with the recovery key, and
 * restores from them refuse every bad file with a clear message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFormat } from '../../electron/core/db/open';
import { invoke, ok, tempDir } from './helpers';
import { CCCD, NAME, confirmAnswer, confirmSheet, person, plainTextIn, seeded, start, CENTRE } from './protection-fixtures';
import { refusal } from '../fixtures/builders';

describe('copies off the PC', () => {
  it('writes a named, encrypted copy and restores it on another PC with the recovery key', async () => {
    const usb = tempDir('ttct-usb-');
    const core = await seeded();
    const sheet = await ok(core, 'protection.recoverySheet', {});
    await ok(core, 'protection.confirmRecoveryKey', { groups: confirmAnswer(sheet) });
    expect((await ok(core, 'app.status', {})).offsite).toMatchObject({ lastAt: null, due: true, reminderDays: 7 });
    const copy = await ok(core, 'backups.exportOffsite', { folder: usb });
    expect(copy.file).toMatch(/^TTCT-saoluu-trung-tam-chinh-tri-xa-dak-ha-\d{4}-\d{2}-\d{2}-\d{4}-v1\.4\.0\.ttctbak$/);
    expect(fs.readdirSync(usb)).toEqual([copy.file]);
    expect(plainTextIn(usb, [NAME, CCCD])).toEqual([]);
    expect((await ok(core, 'app.status', {})).offsite.due).toBe(false);
    core.close();

    const other = await start(tempDir());
    const seen = await ok(other, 'backups.inspectFile', { path: copy.path });
    expect(seen).toMatchObject({ centreName: CENTRE.name, appVersion: '1.4.0', plain: false, needsRecoveryKey: true, sameCentre: false });
    expect(await refusal(other, 'backups.restoreFile', { path: copy.path })).toMatchObject({ code: 'RECOVERY_KEY_NEEDED' });
    const wrong = await invoke(other, 'backups.restoreFile', { path: copy.path, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_WRONG' } });
    await ok(other, 'backups.restoreFile', { path: copy.path, recoveryKey: sheet.recoveryKey });
    expect((await ok(other, 'learners.search', { q: 'ngoc' })).rows.map((r) => r.citizenId)).toEqual([CCCD]);
    other.close();
  });

  it("refuses a copy cut short, an altered one, another centre's, and a file that is not a backup; nothing is replaced", async () => {
    const usb = tempDir('ttct-usb-');
    const core = await seeded();
    const unconfirmed = await invoke(core, 'backups.exportOffsite', { folder: usb });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'NOT_ENCRYPTED' } });
    await confirmSheet(core);
    const copy = await ok(core, 'backups.exportOffsite', { folder: usb });
    const bytes = fs.readFileSync(copy.path);
    const cut = path.join(usb, 'cut.ttctbak');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 5000));
    const altered = Buffer.from(bytes);
    altered[altered.length - 3000]! ^= 0x55;
    const changed = path.join(usb, 'changed.ttctbak');
    fs.writeFileSync(changed, altered);
    const text = path.join(usb, 'notes.ttctbak');
    fs.writeFileSync(text, 'Danh sách học viên');
    expect(await refusal(core, 'backups.restoreFile', { path: cut })).toMatchObject({ code: 'BACKUP_TRUNCATED' });
    expect(await refusal(core, 'backups.restoreFile', { path: changed })).toMatchObject({ code: 'BACKUP_CORRUPT' });
    expect(await refusal(core, 'backups.restoreFile', { path: text })).toMatchObject({ code: 'BACKUP_NOT_OURS' });
    expect(await refusal(core, 'backups.restoreFile', { path: path.join(usb, 'none.ttctbak') })).toMatchObject({ code: 'NOT_FOUND' });

    const elsewhere = await seeded();
    const theirKey = await confirmSheet(elsewhere);
    const theirs = await ok(elsewhere, 'backups.exportOffsite', { folder: tempDir('ttct-usb-') });
    const refused = await invoke(core, 'backups.restoreFile', { path: theirs.path, recoveryKey: theirKey });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BACKUP_OTHER_CENTRE' } });
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(1);
    expect(core.listBackups().filter((b) => b.kind === 'pre-restore')).toEqual([]);
  });

  it('restores a plain backup of an older version and encrypts it', async () => {
    const oldDir = tempDir();
    const old = await start(oldDir, null);
    await ok(old, 'learners.save', person);
    const plain = await ok(old, 'backups.create', {});
    old.close();
    const file = path.join(oldDir, 'backups', plain.file);
    const core = await start(tempDir());
    expect(await ok(core, 'backups.inspectFile', { path: file })).toMatchObject({ plain: true, needsRecoveryKey: false });
    await ok(core, 'backups.restoreFile', { path: file });
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(1);
    expect(fileFormat(core.dbPath)).toBe('encrypted');
    core.close();
  });

  it('a full stick, or one pulled out mid-copy: a clear message, no file left under the backup name', async () => {
    const usb = tempDir('ttct-usb-');
    const core = await seeded();
    await confirmSheet(core);
    const realWrite = fs.writeSync;
    let written = 0;
    const patched = fs as unknown as { writeSync: (...a: unknown[]) => number };
    try {
      patched.writeSync = (...a: unknown[]) => {
        written += 1;
        if (written > 1) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return (realWrite as (...x: unknown[]) => number)(...a);
      };
      const full = await invoke(core, 'backups.exportOffsite', { folder: usb });
      expect(full).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      if (!full.ok) expect(full.error.message).toMatch(/Không đủ chỗ trống/);
      written = 0;
      patched.writeSync = (...a: unknown[]) => {
        written += 1;
        if (written > 1) {
          fs.rmSync(usb, { recursive: true, force: true });
          throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        }
        return (realWrite as (...x: unknown[]) => number)(...a);
      };
      const pulled = await invoke(core, 'backups.exportOffsite', { folder: usb });
      expect(pulled).toMatchObject({ ok: false, error: { code: 'OFFSITE_WRITE_FAILED' } });
    } finally {
      patched.writeSync = realWrite as never;
    }
    expect(fs.existsSync(usb) ? fs.readdirSync(usb) : []).toEqual([]);
    expect(await refusal(core, 'backups.exportOffsite', { folder: usb })).toMatchObject({ code: 'FOLDER_NOT_FOUND' });
    expect((await ok(core, 'app.status', {})).offsite.lastAt).toBeNull();
    expect(fs.readdirSync(path.join(core.dataDir, 'tmp', 'offsite'))).toEqual([]);
  });
});
