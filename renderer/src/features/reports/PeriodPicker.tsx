import { Box, Chip, MenuItem, TextField } from '@mui/material';
import type { ReportPeriod } from '../../../../shared/contract/reports';
import { PARTY_TERMS } from './period';

type Kind = 'year' | 'm6' | 'm9' | 'range';

function kindOf(p: ReportPeriod): Kind {
  return p.kind === 'months' ? (p.months === 6 ? 'm6' : 'm9') : p.kind;
}

/** Year, first 6 or 9 months, or a span of years with the Party terms one click away. */
export function PeriodPicker({
  period,
  years,
  onChange,
  error,
}: {
  period: ReportPeriod;
  years: number[];
  onChange: (p: ReportPeriod) => void;
  error?: string;
}) {
  const kind = kindOf(period);
  const year = period.kind === 'range' ? period.toYear : period.year;
  const setKind = (k: Kind) => {
    if (k === 'year') onChange({ kind: 'year', year });
    else if (k === 'm6' || k === 'm9') onChange({ kind: 'months', year, months: k === 'm6' ? 6 : 9 });
    else onChange({ kind: 'range', fromYear: year - 4, toYear: year });
  };
  const yearSelect = (label: string, value: number, set: (y: number) => void) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => set(Number(e.target.value))}
      sx={{ width: 120 }}
      error={Boolean(error)}
    >
      {[...new Set([...years, value])]
        .sort((a, b) => b - a)
        .map((y) => (
          <MenuItem key={y} value={y}>
            {y}
          </MenuItem>
        ))}
    </TextField>
  );
  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField select size="small" label="Kỳ báo cáo" value={kind} onChange={(e) => setKind(e.target.value as Kind)} sx={{ width: 220 }}>
        <MenuItem value="year">Cả năm</MenuItem>
        <MenuItem value="m6">6 tháng đầu năm</MenuItem>
        <MenuItem value="m9">9 tháng đầu năm</MenuItem>
        <MenuItem value="range">Nhiều năm (nhiệm kỳ)</MenuItem>
      </TextField>
      {period.kind !== 'range' && yearSelect('Năm', period.year, (y) => onChange({ ...period, year: y }))}
      {period.kind === 'range' && (
        <>
          {yearSelect('Từ năm', period.fromYear, (y) => onChange({ ...period, fromYear: y }))}
          {yearSelect('Đến năm', period.toYear, (y) => onChange({ ...period, toYear: y }))}
          {PARTY_TERMS.map(([a, b]) => (
            <Chip
              key={a}
              label={`Nhiệm kỳ ${a}–${b}`}
              variant={period.fromYear === a && period.toYear === b ? 'filled' : 'outlined'}
              color={period.fromYear === a && period.toYear === b ? 'primary' : 'default'}
              onClick={() => onChange({ kind: 'range', fromYear: a, toYear: b })}
            />
          ))}
        </>
      )}
    </Box>
  );
}
