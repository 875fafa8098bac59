import { ReasonDialog } from '../../components/ReasonDialog';

const LOCKED = {
  scores: { what: 'điểm', helperText: 'Ví dụ: chấm phúc khảo bài thu hoạch; lý do được lưu vào nhật ký cùng thay đổi' },
  attendance: { what: 'điểm danh', helperText: 'Ví dụ: ghi nhầm buổi vắng của học viên; lý do được lưu vào nhật ký cùng các thay đổi' },
} as const;

/** Asks once why recognised results are being changed; the reason goes with every later change of the visit. */
export function LockReasonDialog(props: { of: keyof typeof LOCKED; onConfirm: (reason: string) => void; onClose: () => void }) {
  const { what, helperText } = LOCKED[props.of];
  return (
    <ReasonDialog
      title={`Sửa ${what} sau khi đã công nhận kết quả`}
      label="Lý do sửa"
      helperText={helperText}
      confirmLabel="Ghi lý do và lưu"
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      Lý do này được dùng cho mọi thay đổi {what} tiếp theo trong lần mở này.
    </ReasonDialog>
  );
}
