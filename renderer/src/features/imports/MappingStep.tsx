import { Alert, Autocomplete, Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import type { ColumnMapping, FontChoice, ImportSheet } from '../../../../shared/contract/imports';
import { formatNumber } from '../../../../shared/domain/format';
import { decodeLegacy } from '../../../../shared/domain/legacy-vietnamese';
import { IMPORT_FIELDS, IMPORT_FIELD_KEYS } from '../../../../shared/domain/learner-fields';
import { useUnits } from '../units/queries';
import { ColumnTable, encode } from './ColumnTable';
import { InfoWithAction, LegacyFontNotice } from './LegacyFontNotice';
import { ErrorAlert } from '../../components/form/ErrorAlert';

export function MappingStep(props: {
  sheets: ImportSheet[];
  sheetIndex: number;
  onSheet: (index: number) => void;
  mapping: ColumnMapping[];
  onMapping: (m: ColumnMapping[]) => void;
  firstDataRow: string;
  onFirstDataRow: (v: string) => void;
  defaultUnitId: number | null;
  onDefaultUnit: (id: number | null) => void;
  fontChoice: FontChoice | null;
  onFontChoice: (choice: FontChoice | null) => void;
  onAnalyze: () => void;
  busy: boolean;
  error: string | null;
}) {
  const sheet = props.sheets.find((s) => s.index === props.sheetIndex)!;
  const units = useUnits();
  const mapped = props.mapping.filter((m) => m.field).length;
  const current = (col: number) => props.mapping.find((x) => x.col === col) ?? { col, field: null };
  // The samples show what will be imported: converted once the clerk chose so.
  const legacy = sheet.legacyFont;
  const sample = (t: string) => (legacy && props.fontChoice === 'convert' ? decodeLegacy(t, legacy.font) : t);
  const set = (m: ColumnMapping) => props.onMapping([...props.mapping.filter((x) => x.col !== m.col), m]);
  // Still on the clerk's earlier choice: a column changed here is the clerk's choice for this time.
  const fromMemory = sheet.columns.filter((c) => c.remembered && encode(current(c.col)) === encode(c.mapping));
  // Two columns into one field are read as one value joined with a space: rarely what the clerk meant.
  const shared = IMPORT_FIELD_KEYS.flatMap((f) => {
    const cols = sheet.columns.filter((c) => current(c.col).field === f && !current(c.col).sexMark);
    return cols.length > 1
      ? [`Các cột ${cols.map((c) => c.letter).join(', ')} cùng nhập vào «${IMPORT_FIELDS[f]}»: giá trị sẽ được ghép nối vào nhau.`]
      : [];
  });
  return (
    <Box>
      <Paper sx={{ p: 2, mb: 2 }}>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          {props.sheets.length > 1 && (
            <TextField
              select
              label="Trang tính"
              value={props.sheetIndex}
              onChange={(e) => props.onSheet(Number(e.target.value))}
              sx={{ width: 240 }}
            >
              {props.sheets.map((s) => (
                <MenuItem key={s.index} value={s.index}>
                  {s.name}
                  {s.hidden ? ' (ẩn)' : ''} — {formatNumber(s.dataRows)} dòng
                </MenuItem>
              ))}
            </TextField>
          )}
          <Typography>{sheet.headerRow ? `Dòng tiêu đề cột: ${sheet.headerRow}.` : 'Không tìm thấy dòng tiêu đề.'}</Typography>
          <TextField
            label="Dữ liệu bắt đầu từ dòng"
            name="firstDataRow"
            value={props.firstDataRow}
            onChange={(e) => props.onFirstDataRow(e.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 200 }}
          />
          <Autocomplete
            sx={{ minWidth: 320, flexGrow: 1 }}
            options={(units.data ?? []).filter((u) => !u.archivedAt)}
            getOptionLabel={(u) => u.name}
            value={units.data?.find((u) => u.id === props.defaultUnitId) ?? null}
            onChange={(_e, u) => props.onDefaultUnit(u?.id ?? null)}
            renderInput={(p) => <TextField {...p} label="Chi bộ cử đi học (cho người không ghi chi bộ)" />}
          />
        </Box>
        {fromMemory.length > 0 && (
          <InfoWithAction
            action="Không dùng cách đã nhớ"
            onAction={() => props.onMapping(props.mapping.map((m) => fromMemory.find((c) => c.col === m.col)?.guess ?? m))}
          >
            {fromMemory.length === 1 ? 'Một cột' : `${formatNumber(fromMemory.length)} cột`} được chọn như lần nhập trước có cùng tiêu đề
            (ghi «theo lần nhập trước»); vẫn có thể đổi. Cách chọn ở lần này được nhớ khi nhập vào sổ.
          </InfoWithAction>
        )}
        {legacy && <LegacyFontNotice legacyFont={legacy} choice={props.fontChoice} onChoose={props.onFontChoice} />}
        {sheet.warnings.map((w) => (
          <Alert key={w} severity="warning" sx={{ mt: 2 }}>
            {w}
          </Alert>
        ))}
      </Paper>
      <ColumnTable columns={sheet.columns} current={current} remembered={fromMemory} sample={sample} onSet={set} />
      {shared.map((w) => (
        <Alert key={w} severity="warning" sx={{ mt: 2 }}>
          {w}
        </Alert>
      ))}
      <ErrorAlert error={props.error} sx={{ mt: 2 }} />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2, gap: 2, alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          Đã chọn {mapped} cột
        </Typography>
        <Button variant="contained" onClick={props.onAnalyze} disabled={props.busy}>
          Kiểm tra danh sách
        </Button>
      </Box>
    </Box>
  );
}
