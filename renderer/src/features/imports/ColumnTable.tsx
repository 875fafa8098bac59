import { Link, MenuItem, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { ColumnMapping, ImportSheet } from '../../../../shared/contract/imports';
import { IMPORT_FIELDS, IMPORT_FIELD_KEYS, SEX_LABELS, type ImportField } from '../../../../shared/domain/learner-fields';

type SheetColumn = ImportSheet['columns'][number];

/** A select value for every way a column can be read: a field, a sex mark, or nothing. */
export function encode(m: ColumnMapping): string {
  return m.sexMark ? `sex:${m.sexMark}` : (m.field ?? '');
}
function decode(col: number, value: string): ColumnMapping {
  if (value === 'sex:nam' || value === 'sex:nu') return { col, field: 'sex', sexMark: value.slice(4) as 'nam' | 'nu' };
  return { col, field: (value || null) as ImportField | null };
}
function label(m: ColumnMapping): string {
  if (m.sexMark) return `Giới tính: đánh dấu là ${SEX_LABELS[m.sexMark]}`;
  return m.field ? IMPORT_FIELDS[m.field] : 'Không nhập';
}

/** Each column of the sheet with its header, samples, and what it is read into. */
export function ColumnTable(props: {
  columns: SheetColumn[];
  current: (col: number) => ColumnMapping;
  /** Columns still read as the clerk chose last time. */
  remembered: SheetColumn[];
  sample: (text: string) => string;
  onSet: (m: ColumnMapping) => void;
}) {
  return (
    <Paper>
      <Table size="small" aria-label="Chọn cột">
        <TableHead>
          <TableRow>
            <TableCell width={60}>Cột</TableCell>
            <TableCell sx={{ minWidth: 200 }}>Tiêu đề trong tệp</TableCell>
            <TableCell>Ví dụ</TableCell>
            <TableCell width={300}>Nhập vào</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.columns.map((c) => {
            const m = props.current(c.col);
            const remembered = props.remembered.includes(c);
            return (
              <TableRow key={c.col}>
                <TableCell>{c.letter}</TableCell>
                <TableCell>
                  {c.header || (
                    <Typography color="text.secondary" variant="body2">
                      (không có tiêu đề)
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>{c.samples.map(props.sample).join(' · ')}</TableCell>
                <TableCell>
                  <TextField
                    select
                    value={encode(m)}
                    onChange={(e) => props.onSet(decode(c.col, e.target.value))}
                    slotProps={{
                      select: { displayEmpty: true },
                      htmlInput: { 'aria-label': `Cột ${c.letter} nhập vào` },
                      formHelperText: { sx: { mx: 0 } },
                    }}
                    helperText={
                      remembered ? (
                        <>
                          theo lần nhập trước ·{' '}
                          <Link component="button" type="button" variant="caption" onClick={() => props.onSet(c.guess)}>
                            theo tiêu đề: {label(c.guess)}
                          </Link>
                        </>
                      ) : undefined
                    }
                    fullWidth
                  >
                    <MenuItem value="">
                      <em>Không nhập</em>
                    </MenuItem>
                    {IMPORT_FIELD_KEYS.map((f) => (
                      <MenuItem key={f} value={f}>
                        {IMPORT_FIELDS[f]}
                      </MenuItem>
                    ))}
                    {(['nam', 'nu'] as const).map((sex) => (
                      <MenuItem key={sex} value={`sex:${sex}`}>
                        {label({ col: c.col, field: 'sex', sexMark: sex })}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
