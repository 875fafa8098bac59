/** Expected failures the clerk should read; anything else thrown is a bug and gets logged. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The record a caller named by its id, or NOT_FOUND in the clerk's words (it may have been deleted meanwhile). */
export function found<T>(record: T | null | undefined, message: string): T {
  if (record === null || record === undefined) throw new AppError('NOT_FOUND', message);
  return record;
}

interface ErrnoLike {
  code?: unknown;
}

function codeOf(err: unknown): string | undefined {
  const code = (err as ErrnoLike | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns storage failures (SQLite result codes, file-system errno) into messages a clerk can act on.
 * Returns null for anything that is not a known storage failure.
 */
export function storageError(err: unknown, where: string): AppError | null {
  const code = codeOf(err);
  if (!code) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError(
      'DISK_FULL',
      `Ổ đĩa chứa dữ liệu đã đầy (${where}). Thao tác chưa được lưu; dữ liệu đã lưu trước đó vẫn an toàn. Hãy giải phóng dung lượng rồi thử lại.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      'DATA_DIR_UNWRITABLE',
      `Không ghi được vào thư mục dữ liệu (${where}). Thư mục đang ở chế độ chỉ đọc hoặc không có quyền ghi. Dữ liệu đã lưu vẫn an toàn.`,
    );
  }
  if (code === 'ENOTDIR' || code === 'ENOENT' || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('DATA_DIR_UNWRITABLE', `Không mở được thư mục dữ liệu (${where}). Hãy kiểm tra đường dẫn và quyền ghi.`);
  }
  if (code === 'SQLITE_NOTADB') {
    return new AppError('DB_NOT_SQLITE', `Tệp ${where} không phải là cơ sở dữ liệu của phần mềm.`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('DB_CORRUPT', `Cơ sở dữ liệu ${where} bị hỏng.`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new AppError('DISK_IO', `Lỗi đọc/ghi ổ đĩa tại ${where}. Thao tác chưa được lưu; hãy kiểm tra ổ đĩa rồi thử lại.`);
  }
  return null;
}
