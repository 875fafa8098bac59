import { MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import { AskDialog, type AskProps } from '../../components/form/AskDialog';
import { ReasonField } from '../../components/form/ReasonField';
import { useCentreAt } from '../centre/queries';

export type Signer = { kind: 'director' } | { kind: 'deputy'; index: number };
export type SignerChoice = { issueDate: string; signer: Signer; reason: string };

/**
 * Asks for the issue date and who signs (the director, or a deputy "KT. GIÁM ĐỐC" from the centre's
 * profile valid on that date); with `reasonLabel`, also why (a reissue). Mounted only while open.
 * The date offered first is the caller's: the results decision's date when issuing (certificates are
 * issued under that decision), today for a reissue.
 */
export function SignerDialog(
  props: AskProps & {
    defaultIssueDate: string;
    reasonLabel?: string;
    fields?: Record<string, string>;
    onConfirm: (choice: SignerChoice) => void;
  },
) {
  const [issueDate, setIssueDate] = useState(props.defaultIssueDate);
  const [signerKey, setSignerKey] = useState('director');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const profile = useCentreAt(issueDate);
  const deputies = profile.data?.deputies ?? [];
  const key = signerKey.startsWith('deputy:') && Number(signerKey.slice(7)) >= deputies.length && profile.data ? 'director' : signerKey;
  const fields = props.fields ?? {};
  const reasonMissing = props.reasonLabel !== undefined && reason.trim() === '';
  const confirm = () => {
    setTried(true);
    if (reasonMissing || issueDate === '') return;
    const signer: Signer = key === 'director' ? { kind: 'director' } : { kind: 'deputy', index: Number(key.slice(7)) };
    props.onConfirm({ issueDate, signer, reason: reason.trim() });
  };
  const signerError = fields['signer'] ?? fields['signer.index'] ?? fields['signer.kind'];
  return (
    <AskDialog ask={props} onSubmit={confirm}>
      <Stack spacing={2} sx={{ mt: 1 }}>
        {props.reasonLabel !== undefined && (
          <ReasonField
            label={props.reasonLabel}
            value={reason}
            onChange={setReason}
            error={(tried && reasonMissing) || 'reason' in fields}
            helperText={tried && reasonMissing ? 'Chưa ghi lý do' : (fields['reason'] ?? 'Ví dụ: sai ngày sinh; lý do được ghi vào sổ cấp')}
          />
        )}
        <DateField
          label="Ngày cấp"
          name="issueDate"
          value={issueDate}
          onChange={setIssueDate}
          error={(tried && issueDate === '') || 'issueDate' in fields}
          helperText={tried && issueDate === '' ? 'Chưa nhập ngày cấp' : fields['issueDate']}
        />
        <TextField
          select
          size="small"
          label="Người ký"
          value={key}
          onChange={(e) => setSignerKey(e.target.value)}
          error={signerError !== undefined || profile.isError}
          helperText={
            signerError ??
            (profile.isError ? profile.error.message : profile.data === null ? 'Chưa có hồ sơ trung tâm hiệu lực vào ngày này' : undefined)
          }
        >
          <MenuItem value="director">{`Giám đốc${profile.data ? ` — ${profile.data.director.name}` : ''}`}</MenuItem>
          {deputies.map((d, i) => (
            <MenuItem key={i} value={`deputy:${i}`}>{`KT. Giám đốc, ${d.title} — ${d.name}`}</MenuItem>
          ))}
        </TextField>
      </Stack>
    </AskDialog>
  );
}
