/**
 * Issue 13: the database, its WAL and every backup are encrypted; the key is kept for the OS user
 * and opened on another PC by the recovery key; an existing plain database is encrypted at the
 * first start; copies off the PC and restores from them refuse every bad file with a clear message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppCore } from '../../electron/core/app-core';
import { fileFormat, opensWith } from '../../electron/core/db/open';
import { createLogger } from '../../electron/core/log';
import { fileKeyProtection, type KeyProtectionPort } from '../../electron/core/ports';
import { KEYRING_FILE } from '../../electron/core/protection/keyring';
import type { PersonInput } from '../../shared/contract/learners';
import { invoke, ok, tempDir } from './helpers';

const NAME = 'Hoàng Thị Bích Ngọc';
const CCCD = '038190001234';

const person: PersonInput = {
  familyAndMiddle: 'Hoàng Thị Bích',
  given: 'Ngọc',
  sex: 'nu',
  birthDate: '1990-04-12',
  ethnicityCode: '01',
  religion: 'Phật giáo',
  homePlace: '',
  communeCode: null,
  workplace: 'Chi bộ thôn 3',
  position: '',
  partyStatus: 'chinh_thuc',
  admissionDate: null,
  confirmationDate: null,
  unitId: null,
  educationLevel: '',
  theoryLevel: null,
  citizenId: CCCD,
  partyCard: '',
  phone: '',
  notes: '',
};

const CENTRE = {
  validFrom: '2025-07-01',
  name: 'Trung tâm Chính trị xã Đắk Hà',
  superior: 'Đảng ủy xã Đắk Hà',
  docCode: 'TTCT',
  placeName: 'Đắk Hà',
  address: '',
  phone: '',
  director: { name: 'Nguyễn Văn An', title: 'Giám đốc' },
  deputies: [],
  areaCommunes: [],
  areaPartyOrgs: [],
};

/** Where the OS cannot keep a key (Linux without a keyring). */
const noProtection: KeyProtectionPort = {
  kind: null,
  protect: () => Promise.reject(new Error('none')),
  unprotect: () => Promise.reject(new Error('none')),
};

function start(dataDir: string, keys: KeyProtectionPort | null = fileKeyProtection): Promise<AppCore> {
  return AppCore.start({ dataDir, log: createLogger(path.join(dataDir, 'logs')), appVersion: '1.4.0', keys, dailyBackup: false });
}

/** Every file in the folder, as bytes, in UTF-8 and in the UTF-16 SQLite could also have used. */
function plainTextIn(dir: string, needles: string[]): string[] {
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

async function seeded(dataDir = tempDir()): Promise<AppCore> {
  const core = await start(dataDir);
  await ok(core, 'centre.save', CENTRE);
  await ok(core, 'learners.save', person);
  return core;
}

function confirmAnswer(sheet: { recoveryKey: string; confirmGroups: number[] }): string[] {
  return sheet.confirmGroups.map((g) => sheet.recoveryKey.split('-')[g - 1]!);
}

/** The sheet kept, as the clerk confirms it; returns the recovery key. */
async function confirmSheet(core: AppCore): Promise<string> {
  const sheet = await ok(core, 'protection.recoverySheet', {});
  await ok(core, 'protection.confirmRecoveryKey', { groups: confirmAnswer(sheet) });
  return sheet.recoveryKey;
}

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
    const sheet = await ok(core, 'protection.recoverySheet', {});
    await ok(core, 'protection.confirmRecoveryKey', { groups: confirmAnswer(sheet) });
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
    const typed = sheet.recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
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
    const first = await ok(core, 'protection.recoverySheet', {});
    await ok(core, 'protection.confirmRecoveryKey', { groups: confirmAnswer(first) });
    const before = await ok(core, 'backups.create', {});
    await ok(core, 'protection.newRecoveryKey', {});
    const second = await ok(core, 'protection.recoverySheet', {});
    expect(second.recoveryKey).not.toBe(first.recoveryKey);
    const wrong = await invoke(core, 'protection.unlock', { recoveryKey: first.recoveryKey });
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
    expect(await invoke(other, 'backups.restoreFile', { path: copy.path })).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_KEY_NEEDED' },
    });
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
    expect(await invoke(core, 'backups.restoreFile', { path: cut })).toMatchObject({ ok: false, error: { code: 'BACKUP_TRUNCATED' } });
    expect(await invoke(core, 'backups.restoreFile', { path: changed })).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    expect(await invoke(core, 'backups.restoreFile', { path: text })).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_OURS' } });
    expect(await invoke(core, 'backups.restoreFile', { path: path.join(usb, 'none.ttctbak') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

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
    expect(await invoke(core, 'backups.exportOffsite', { folder: usb })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_FOUND' } });
    expect((await ok(core, 'app.status', {})).offsite.lastAt).toBeNull();
    expect(fs.readdirSync(path.join(core.dataDir, 'tmp', 'offsite'))).toEqual([]);
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
    expect(await invoke(core, 'protection.newRecoveryKey', {})).toMatchObject({ ok: false, error: { code: 'KEY_NOT_SAVED' } });
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
    expect(await invoke(core, 'protection.newRecoveryKey', {})).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_PENDING' } });
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
    expect(await invoke(last, 'protection.unlock', { recoveryKey: first })).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_KEY_WRONG' },
    });
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
