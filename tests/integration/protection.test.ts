/**
 * Issue 13: the database, its WAL and every backup are encrypted; the key is kept for the OS user
 * and opened on another PC by the recovery key; an existing plain database is encrypted at the
 * first start. Copies off the PC are in backups-offsite.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFormat, opensWith } from '../../electron/core/db/open';
import { fileKeyProtection, type KeyProtectionPort } from '../../electron/core/ports';
import { KEYRING_FILE } from '../../electron/core/protection/keyring';
import { invoke, ok, tempDir } from './helpers';
import { CCCD, NAME, confirmAnswer, confirmSheet, noProtection, person, plainTextIn, seeded, start, CENTRE } from './protection-fixtures';
import { refusal } from '../fixtures/builders';

describe('encryption at rest', () => {
  it('the database, its WAL and every backup hold no name or CCCD in the clear, and none opens without the key', async () => {
    const dir = tempDir();
    const core = await seeded(dir);
    await ok(core, 'backups.create', {});
    const db = path.join(dir, 'ttct.sqlite');
    expect(fs.existsSync(`${db}-wal`)).toBe(true);
    expect(plainTextIn(dir, [NAME, 'Ngọc', CCCD, 'Phật giáo', 'BEGIN PRIVATE KEY'])).toEqual([]);
    expect(fileFormat(db)).toBe('encrypted');
    expect(opensWith(db, null)).toBe(false);
    for (const b of core.listBackups()) expect(opensWith(path.join(core.backupsDir, b.file), null)).toBe(false);
    const status = await ok(core, 'app.status', {});
    expect(status.protection).toEqual({ encrypted: true, keyStorage: 'file', recoveryKeyPending: true });
    core.close();
  });

  it('an existing plain database is encrypted at the first start, its plain backups re-made encrypted', async () => {
    const dir = tempDir();
    const old = await start(dir, null);
    await ok(old, 'centre.save', CENTRE);
    await ok(old, 'learners.save', person);
    await ok(old, 'backups.create', {});
    await ok(old, 'learners.save', { ...person, given: 'Lan', citizenId: '038190009999' });
    old.close();
    expect(fileFormat(path.join(dir, 'ttct.sqlite'))).toBe('plain');
    expect(plainTextIn(dir, [CCCD]).length).toBeGreaterThan(0);

    const core = await start(dir);
    expect(core.problem).toBeNull();
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(2);
    expect(plainTextIn(dir, [NAME, CCCD, '038190009999'])).toEqual([]);
    expect(core.listBackups()).toHaveLength(1);
    expect((await ok(core, 'app.status', {})).protection.recoveryKeyPending).toBe(true);
    core.close();
  });

  it('without its key file the database is never replaced: the recovery screen asks for the recovery key', async () => {
    const dir = tempDir();
    const core = await seeded(dir);
    const recoveryKey = await confirmSheet(core);
    await expect(invoke(core, 'protection.recoverySheet', {})).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    core.close();
    const before = fs.readFileSync(path.join(dir, 'ttct.sqlite'));
    fs.rmSync(path.join(dir, KEYRING_FILE));

    const locked = await start(dir);
    expect(locked.problem?.code).toBe('DB_LOCKED');
    expect(fs.readFileSync(path.join(dir, 'ttct.sqlite')).equals(before)).toBe(true);
    expect((await invoke(locked, 'learners.count', { q: '' })).ok).toBe(false);
    const wrong = await invoke(locked, 'protection.unlock', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_WRONG' } });
    const garbage = await invoke(locked, 'protection.unlock', { recoveryKey: 'không phải khóa' });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_INVALID' } });
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const status = await ok(locked, 'protection.unlock', { recoveryKey: typed });
    expect(status.problem).toBeNull();
    expect((await ok(locked, 'learners.count', { q: '' })).count).toBe(1);
    locked.close();
    // The key typed once is kept again for this OS user.
    const again = await start(dir);
    expect(again.problem).toBeNull();
    again.close();
  });

  it('where the OS cannot keep a key, the database stays plain until the sheet is confirmed, then the key is asked at each start', async () => {
    const dir = tempDir();
    const core = await start(dir, noProtection);
    await ok(core, 'learners.save', person);
    expect(fs.existsSync(path.join(dir, KEYRING_FILE))).toBe(false);
    const status = await ok(core, 'app.status', {});
    expect(status.protection).toEqual({ encrypted: false, keyStorage: 'none', recoveryKeyPending: true });
    const sheet = await ok(core, 'protection.recoverySheet', {});
    const wrongGroups = await invoke(core, 'protection.confirmRecoveryKey', { groups: ['ZZZZ', 'ZZZZ'] });
    expect(wrongGroups).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_WRONG' } });
    await ok(core, 'protection.confirmRecoveryKey', { groups: confirmAnswer(sheet) });
    expect((await ok(core, 'app.status', {})).protection.encrypted).toBe(true);
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(1);
    core.close();
    expect(plainTextIn(dir, [CCCD])).toEqual([]);
    expect(fs.existsSync(path.join(dir, KEYRING_FILE))).toBe(false);

    const next = await start(dir, noProtection);
    expect(next.problem?.code).toBe('DB_LOCKED');
    await ok(next, 'protection.unlock', { recoveryKey: sheet.recoveryKey });
    expect((await ok(next, 'learners.count', { q: '' })).count).toBe(1);
    next.close();
  });

  it('a new recovery key: the old one no longer opens the database, backups made before still restore', async () => {
    const dir = tempDir();
    const core = await seeded(dir);
    const firstKey = await confirmSheet(core);
    const before = await ok(core, 'backups.create', {});
    await ok(core, 'protection.newRecoveryKey', {});
    const second = await ok(core, 'protection.recoverySheet', {});
    expect(second.recoveryKey).not.toBe(firstKey);
    const wrong = await invoke(core, 'protection.unlock', { recoveryKey: firstKey });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_WRONG' } });
    await ok(core, 'learners.save', { ...person, given: 'Mai', citizenId: '038190005555' });
    await ok(core, 'backups.restore', { file: before.file });
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(1);
    core.close();
    const again = await start(dir);
    expect(again.problem).toBeNull();
    again.close();
  });
});

describe('keys survive failures and the order of events', () => {
  it('a key file that cannot be saved leaves the keys as they were: the data and its copies still open with the kept sheet', async () => {
    const dir = tempDir();
    let failSave = false;
    const flaky: KeyProtectionPort = {
      kind: 'file',
      protect: (secret) => (failSave ? Promise.reject(new Error('disk error')) : fileKeyProtection.protect(secret)),
      unprotect: (w) => fileKeyProtection.unprotect(w),
    };
    const core = await start(dir, flaky);
    await ok(core, 'centre.save', CENTRE);
    await ok(core, 'learners.save', person);
    const kept = await confirmSheet(core);
    failSave = true;
    expect(await refusal(core, 'protection.newRecoveryKey', {})).toMatchObject({ code: 'KEY_NOT_SAVED' });
    failSave = false;
    const copy = await ok(core, 'backups.exportOffsite', { folder: tempDir('ttct-usb-') });
    core.close();
    const other = await start(tempDir());
    await ok(other, 'backups.restoreFile', { path: copy.path, recoveryKey: kept });
    expect((await ok(other, 'learners.count', { q: '' })).count).toBe(1);
    other.close();
    fs.rmSync(path.join(dir, KEYRING_FILE));
    const again = await start(dir, flaky);
    await ok(again, 'protection.unlock', { recoveryKey: kept });
    again.close();
  });

  it('where the OS keeps no key, a new recovery key changes nothing until its sheet is confirmed', async () => {
    const dir = tempDir();
    const core = await start(dir, noProtection);
    await ok(core, 'learners.save', person);
    const first = await confirmSheet(core);
    await ok(core, 'protection.newRecoveryKey', {});
    expect(await refusal(core, 'protection.newRecoveryKey', {})).toMatchObject({ code: 'RECOVERY_KEY_PENDING' });
    core.close();
    // Closed before the new sheet was confirmed: the kept sheet still opens the data.
    const next = await start(dir, noProtection);
    expect(next.problem?.code).toBe('DB_LOCKED');
    expect(next.problem?.message).toMatch(/mỗi lần mở phần mềm cần nhập khóa khôi phục/);
    await ok(next, 'protection.unlock', { recoveryKey: first });
    // The unconfirmed key lived only in memory: the clerk makes a new one again, and confirms it this time.
    expect((await ok(next, 'app.status', {})).protection.recoveryKeyPending).toBe(false);
    await ok(next, 'protection.newRecoveryKey', {});
    const second = await confirmSheet(next);
    next.close();
    const last = await start(dir, noProtection);
    expect(await refusal(last, 'protection.unlock', { recoveryKey: first })).toMatchObject({ code: 'RECOVERY_KEY_WRONG' });
    await ok(last, 'protection.unlock', { recoveryKey: second });
    expect((await ok(last, 'learners.count', { q: '' })).count).toBe(1);
    last.close();
  });

  it('where the OS keeps no key, a restore before the sheet is confirmed leaves the data plain, never under an unwritten key', async () => {
    const dir = tempDir();
    const core = await start(dir, noProtection);
    await ok(core, 'learners.save', person);
    const backup = await ok(core, 'backups.create', {});
    await ok(core, 'backups.restore', { file: backup.file });
    core.close();
    const next = await start(dir, noProtection);
    expect(next.problem).toBeNull();
    expect((await ok(next, 'learners.count', { q: '' })).count).toBe(1);
    next.close();
  });

  it('a plain copy of an unusable database kept aside by a restore is encrypted once the data opens', async () => {
    const dir = tempDir();
    const old = await start(dir, null);
    await ok(old, 'learners.save', person);
    await ok(old, 'backups.create', {});
    old.db.pragma('user_version = 999');
    old.close();
    const core = await start(dir);
    expect(core.problem?.code).toBe('DB_TOO_NEW');
    const [backup] = core.listBackups();
    await ok(core, 'backups.restore', { file: backup!.file });
    expect(core.problem).toBeNull();
    core.close();
    expect(fs.readdirSync(dir).filter((f) => f.includes('.hong-')).length).toBeGreaterThan(0);
    expect(plainTextIn(dir, [NAME, CCCD])).toEqual([]);
  });

  it('a restore and a new recovery key at the same moment: one waits its turn with a message, nothing is lost', async () => {
    const core = await seeded();
    await confirmSheet(core);
    const backup = await ok(core, 'backups.create', {});
    const [a, b] = await Promise.all([
      invoke(core, 'protection.newRecoveryKey', {}),
      invoke(core, 'backups.restore', { file: backup.file }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect((await ok(core, 'learners.count', { q: '' })).count).toBe(1);
    core.close();
  });
});
