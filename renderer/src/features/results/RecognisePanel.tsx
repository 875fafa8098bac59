import { Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { resultsChannels } from '../../../../shared/contract/results';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useFormErrors } from '../../components/useFormErrors';
import { useNextDecision, useRecognise } from './queries';

/**
 * The decision that recognises the class's results. The core refuses while anyone's attendance or
 * scores are missing and says who; after it, results are locked and changes need a reason.
 */
export function RecognisePanel({
  classId,
  programId,
  onRecognised,
}: {
  classId: number;
  programId: number;
  onRecognised: (grid: Output<'results.recognise'>) => void;
}) {
  const errors = useFormErrors();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  // Decisions are numbered per Party term: the core knows the next free number for the decision's date
  // (today until a date is typed). It fills the field until the clerk types a number of their own.
  const [typed, setTyped] = useState(false);
  const onDate = date || todayInVietnam();
  const next = useNextDecision(programId, onDate, /^\d{4}-\d{2}-\d{2}$/.test(onDate));
  const suggested = next.data?.nextDecisionNumber ?? null;
  const shown = typed ? number : suggested === null ? '' : String(suggested);
  const recognise = useRecognise({
    onSuccess: (grid) => {
      errors.clear();
      onRecognised(grid);
    },
    onError: errors.fromError,
  });
  const submit = () => {
    const input = errors.validate(resultsChannels['results.recognise'].input, {
      classId,
      decisionNumber: shown.trim() === '' ? undefined : Number(shown.trim()),
      decisionDate: date || undefined,
    });
    if (input) recognise.mutate(input);
  };
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Công nhận kết quả
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Lớp đã kết thúc. Khi mọi học viên đã đủ điểm danh và điểm, ghi số và ngày quyết định công nhận kết quả. Sau khi công nhận, mọi thay
        đổi điểm, điểm danh, kỷ luật đều phải ghi lý do.
      </Typography>
      <ErrorAlert error={errors.formError} sx={{ mb: 2 }} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          label="Số quyết định"
          name="decisionNumber"
          value={shown}
          onChange={(e) => (setTyped(true), setNumber(e.target.value.replace(/\D/g, '')))}
          {...errors.at('decisionNumber', suggested !== null ? `Số tiếp theo: ${String(suggested).padStart(2, '0')}` : undefined)}
          sx={{ width: 180 }}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5 } }}
        />
        <Box sx={{ width: 220 }}>
          <DateField label="Ngày quyết định" name="decisionDate" value={date} onChange={setDate} {...errors.at('decisionDate')} />
        </Box>
        <Button variant="contained" onClick={submit} disabled={recognise.isPending} sx={{ mt: 0.25 }}>
          Công nhận kết quả
        </Button>
      </Box>
    </Paper>
  );
}
