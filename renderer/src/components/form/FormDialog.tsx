import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  type Breakpoint,
  type SxProps,
  type Theme,
} from '@mui/material';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

/** A dialog holding one form: its title, the form's message above the fields, and Hủy / Lưu. */
export function FormDialog(props: {
  title: ReactNode;
  /** What the change does, said above the form's message and fields. */
  intro?: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  busy?: boolean;
  error?: string | null;
  children: ReactNode;
  submitLabel?: string;
  maxWidth?: Breakpoint;
  contentSx?: SxProps<Theme>;
  errorSx?: SxProps<Theme>;
  /** More buttons, before Hủy (a delete, say). */
  actions?: ReactNode;
  /** The <form> among the children that Lưu submits, so Enter in one of its fields saves too. */
  formId?: string;
  /** Backdrop and Escape leave the dialog open (a long form with changes): only Hủy closes it. */
  keepOpen?: boolean;
}) {
  return (
    <Dialog open onClose={props.keepOpen ? undefined : props.onClose} maxWidth={props.maxWidth ?? 'sm'} fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent sx={props.contentSx}>
        {props.intro && (
          <DialogContentText component="div" sx={{ mb: 2 }}>
            {props.intro}
          </DialogContentText>
        )}
        <ErrorAlert error={props.error} sx={props.errorSx ?? { mb: 2 }} />
        {props.children}
      </DialogContent>
      <DialogActions>
        {props.actions}
        <Button onClick={props.onClose}>Hủy</Button>
        <Button
          variant="contained"
          disabled={props.busy}
          {...(props.formId ? { type: 'submit', form: props.formId } : { onClick: props.onSubmit })}
        >
          {props.submitLabel ?? 'Lưu'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
