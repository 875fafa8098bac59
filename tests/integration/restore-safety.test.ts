import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDurably } from '../../electron/core/db/durable';
import { stagedPath, writeJournal } from '../../electron/core/db/restore';
import { ok, startCore, tempDir } from './helpers';

const centre = (name: string) => ({
  validFrom: '2025-07-01', name, superior: 'Đảng ủy xã Đắk Hà', docCode: 'TTCT', placeName: 'Đắk Hà',
  address: '', phone: '', director: { name: 'Nguyễn Văn An', title: 'Giám đốc' }, deputies: [], areaCommunes: [], areaPartyOrgs: [],
});

/** A folder with a database named "Cũ" and a backup named "Sao lưu", as a clerk's would be. */
async function folder(): Promise<{ dir: string; db: string; backup: string }> {
  const dir = tempDir('ttct-restore-');
  const core = await startCore(dir);
  await ok(core, 'centre.save', centre('Sao lưu'));
  const backup = (await ok(core, 'backups.create', {})).file;
  await ok(core, 'centre.save', { ...centre('Cũ'), validFrom: '2025-08-01' });
  core.close();
  return { dir, db: path.join(dir, 'ttct.sqlite'), backup };
}

async function centreName(dir: string): Promise<string | null> {
  const core = await startCore(dir);
  try {
    if (core.problem) return `problem ${core.problem.code}`;
    return (await ok(core, 'app.status', {})).centreName;
  } finally {
    core.close();
  }
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.restoring') || f.startsWith('restore-pending'));
}

describe('restoring a backup survives being cut off at any step', () => {
  it('restores from the recovery screen without moving the damaged file first: a copy is kept aside, byte for byte', async () => {
    const { dir, db, backup } = await folder();
    const bytes = fs.readFileSync(db);
    for (let i = 4096; i < bytes.length; i += 97) bytes[i] = 0xa5;
    fs.writeFileSync(db, bytes);
    const broken = await startCore(dir);
    expect(broken.problem?.code).toBe('DB_CORRUPT');
    const status = await ok(broken, 'backups.restore', { file: backup });
    expect(status.problem).toBeNull();
    expect(status.centreName).toBe('Sao lưu');
    broken.close();
    const aside = fs.readdirSync(dir).filter((f) => /^ttct\.sqlite\.hong-[\dTZ-]+$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!)).equals(bytes)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps the old database when cut off while copying the backup in', async () => {
    const { dir, db, backup } = await folder();
    const half = fs.readFileSync(path.join(dir, 'backups', backup)).subarray(0, 8192);
    fs.writeFileSync(stagedPath(db), half);
    expect(await centreName(dir)).toBe('Cũ');
    expect(leftovers(dir)).toEqual([]);
  });

  it('finishes the swap when cut off after the copy was checked and the journal written', async () => {
    const { dir, db, backup } = await folder();
    copyDurably(path.join(dir, 'backups', backup), stagedPath(db));
    writeJournal(db, backup, new Date());
    expect(await centreName(dir)).toBe('Sao lưu');
    expect(leftovers(dir)).toEqual([]);
  });

  it('finishes the swap when cut off after the old WAL was removed, with no database file in place', async () => {
    const { dir, db, backup } = await folder();
    copyDurably(path.join(dir, 'backups', backup), stagedPath(db));
    writeJournal(db, backup, new Date());
    fs.rmSync(db);
    expect(await centreName(dir)).toBe('Sao lưu');
  });

  it('only clears the journal when cut off after the rename', async () => {
    const { dir, db, backup } = await folder();
    fs.copyFileSync(path.join(dir, 'backups', backup), db);
    writeJournal(db, backup, new Date());
    expect(await centreName(dir)).toBe('Sao lưu');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('never a new empty database where there was data', () => {
  it('shows the recovery screen when the database file is gone but backups remain, and restores from there', async () => {
    const { dir, db, backup } = await folder();
    fs.rmSync(db);
    const core = await startCore(dir);
    expect(core.problem?.code).toBe('DB_MISSING');
    expect(core.problem?.message).toContain('bản sao lưu');
    expect(fs.existsSync(db)).toBe(false);
    const status = await ok(core, 'app.status', {});
    expect(status.problem?.code).toBe('DB_MISSING');
    expect((await ok(core, 'backups.restore', { file: backup })).centreName).toBe('Sao lưu');
    core.close();
  });

  it('shows the recovery screen when only a copy kept aside remains', async () => {
    const { dir, db } = await folder();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    fs.renameSync(db, `${db}.hong-2026-12-06T10-00-00-000Z`);
    const core = await startCore(dir);
    expect(core.problem?.code).toBe('DB_MISSING');
    expect(core.problem?.message).toContain('ttct.sqlite.hong-2026-12-06T10-00-00-000Z');
    core.close();
  });

  it('creates a new database in a folder that never held one', async () => {
    const dir = tempDir('ttct-restore-');
    const core = await startCore(dir);
    expect(core.problem).toBeNull();
    core.close();
  });
});
