/** The two clerk actions on off-PC copies, over the core: write one to a folder, restore from one. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppCore } from '../app-core';
import type { DbKey } from '../db/engine';
import { openSqlite } from '../db/engine';
import { opensWith } from '../db/open';
import { removeSideFiles } from '../db/restore';
import { AppError, storageError } from '../errors';
import { currentCentreName } from '../centre/store';
import { keyForCopy } from '../protection/opening';
import { extractPayload, offsiteFileName, readOffsite, writeOffsite, type OffsiteFile } from '../protection/offsite';
import { keyId } from '../protection/recovery-key';
import { centreIdOf } from '../protection/store';
import { copyDatabaseInto, holdsPeople, markOffsiteCopy, offsiteSettings } from './store';

export const DEFAULT_REMINDER_DAYS = 7;

/** A private scratch folder in the data folder (emptied at every start): the copy is made here before it goes to the stick. */
function scratchDir(core: AppCore): string {
  return path.join(core.dataDir, 'tmp', 'offsite');
}

export function offsiteStatus(core: AppCore): { lastAt: string | null; reminderDays: number; due: boolean } {
  if (core.problem) return { lastAt: null, reminderDays: DEFAULT_REMINDER_DAYS, due: false };
  const { lastAt, reminderDays: stored } = offsiteSettings(core.db);
  const days = Number(stored ?? DEFAULT_REMINDER_DAYS);
  const reminderDays = Number.isInteger(days) && days >= 1 ? days : DEFAULT_REMINDER_DAYS;
  const due = !lastAt || core.now().getTime() - Date.parse(lastAt) > reminderDays * 86_400_000;
  return { lastAt, reminderDays, due };
}

/** «Sao lưu ra USB/thư mục khác». */
export function exportOffsite(core: AppCore, folder: string): { file: string; path: string; sizeBytes: number } {
  const keys = core.keys;
  // A copy off the PC opens elsewhere only with the recovery key: not before the clerk has the sheet in hand.
  if (!keys?.current || !core.encrypted || keys.pending) {
    throw new AppError(
      'NOT_ENCRYPTED',
      'Hãy in «Giấy lưu khóa khôi phục dữ liệu» và xác nhận đã cất giữ trước, rồi mới sao lưu ra ngoài máy: trên máy khác, bản sao chỉ mở được bằng khóa trên giấy đó.',
    );
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new AppError('FOLDER_NOT_FOUND', `Không tìm thấy thư mục ${folder} (USB đã được cắm chưa?).`, {
      folder: 'Không tìm thấy thư mục này.',
    });
  }
  if (!stat.isDirectory())
    throw new AppError('FOLDER_NOT_FOUND', `${folder} không phải là thư mục.`, { folder: 'Đây không phải là thư mục.' });
  const scratch = scratchDir(core);
  fs.mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const temp = path.join(scratch, `offsite-${crypto.randomUUID()}.sqlite`);
  const now = core.now();
  try {
    try {
      copyDatabaseInto(core.db, temp);
    } catch (err) {
      throw storageError(err, core.dataDir) ?? err;
    }
    const db = core.db;
    const name = currentCentreName(db);
    const target = writeOffsite(temp, folder, offsiteFileName(name, now, core.appVersion), {
      format: 1,
      centreId: centreIdOf(db) ?? '',
      centreName: name,
      createdAt: now.toISOString(),
      appVersion: core.appVersion,
      schemaVersion: core.schemaVersion(),
      keyId: keyId(keys.current),
    });
    markOffsiteCopy(db, now.toISOString());
    core.log.info(`Off-PC backup written (${fs.statSync(target).size} bytes)`);
    return { file: path.basename(target), path: target, sizeBytes: fs.statSync(target).size };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** What the restore screen shows before the clerk confirms. */
export function inspectFile(core: AppCore, file: string) {
  const found = readOffsite(file);
  const header = found.kind === 'container' ? found.header : null;
  let needsRecoveryKey = false;
  if (found.kind === 'container') needsRecoveryKey = !core.keys?.byId(found.header.keyId);
  if (found.kind === 'raw-encrypted') needsRecoveryKey = !core.keys?.keyFor(file);
  return {
    centreName: header?.centreName ?? null,
    createdAt: header?.createdAt ?? null,
    appVersion: header?.appVersion ?? null,
    schemaVersion: header?.schemaVersion ?? null,
    plain: found.kind === 'plain',
    needsRecoveryKey,
    sameCentre: header && !core.problem ? header.centreId === (centreIdOf(core.db) ?? '') : null,
    sizeBytes: found.sizeBytes,
  };
}

function keyForFile(core: AppCore, found: OffsiteFile, staged: string, file: string, typed?: string): DbKey {
  if (found.kind === 'plain') return null;
  const held = (found.kind === 'container' ? core.keys?.byId(found.header.keyId) : core.keys?.keyFor(staged)) ?? null;
  // A container names its key (the id), so a typed key is checked without opening anything.
  const fits = (key: Buffer) => (found.kind === 'container' ? keyId(key) === found.header.keyId : opensWith(staged, key));
  return keyForCopy(held, path.basename(file), typed, fits);
}

/** Whether the current database holds anyone: a backup from another centre may only replace an empty one. */
function currentHoldsData(core: AppCore): boolean {
  if (core.problem) return false;
  return holdsPeople(core.db);
}

/** «Khôi phục từ tệp»: through the same crash-safe path as a local backup. */
export async function restoreFile(core: AppCore, file: string, typed?: string): Promise<void> {
  const found = readOffsite(file);
  const label = path.basename(file);
  const currentCentre = core.problem ? null : centreIdOf(core.db);
  const holdsData = currentHoldsData(core);
  await core.restoreStaged({
    label,
    fill: (staged) => extractPayload(file, found, staged),
    keyOf: (staged) => keyForFile(core, found, staged, file, typed),
    check: (staged, key) => {
      const db = openSqlite(staged, { readonly: true, fileMustExist: true }, key);
      let theirs: string | null;
      try {
        theirs = centreIdOf(db);
      } finally {
        db.close();
        removeSideFiles(staged);
      }
      if (holdsData && currentCentre && theirs && theirs !== currentCentre) {
        const name = found.kind === 'container' ? (found.header.centreName ?? 'một trung tâm khác') : 'một trung tâm khác';
        throw new AppError(
          'BACKUP_OTHER_CENTRE',
          `Tệp ${label} là bản sao lưu của ${name}, không phải của trung tâm đang dùng phần mềm này. Dữ liệu hiện tại được giữ nguyên.`,
        );
      }
    },
  });
}
