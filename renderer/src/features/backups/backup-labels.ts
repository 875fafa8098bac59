import type { Backup } from '../../../../shared/contract/backups';
import { formatNumber } from '../../../../shared/domain/format';

export const BACKUP_KIND_LABELS: Record<Backup['kind'], string> = {
  daily: 'Tự động hằng ngày',
  manual: 'Sao lưu thủ công',
  'pre-migration': 'Trước khi nâng cấp dữ liệu',
  'pre-restore': 'Trước khi khôi phục',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}
