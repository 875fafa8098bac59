/**
 * Bringing the database file to the key in force before it is opened (issue 13).
 */
import type { DbKey } from '../db/engine';
import { fileFormat, foreignError, LATEST_VERSION, lockedError, lookReadOnly } from '../db/open';
import type { Logger } from '../log';
import { AppError } from '../errors';
import { encryptDatabase, encryptPlainBackups } from '../db/encrypt';
import { KeyKeeper } from './key-keeper';

/**
 * The key the database opens with, after bringing the file to it: a plain database (first start
 * of this version, or a plain backup restored) is encrypted first; one still under a key this
 * app replaced is re-encrypted under the key in force. { locked: message } when no key held opens it: the
 * recovery screen then asks for the recovery key, and nothing new is ever created in its place.
 */
export async function keyForOpening(keys: KeyKeeper, dbPath: string, now: Date, log: Logger): Promise<DbKey | { locked: string }> {
  await keys.load();
  const format = fileFormat(dbPath);
  if (format === 'foreign') throw foreignError(dbPath);
  if (format === 'encrypted') {
    const key = keys.keyFor(dbPath);
    if (!key) {
      log.warn(
        `Database is encrypted and no key held opens it (${keys.port.kind === null ? 'no OS key store' : keys.unavailableReason ? 'key file unavailable' : 'keys do not match'})`,
      );
      if (keys.port.kind === null) {
        // The normal start on such a PC, not an alarm.
        return {
          locked:
            'Dữ liệu của trung tâm được mã hóa, và máy này không có nơi an toàn để giữ khóa, nên mỗi lần mở phần mềm cần nhập ' +
            'khóa khôi phục ghi trên «Giấy lưu khóa khôi phục dữ liệu».',
        };
      }
      const reason = keys.unavailableReason ?? 'khóa đang giữ không mở được tệp này';
      return { locked: `${lockedError(dbPath).message} (Lý do: ${reason}.)` };
    }
    if (keys.current && !key.equals(keys.current)) {
      log.info('Re-encrypting the database under the key in force');
      await encryptDatabase(dbPath, key, keys.current, now);
      return keys.current;
    }
    if (!keys.current) await keys.adopt(key, now);
    return key;
  }
  // Where nothing can keep the key, a database stays plain until the clerk has the sheet in hand.
  if (keys.port.kind === null && !keys.current) {
    await keys.create(now);
    return null;
  }
  const key = keys.current ?? (await keys.create(now))!;
  if (format === 'plain') {
    // A damaged file, or one from a newer app, is refused as it is, never rewritten.
    lookReadOnly(dbPath, LATEST_VERSION, null);
    log.info('Encrypting the plain database');
    await encryptDatabase(dbPath, null, key, now);
  }
  return key;
}

/**
 * Which key opens a copy offered for restore (a local backup, a file off the PC): a held one, or
 * the recovery key typed for it, which `fits` checks against the copy.
 */
export function keyForCopy(held: Buffer | null, label: string, typed: string | undefined, fits: (key: Buffer) => boolean): Buffer {
  if (held) return held;
  if (!typed) {
    throw new AppError(
      'RECOVERY_KEY_NEEDED',
      `Bản sao lưu ${label} được mã hóa bằng một khóa khôi phục khác; hãy nhập khóa khôi phục dùng khi tạo bản này.`,
      {
        recoveryKey: 'Cần khóa khôi phục của bản sao lưu này.',
      },
    );
  }
  const key = KeyKeeper.fromTyped(typed);
  if (!fits(key)) {
    throw new AppError(
      'RECOVERY_KEY_WRONG',
      `Khóa khôi phục không mở được bản sao lưu ${label}. Hãy kiểm tra từng nhóm trên giấy lưu khóa.`,
      {
        recoveryKey: 'Khóa khôi phục không đúng.',
      },
    );
  }
  return key;
}

/** Backups and kept-aside copies made before encryption are re-made encrypted; none stays plain. Never stops a start. */
export function encryptOldCopies(backupsDir: string, dbPath: string, key: Buffer, log: Logger): void {
  try {
    const { remade, removed, leftPlain } = encryptPlainBackups(backupsDir, key, dbPath);
    if (remade || removed.length) log.info(`Encrypted ${remade} plain copies; removed ${removed.length} unreadable plain backup(s)`);
    if (leftPlain.length) log.warn(`${leftPlain.length} damaged copy(ies) kept aside stay unencrypted: ${leftPlain.join(', ')}`);
  } catch (err) {
    log.error('Encrypting the old backups failed; retried at the next start', err);
  }
}
