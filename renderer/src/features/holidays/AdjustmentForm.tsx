import { Alert, Button, Checkbox, FormControlLabel, Grid, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { holidaysChannels } from '../../../../shared/contract/holidays';
import { weekdayName } from '../../../../shared/domain/days';
import { formatDate } from '../../../../shared/domain/format';
import { leapMonthOf, lunarToSolar } from '../../../../shared/domain/lunar';
import { DateField } from '../../components/DateField';
import { bind } from '../../components/form/bind';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { EnumSelect } from '../../components/form/EnumSelect';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormBox } from '../../components/form/FormBox';
import { useChannelForm } from '../../components/form/useChannelForm';
import { ADJUSTMENT_HELP, ADJUSTMENT_KINDS, ADJUSTMENT_LABELS, LUNAR_MONTH_NAMES, type AdjustmentKind } from './holiday-labels';
import { ADJUSTMENT_CHANGE } from './queries';
import { NumberField } from '../../components/form/NumberField';

const [solarInput, lunarInput] = holidaysChannels['holidays.addAdjustment'].input.options;

/** Not a whole number → NaN, which the contract reports at the field with its own message. */
function int(text: string): number {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

interface AdjustmentDraft {
  date: string;
  lunarDay: string;
  lunarMonth: number;
  leap: boolean;
  kind: AdjustmentKind;
  name: string;
}

/** Mounted afresh for each year (with a key): the lunar date is always read in the page's year. */
export function AdjustmentForm({ year }: { year: number }) {
  const [mode, setMode] = useState<'solar' | 'lunar'>('solar');
  const [added, setAdded] = useState<string | null>(null);
  const f = useChannelForm('holidays.addAdjustment', {
    initial: { date: '', lunarDay: '', lunarMonth: 1, leap: false, kind: 'day_off', name: '' } as AdjustmentDraft,
    toInput: ({ date, lunarDay, lunarMonth, leap, kind, name }: AdjustmentDraft) =>
      mode === 'solar' ? { date, kind, name } : { lunar: { year, month: lunarMonth, day: int(lunarDay), leap }, kind, name },
    schema:
      mode === 'solar'
        ? // A date of another year would be saved but vanish from this page's lists.
          solarInput.refine((v) => v.date.startsWith(`${year}-`), { path: ['date'], message: `Ngày phải thuộc năm ${year}` })
        : lunarInput,
    invalidates: ADJUSTMENT_CHANGE,
    onSaved: (r) => {
      setAdded(r.date);
      f.patch({ date: '', lunarDay: '', name: '' });
    },
  });
  const { form, errors } = f;
  const submit = () => {
    setAdded(null);
    f.submit();
  };

  const tet = lunarToSolar(year, 1, 1);
  const leapMonth = leapMonthOf(year);
  const day = int(form.lunarDay);
  const preview = mode === 'lunar' && day >= 1 ? lunarToSolar(year, form.lunarMonth, day, form.leap) : null;

  return (
    <FormBox noValidate onSubmit={submit} aria-label="Thêm ngày điều chỉnh">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        Thêm ngày theo thông báo
      </Typography>
      <ErrorAlert error={errors.formError} sx={{ mb: 2 }} />
      {added && !errors.formError && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã thêm ngày {weekdayName(added)}, {formatDate(added)}.
          {!added.startsWith(`${year}-`) && ` Ngày này thuộc năm ${added.slice(0, 4)}: xem ở trang năm ${added.slice(0, 4)}.`}
        </Alert>
      )}
      <RadioGroup row value={mode} onChange={(e) => (setMode(e.target.value as 'solar' | 'lunar'), errors.clear())} sx={{ mb: 1 }}>
        <FormControlLabel value="solar" control={<Radio />} label="Theo dương lịch" />
        <FormControlLabel value="lunar" control={<Radio />} label="Theo âm lịch" />
      </RadioGroup>
      <Grid container spacing={2}>
        {mode === 'solar' ? (
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateField label="Ngày" {...bind(f, 'date')} />
          </Grid>
        ) : (
          <>
            <Grid size={{ xs: 12, sm: 6 }}>
              <NumberField label="Ngày" required {...f.text('lunarDay')} {...errors.at('lunar.day')} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <ChoiceSelect
                label="Tháng"
                name="lunarMonth"
                choices={LUNAR_MONTH_NAMES.map((m, i) => ({ value: i + 1, label: `Tháng ${m}` }))}
                value={form.lunarMonth}
                onChange={(e) => f.patch({ lunarMonth: Number(e.target.value) })}
                {...errors.at(
                  'lunar.month',
                  leapMonth ? `Năm ${year} âm lịch có tháng ${LUNAR_MONTH_NAMES[leapMonth - 1]} nhuận` : undefined,
                )}
              />
            </Grid>
            <Grid size={12} sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: -1 }}>
              <FormControlLabel
                control={<Checkbox checked={form.leap} onChange={(e) => f.patch({ leap: e.target.checked })} />}
                label="Tháng nhuận"
              />
              {preview && (
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  → {weekdayName(preview)}, {formatDate(preview)}
                </Typography>
              )}
            </Grid>
            <Grid size={12} sx={{ mt: -1 }}>
              <Typography variant="body2" color="text.secondary">
                Năm {year} âm lịch{tet ? `, bắt đầu từ Tết ngày ${formatDate(tet)}` : ''}. Ngày giao thừa (cuối tháng Chạp, ngay trước Tết)
                thuộc năm âm lịch {year - 1}: hãy nhập ngày đó theo dương lịch.
              </Typography>
            </Grid>
          </>
        )}
        <Grid size={{ xs: 12, sm: 6 }}>
          <EnumSelect label="Loại" options={ADJUSTMENT_KINDS} labels={ADJUSTMENT_LABELS} {...bind(f, 'kind', ADJUSTMENT_HELP[form.kind])} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Ghi chú" {...f.text('name', 'Ví dụ: Nghỉ bù Giỗ Tổ Hùng Vương')} />
        </Grid>
        <Grid size={12}>
          <Button type="submit" variant="contained" disabled={f.busy}>
            Thêm vào bảng
          </Button>
        </Grid>
      </Grid>
    </FormBox>
  );
}
