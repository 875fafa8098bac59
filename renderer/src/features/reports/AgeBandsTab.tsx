import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useFormErrors } from '../../components/useFormErrors';
import { useReportSettings, useSaveReportSettings } from './queries';

/** "30, 40, 50" typed as the ages where a band starts. */
function parse(text: string): number[] {
  return text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : Number.NaN));
}

export function AgeBandsTab() {
  const settings = useReportSettings();
  if (!settings.data) return null;
  return <AgeBands initial={settings.data.ageBounds} />;
}

function AgeBands({ initial }: { initial: number[] }) {
  const [text, setText] = useState(initial.join(', '));
  const form = useFormErrors();
  const save = useSaveReportSettings({
    onMutate: () => form.clear(),
    onSuccess: (s) => setText(s.ageBounds.join(', ')),
    onError: (err) => form.fromError(err),
  });
  const fieldError = Object.entries(form.fields).find(([k]) => k.startsWith('ageBounds'))?.[1];
  return (
    <Paper sx={{ p: 2, maxWidth: 700 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Nhóm tuổi trong báo cáo
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Nhập các mốc tuổi, cách nhau bởi dấu phẩy: «30, 40, 50» cho các nhóm dưới 30, 30–39, 40–49 và từ 50 trở lên. Tuổi tính theo năm sinh
        và năm khai giảng lớp.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          label="Mốc tuổi"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            save.reset();
          }}
          error={Boolean(fieldError)}
          helperText={fieldError ?? 'Ví dụ: 30, 40, 50'}
          sx={{ width: 260 }}
        />
        <Button variant="contained" onClick={() => save.mutate({ ageBounds: parse(text) })} disabled={save.isPending} sx={{ mt: 1 }}>
          Lưu nhóm tuổi
        </Button>
      </Box>
      {save.isSuccess && (
        <Alert severity="success" sx={{ mt: 2 }}>
          Đã lưu nhóm tuổi.
        </Alert>
      )}
    </Paper>
  );
}
