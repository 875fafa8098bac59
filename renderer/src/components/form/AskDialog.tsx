import type { ReactNode } from 'react';
import { FormDialog } from './FormDialog';

/** What a dialog asking for what one change needs (a reason, a signer) takes from the screen that opens it. */
export interface AskProps {
  title: string;
  /** What the change does, said above the fields. */
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  onClose: () => void;
}

/** A FormDialog with the opener's title, explanation, button and message; `onSubmit` checks the fields and confirms. */
export function AskDialog({ ask, onSubmit, children }: { ask: AskProps; onSubmit: () => void; children: ReactNode }) {
  return (
    <FormDialog
      title={ask.title}
      intro={ask.children}
      onClose={ask.onClose}
      onSubmit={onSubmit}
      busy={ask.busy}
      error={ask.error}
      submitLabel={ask.confirmLabel}
    >
      {children}
    </FormDialog>
  );
}

/** An AskDialog's busy state, message and closing, from the change it confirms: closing also forgets that change's answer. */
export function askingFor(change: { isPending: boolean; error: Error | null; reset: () => void }, close: () => void) {
  return {
    busy: change.isPending,
    error: change.error?.message ?? null,
    onClose: () => {
      change.reset();
      close();
    },
  };
}
