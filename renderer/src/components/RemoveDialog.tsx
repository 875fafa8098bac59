import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/** A feature's removal hook (from mutationHook): the change that removes one row by its id. */
type RemoveHook = (options: { onSuccess?: () => void; onSettled?: () => void }) => UseMutationResult<unknown, Error, { id: number }>;

/**
 * A row removed behind a confirmation: the row being asked about and the change that removes it.
 * `closeOnError`: the dialog closes whatever the answer, so the refusal shows on the page behind it.
 */
export function useRemoval<T extends { id: number }>(useRemove: RemoveHook, options: { closeOnError?: boolean } = {}) {
  const [target, setTarget] = useState<T | null>(null);
  const close = () => setTarget(null);
  const remove = useRemove(options.closeOnError ? { onSettled: close } : { onSuccess: close });
  return { target, ask: setTarget, close, remove, error: remove.error };
}

export type Removal<T extends { id: number }> = ReturnType<typeof useRemoval<T>>;

/** «Xóa …?» for the row a useRemoval is asking about; `children` says what goes with it. */
export function RemoveDialog<T extends { id: number }>(props: { removal: Removal<T>; title: string; children: ReactNode }) {
  const { target, remove, close } = props.removal;
  return (
    <ConfirmDialog
      open={target !== null}
      title={props.title}
      confirmLabel="Xóa"
      busy={remove.isPending}
      onConfirm={() => target && remove.mutate({ id: target.id })}
      onClose={close}
    >
      {props.children}
    </ConfirmDialog>
  );
}
