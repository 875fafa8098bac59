import { Alert, Box, Button, Checkbox, FormControlLabel, Grid, MenuItem, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { holidaysChannels } from '../../../../shared/contract/holidays';
import { weekdayName } from '../../../../shared/domain/days';
import { formatDate } from '../../../../shared/domain/format';
import { leapMonthOf, lunarToSolar } from '../../../../shared/domain/lunar';
import { DateField } from '../../components/DateField';
import { useFormErrors } from '../../components/useFormErrors';
import { ADJUSTMENT_HELP, ADJUSTMENT_KINDS, ADJUSTMENT_LABELS, LUNAR_MONTH_NAMES, type AdjustmentKind } from './holiday-labels';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useAddAdjustment } from './queries';

const [solarInput, lunarInput] = holidaysChannels['holidays.addAdjustment'].input.options;

/** Not a whole number → NaN, which the contract reports at the field with its own message. */
function int(text: string): number {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** Mounted afresh for each year (with a key): the lunar date is always read in the page's year. */
export function AdjustmentForm({ year }: { year: number }) {
  const errors = useFormErrors();
  const [mode, setMode] = useState<'solar' | 'lunar'>('solar');
  const [date, setDate] = useState('');
  const [lunarDay, setLunarDay] = useState('');
  const [lunarMonth, setLunarMonth] = useState(1);
  const [leap, setLeap] = useState(false);
  const [kind, setKind] = useState<AdjustmentKind>('day_off');
  const [name, setName] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  const add = useAddAdjustment({
    onSuccess: (r) => {
      setAdded(r.date);
      setDate('');
      setLunarDay('');
      setName('');
    },
    onError: errors.fromError,
  });

  const submit = () => {
    setAdded(null);
    const input =
      mode === 'solar'
        ? errors.validate(
            // A date of another year would be saved but vanish from this page's lists.
            solarInput.refine((v) => v.date.startsWith(`${year}-`), { path: ['date'], message: `Ngày phải thuộc năm ${year}` }),
            { date, kind, name },
          )
        : errors.validate(lunarInput, { lunar: { year, month: lunarMonth, day: int(lunarDay), leap }, kind, name });
    if (input) add.mutate(input);
  };

  const tet = lunarToSolar(year, 1, 1);
  const leapMonth = leapMonthOf(year);
  const preview = mode === 'lunar' && int(lunarDay) >= 1 ? lunarToSolar(year, lunarMonth, int(lunarDay), leap) : null;

  return (
    <Box component="form" noValidate onSubmit={(e) => (e.preventDefault(), submit())} aria-label="Thêm ngày điều chỉnh">
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
            <DateField label="Ngày" name="date" value={date} onChange={setDate} {...errors.at('date')} />
          </Grid>
        ) : (
          <>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                label="Ngày"
                name="lunarDay"
                required
                value={lunarDay}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                onChange={(e) => setLunarDay(e.target.value)}
                {...errors.at('lunar.day')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                select
                label="Tháng"
                name="lunarMonth"
                value={lunarMonth}
                onChange={(e) => setLunarMonth(Number(e.target.value))}
                {...errors.at(
                  'lunar.month',
                  leapMonth ? `Năm ${year} âm lịch có tháng ${LUNAR_MONTH_NAMES[leapMonth - 1]} nhuận` : undefined,
                )}
              >
                {LUNAR_MONTH_NAMES.map((m, i) => (
                  <MenuItem key={m} value={i + 1}>
                    Tháng {m}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={12} sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: -1 }}>
              <FormControlLabel control={<Checkbox checked={leap} onChange={(e) => setLeap(e.target.checked)} />} label="Tháng nhuận" />
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
          <TextField
            select
            label="Loại"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as AdjustmentKind)}
            {...errors.at('kind', ADJUSTMENT_HELP[kind])}
          >
            {ADJUSTMENT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {ADJUSTMENT_LABELS[k]}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Ghi chú"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...errors.at('name', 'Ví dụ: Nghỉ bù Giỗ Tổ Hùng Vương')}
          />
        </Grid>
        <Grid size={12}>
          <Button type="submit" variant="contained" disabled={add.isPending}>
            Thêm vào bảng
          </Button>
        </Grid>
      </Grid>
    </Box>
  );
}
