import type { AppStatus } from '../../../../shared/contract/app';

/** Where the database key is kept, in the clerk's words. */
export const KEY_STORAGE_LABELS: Record<AppStatus['protection']['keyStorage'], string> = {
  os: 'Khóa được Windows giữ cho tài khoản này',
  file: 'Khóa lưu trong thư mục dữ liệu (chế độ thử nghiệm)',
  none: 'Máy này không giữ được khóa: mỗi lần mở phần mềm phải nhập khóa khôi phục',
};

/** Whole days since an ISO timestamp (0 for today or a clock set back). */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

/** The status line's reminder when no copy off the PC is recent enough. */
export function offsiteReminder(offsite: AppStatus['offsite'], now = Date.now()): string {
  if (!offsite.lastAt) return 'Chưa có bản sao nào ngoài máy';
  return `Chưa sao lưu ra USB ${daysSince(offsite.lastAt, now)} ngày`;
}
