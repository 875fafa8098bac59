import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { setNextNumberInput } from '../../../../shared/contract/certificates';
import { formatCertNumber } from '../../../../shared/domain/cert-numbering';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatNumber } from '../../../../shared/domain/format';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { Panel } from '../../components/Panel';
import { useFormErrors } from '../../components/useFormErrors';
import { useNextNumber, useSetNextNumber } from './queries';

type Settings = Output<'certificates.settings'>;

/**
 * A number as a clerk types it: «125», «1.250» or «1 250» with thousands marks, «12,5» with a decimal
 * comma (refused by the contract as not whole). Anything else is NaN, which the contract names.
 */
export function typedNumber(text: string): number {
  const t = text.trim();
  if (t === '') return Number.NaN;
  if (/^\d{1,3}([.\s]\d{3})+$/.test(t)) return Number(t.replace(/[.\s]/g, ''));
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return Number.NaN;
}

/**
 * «Số giấy tiếp theo»: where a year's numbering continues, for a centre that kept a paper register before
 * the app. Shows what has been issued and, as the clerk types, the serial the next certificate would get.
 */
export function NextNumberSection({ settings }: { settings: Settings }) {
  const [yearText, setYearText] = useState(todayInVietnam().slice(0, 4));
  const year = typedNumber(yearText);
  const yearProblem = setNextNumberInput.shape.year.safeParse(year).error?.issues[0]?.message ?? null;
  const yearOk = yearProblem === null;
  const next = useNextNumber(year, yearOk);
  // Null until the clerk types: the field then shows the year's next number as it stands.
  const [typed, setTyped] = useState<string | null>(null);
  const seqText = typed ?? (next.data ? String(next.data.nextSeq) : '');
  const form = useFormErrors();
  const save = useSetNextNumber({
    onMutate: () => form.clear(),
    onSuccess: () => setTyped(null),
    onError: (err) => form.fromError(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(setNextNumberInput, { year, nextSeq: typedNumber(seqText) });
    if (input) save.mutate(input);
  };
  const edited = () => {
    save.reset();
    form.clear();
  };

  const seq = typedNumber(seqText);
  const typedProblem =
    typed === null || typed.trim() === '' ? null : (setNextNumberInput.shape.nextSeq.safeParse(seq).error?.issues[0]?.message ?? null);
  const example =
    yearOk && typedProblem === null && Number.isSafeInteger(seq) && seq >= 1
      ? `Giấy tiếp theo sẽ mang số ${formatCertNumber(settings.serialPattern, { seq, year })}, vào sổ số ${formatCertNumber(settings.registerPattern, { seq, year })}.`
      : null;
  const last = next.data?.lastIssued;
  const issuedLine = !next.data
    ? null
    : last
      ? next.data.yearly
        ? `Năm ${year} đã cấp đến số ${last.serial} trong phần mềm.`
        : `Đã cấp đến số ${last.serial} (năm ${last.year}); số thứ tự chạy liên tục qua các năm.`
      : `Năm ${year} chưa cấp giấy nào trong phần mềm.`;

  return (
    <Panel title="Số giấy tiếp theo" titleGap={1}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Trung tâm chuyển từ sổ giấy sang phần mềm giữa năm: nhập số tiếp theo sau số cuối cùng đã ghi trong sổ giấy. Giấy cấp sau đó đánh số
        tiếp từ số này; không đặt được số đã cấp hay lùi về trước.
      </Typography>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          label="Năm"
          name="year"
          value={yearText}
          onChange={(e) => {
            setYearText(e.target.value);
            setTyped(null);
            edited();
          }}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ width: 120 }}
          error={'year' in form.fields || !yearOk}
          helperText={form.fields['year'] ?? yearProblem ?? ' '}
        />
        <TextField
          label="Số giấy tiếp theo"
          name="nextSeq"
          value={seqText}
          onChange={(e) => {
            setTyped(e.target.value);
            edited();
          }}
          sx={{ width: 420 }}
          error={'nextSeq' in form.fields || typedProblem !== null}
          helperText={form.fields['nextSeq'] ?? typedProblem ?? example ?? ' '}
          slotProps={{ htmlInput: { inputMode: 'numeric' }, formHelperText: { 'aria-live': 'polite' } }}
        />
        <Button type="submit" variant="contained" disabled={save.isPending || !yearOk} sx={{ mt: 1 }}>
          Lưu số tiếp theo
        </Button>
      </Box>
      <ErrorAlert error={next.error} sx={{ mt: 1 }} />
      {issuedLine && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {issuedLine}
          {next.data && next.data.floor !== null ? ` Số đã đặt để nối tiếp sổ giấy: ${formatNumber(next.data.floor)}.` : ''}
        </Typography>
      )}
      <ErrorAlert error={!('nextSeq' in form.fields) && !('year' in form.fields) && form.formError} sx={{ mt: 2 }} />
      {save.isSuccess && (
        <Alert severity="success" sx={{ mt: 2 }}>
          Đã lưu. Giấy tiếp theo của năm {save.data.year} sẽ mang số {save.data.nextSerial}.
        </Alert>
      )}
    </Panel>
  );
}
