/**
 * The keys the running app holds: the database key in force, the ones it replaced (for backups made
 * under them), and the recovery key waiting for the clerk's confirmation. Loaded from the key file
 * at each start; kept only in memory where the OS cannot protect them (see ports.ts).
 */
import { AppError } from '../errors';
import type { KeyProtectionPort } from '../ports';
import { opensWith, recoveredCopyOpensWith } from '../db/open';
import { loadKeyring, saveKeyring, type Keys } from './keyring';
import { databaseKey, keyId, newRecoveryKey, normalizeRecoveryKey } from './recovery-key';

export class KeyKeeper {
  current: Buffer | null = null;
  previous: Buffer[] = [];
  pending: Keys['pending'] = null;
  /** Why the key file could not give the key, in the clerk's words (shown on the recovery screen). */
  unavailableReason: string | null = null;

  constructor(
    private readonly dataDir: string,
    readonly port: KeyProtectionPort,
  ) {}

  /** Keeps what is already in memory (a key typed on the recovery screen) over the file. */
  async load(): Promise<void> {
    this.unavailableReason = null;
    if (this.current) return;
    const ring = await loadKeyring(this.dataDir, this.port);
    if (ring.state === 'ok') {
      Object.assign(this, ring.keys);
    } else if (ring.state === 'unreadable') {
      this.unavailableReason = ring.reason;
    } else if (this.port.kind === null) {
      this.unavailableReason =
        'máy này không có nơi an toàn để giữ khóa (hệ điều hành không có kho khóa), nên khóa khôi phục được hỏi mỗi lần mở';
    } else {
      // Only read when an encrypted database is there: a new folder has no key file yet.
      this.unavailableReason = 'không tìm thấy tệp khóa ttct-key.json trong thư mục dữ liệu (máy mới, hoặc chỉ chép riêng tệp dữ liệu)';
    }
  }

  /**
   * The key for a database that has none yet: a new recovery key, waiting to be confirmed. Where
   * the OS keeps no key, nothing is in force until the clerk confirms the sheet (the database stays
   * plain until then), so a kill before that cannot lock the centre out with a key nobody wrote down.
   */
  async create(now: Date): Promise<Buffer | null> {
    const recoveryKey = this.pending?.recoveryKey ?? newRecoveryKey();
    const pending = { recoveryKey, createdAt: this.pending?.createdAt ?? now.toISOString() };
    if (this.port.kind === null) {
      this.pending = pending;
      return null;
    }
    await this.commit({ current: databaseKey(recoveryKey), previous: this.previous, pending }, now);
    return this.current;
  }

  /**
   * A new recovery key replacing the one in force; the old database key is kept for older backups.
   * Refused while a sheet is still unconfirmed: that key may be the only copy of what opens the data.
   * Where the OS keeps no key, the new key only waits (null): the database is re-keyed when the
   * clerk confirms the new sheet.
   */
  async replace(now: Date): Promise<{ from: Buffer; to: Buffer } | null> {
    if (!this.current) throw new AppError('DB_LOCKED', 'Chưa mở được khóa của cơ sở dữ liệu.');
    if (this.pending) {
      throw new AppError(
        'RECOVERY_KEY_PENDING',
        'Giấy lưu khóa khôi phục gần nhất chưa được xác nhận; hãy in, cất giữ và xác nhận giấy đó trước khi tạo khóa khác.',
      );
    }
    const from = this.current;
    const recoveryKey = newRecoveryKey();
    const pending = { recoveryKey, createdAt: now.toISOString() };
    if (this.port.kind === null) {
      this.pending = pending;
      return null;
    }
    const to = databaseKey(recoveryKey);
    await this.commit({ current: to, previous: [from, ...this.previous.filter((k) => !k.equals(from))], pending }, now);
    return { from, to };
  }

  /** The database key a typed recovery key stands for (a clear message when it cannot be one). */
  static fromTyped(typed: string): Buffer {
    const key = normalizeRecoveryKey(typed);
    if (!key) {
      throw new AppError(
        'RECOVERY_KEY_INVALID',
        'Khóa khôi phục gồm 8 nhóm, mỗi nhóm 4 chữ hoặc số (ví dụ ABCD-1234-…); hãy kiểm tra lại.',
        {
          recoveryKey: 'Khóa khôi phục gồm 8 nhóm, mỗi nhóm 4 chữ hoặc số.',
        },
      );
    }
    return databaseKey(key);
  }

  /** Makes a key typed on the recovery screen (or carried by a restored file) the one in force. */
  async adopt(key: Buffer, now: Date): Promise<void> {
    const previous =
      this.current && !this.current.equals(key) ? [this.current, ...this.previous.filter((k) => !k.equals(key))] : this.previous;
    await this.commit({ current: key, previous, pending: this.pending }, now);
    this.unavailableReason = null;
  }

  /** The sheet is kept: the recovery key leaves the key file, and `key` (its database key) is in force. */
  async confirmed(key: Buffer, now: Date): Promise<void> {
    const previous =
      this.current && !this.current.equals(key) ? [this.current, ...this.previous.filter((k) => !k.equals(key))] : this.previous;
    await this.commit({ current: key, previous, pending: null }, now);
  }

  candidates(): Buffer[] {
    return this.current ? [this.current, ...this.previous] : [...this.previous];
  }

  /** The held key that opens this file, if any. */
  keyFor(file: string): Buffer | null {
    const candidates = this.candidates();
    return candidates.find((k) => opensWith(file, k)) ?? recoveredCopyOpensWith(file, candidates);
  }

  byId(id: string): Buffer | null {
    return this.candidates().find((k) => keyId(k) === id) ?? null;
  }

  /** Saved first, then held: a key file that cannot be written leaves the keys in memory as they were. */
  private async commit(next: Keys & { current: Buffer }, now: Date): Promise<void> {
    try {
      await saveKeyring(this.dataDir, this.port, next, now);
    } catch (err) {
      throw new AppError(
        'KEY_NOT_SAVED',
        `Không lưu được khóa dữ liệu vào thư mục dữ liệu (${(err as Error).message}). Dữ liệu vẫn dùng khóa cũ.`,
      );
    }
    this.current = next.current;
    this.previous = next.previous;
    this.pending = next.pending;
  }
}
