import type { Backup } from '../../../../shared/contract/app';
import { formatDateTime } from '../../../../shared/domain/format';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function RestoreDialog(props: { backup: Backup | null; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <ConfirmDialog
      open={props.backup !== null}
      title="Khôi phục dữ liệu từ bản sao lưu?"
      confirmLabel="Khôi phục"
      busy={props.busy}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      Dữ liệu sẽ trở về thời điểm <b>{props.backup ? formatDateTime(props.backup.createdAt) : ''}</b>. Những thay đổi sau thời
      điểm đó không còn trên màn hình, nhưng không bị mất: dữ liệu hiện tại được sao lưu trước (hoặc, nếu bị hỏng, được giữ
      nguyên bên cạnh với tên mới).
    </ConfirmDialog>
  );
}
