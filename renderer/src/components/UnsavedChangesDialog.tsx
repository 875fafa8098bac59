import type { ReactNode } from 'react';
import type { Blocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

/** Asks before leaving a page with unsaved changes: the router holds the navigation in `blocker` until answered. */
export function UnsavedChangesDialog(props: { blocker: Blocker; title: string; confirmLabel: string; children: ReactNode }) {
  const { blocker } = props;
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={props.title}
      confirmLabel={props.confirmLabel}
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    >
      {props.children}
    </ConfirmDialog>
  );
}
