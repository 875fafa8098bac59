import { useSyncExternalStore } from 'react';

/**
 * «Nhắc lại sau» hides the recovery-sheet dialog for this session only: the sheet it was pressed on
 * (its createdAt) is remembered in memory, so a new recovery key, or «Xem giấy lưu khóa» on the data
 * page, brings the dialog back. Nothing is written anywhere: the next start shows it again.
 */
let dismissedFor: string | null = null;
const listeners = new Set<() => void>();

function set(value: string | null): void {
  dismissedFor = value;
  for (const l of listeners) l();
}

export const recoverySheetSession = {
  dismiss: (sheetCreatedAt: string) => set(sheetCreatedAt),
  showAgain: () => set(null),
};

export function useDismissedSheet(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => dismissedFor,
  );
}
