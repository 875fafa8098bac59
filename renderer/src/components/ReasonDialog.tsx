import { useState } from 'react';
import { AskDialog, type AskProps } from './form/AskDialog';
import { ReasonField } from './form/ReasonField';

/**
 * Asks for the one line of text a change needs: why someone withdraws, why an unfit learner may
 * still study, why recognised results are being changed. Mounted only while open, so every
 * opening starts from an empty field.
 */
export function ReasonDialog(
  props: AskProps & {
    label: string;
    helperText?: string;
    onConfirm: (reason: string) => void;
    initial?: string;
    /** A note may be empty (a discipline note); a reason may not. */
    optional?: boolean;
  },
) {
  const [reason, setReason] = useState(props.initial ?? '');
  const [tried, setTried] = useState(false);
  const missing = !props.optional && reason.trim() === '';
  const confirm = () => {
    setTried(true);
    if (!missing) props.onConfirm(reason.trim());
  };
  return (
    <AskDialog ask={props} onSubmit={confirm}>
      <ReasonField
        label={props.label}
        value={reason}
        onChange={setReason}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            confirm();
          }
        }}
        error={tried && missing}
        helperText={tried && missing ? 'Chưa ghi lý do' : props.helperText}
        sx={{ mt: 1 }}
      />
    </AskDialog>
  );
}
