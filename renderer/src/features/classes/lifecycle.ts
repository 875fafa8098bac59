import type { ClassStatus } from '../../../../shared/contract/classes';

/** Tabs a link can open directly, e.g. "#/classes/3?tab=hoc-vien" after importing a list into the class. */
export const TAB_KEYS = ['thong-tin', 'lich-hoc', 'hoc-vien', 'diem-danh', 'ket-qua', 'giay-chung-nhan', 'in'] as const;
export type TabKey = (typeof TAB_KEYS)[number];

/**
 * The one next step of a class at each stage, shown as the primary button of the class page. A step either
 * moves the class on (`to`) or opens the tab where the clerk takes it (`tab`); `confirm` marks a step that
 * cannot be undone, with the words the confirmation dialog says.
 */
export type NextStep = { label: string; to: ClassStatus; confirm?: { title: string; text: string } } | { label: string; tab: TabKey };

export const NEXT_STEP: Partial<Record<ClassStatus, NextStep>> = {
  planned: { label: 'Đã có quyết định mở lớp', to: 'opened' },
  opened: { label: 'Bắt đầu học', to: 'running' },
  running: {
    label: 'Kết thúc lớp',
    to: 'finished',
    confirm: {
      title: 'Kết thúc lớp?',
      text: 'Sau khi kết thúc, lớp không trở lại «Đang học» được và không hủy được nữa. Lịch học, điểm danh và điểm vẫn sửa được cho đến khi công nhận kết quả.',
    },
  },
  finished: { label: 'Công nhận kết quả', tab: 'ket-qua' },
  results_recognised: { label: 'Cấp giấy chứng nhận', tab: 'giay-chung-nhan' },
};

/** What the Kết quả tab says before the class has ended: the same step the header offers. */
export function beforeResultsText(status: ClassStatus): string | null {
  const step = NEXT_STEP[status];
  if (!step || !('to' in step)) return null;
  if (status === 'running') return 'Khi lớp học xong, bấm «Kết thúc lớp» ở đầu trang; sau đó công nhận kết quả tại đây.';
  return `Bước tiếp theo của lớp là «${step.label}» (nút ở đầu trang). Khi lớp học xong, kết thúc lớp rồi công nhận kết quả tại đây.`;
}
