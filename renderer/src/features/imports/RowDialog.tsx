import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ImportRow } from '../../../../shared/contract/imports';
import { formatDate } from '../../../../shared/domain/format';
import { IMPORT_FIELDS, type ImportField } from '../../../../shared/domain/learner-fields';
import { ErrorAlert } from '../../components/form/ErrorAlert';

/** One line of the list, corrected on screen: the file itself is never changed. */
export function RowDialog(props: {
  row: ImportRow;
  fields: ImportField[];
  busy: boolean;
  error: string | null;
  onSave: (values: Record<string, string>) => void;
  onSkip: () => void;
  onClose: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(props.row.values);
  const problemsAt = (f: string) => props.row.problems.filter((p) => p.field === f);
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>
        Dòng {props.row.rowNumber}: {props.row.fullName || '(chưa có tên)'}
      </DialogTitle>
      <DialogContent>
        <ErrorAlert error={props.error} sx={{ mb: 2 }} />
        {props.row.match && (
          <Alert severity="info" sx={{ mb: 2 }}>
            Hồ sơ đã có: <b>{props.row.match.fullName}</b>
            {props.row.match.birthDate ? `, sinh ${formatDate(props.row.match.birthDate)}` : ''}
            {props.row.match.unitName ? `, ${props.row.match.unitName}` : ''} (hồ sơ số {props.row.match.id})
          </Alert>
        )}
        {props.row.problems
          .filter((p) => !p.field || !props.fields.includes(p.field as ImportField))
          .map((p, i) => (
            <Alert key={i} severity={p.severity === 'error' ? 'error' : 'warning'} sx={{ mb: 1 }}>
              {p.cell ? `Ô ${p.cell}: ` : ''}
              {p.message}
            </Alert>
          ))}
        <Grid container spacing={2} sx={{ mt: 0.5 }}>
          {props.fields.map((f) => {
            const ps = problemsAt(f);
            return (
              <Grid key={f} size={{ xs: 12, sm: 6 }}>
                <TextField
                  label={IMPORT_FIELDS[f]}
                  name={`row.${f}`}
                  value={values[f] ?? ''}
                  onChange={(e) => setValues({ ...values, [f]: e.target.value })}
                  error={ps.some((p) => p.severity === 'error')}
                  helperText={ps.map((p) => `${p.cell ? `${p.cell}: ` : ''}${p.message}`).join(' · ') || undefined}
                />
              </Grid>
            );
          })}
        </Grid>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          Sửa ở đây chỉ thay đổi dữ liệu được nhập; tệp Excel gốc giữ nguyên.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onSkip}>Bỏ qua dòng này</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={props.onClose}>Đóng</Button>
        <Button variant="contained" onClick={() => props.onSave(values)} disabled={props.busy}>
          Kiểm tra lại
        </Button>
      </DialogActions>
    </Dialog>
  );
}
