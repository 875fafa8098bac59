import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, Grid, IconButton, TextField, Typography } from '@mui/material';
import { DEFAULT_BANDS, PASS_FAIL_BANDS, type Band } from '../../../../shared/domain/grading';
import { formatScore } from '../../../../shared/domain/format';
import { ListError } from '../../components/form/ListError';
import { rowText, type RowList } from '../../components/form/row-fields';
import { newKey, type ProgramForm } from './program-form';

function bandsToForm(bands: Band[]): ProgramForm['bands'] {
  return bands.map((b) => ({ key: newKey(), label: b.label, min: formatScore(b.min), max: formatScore(b.max) }));
}

/** The components that are scored (essay; or tests and a final) and the classification bands over the total. */
export function AssessmentEditor(props: {
  form: ProgramForm;
  onChange: (patch: Partial<ProgramForm>) => void;
  at: RowList<unknown>['at'];
  fields: Record<string, string>;
}) {
  const { form, onChange, at } = props;
  const components = form.components;
  const bands = form.bands;
  const componentRows: RowList<ProgramForm['components'][number]> = {
    name: 'components',
    rows: components,
    onChange: (rows) => onChange({ components: rows }),
    at,
  };
  const bandRows: RowList<ProgramForm['bands'][number]> = { name: 'bands', rows: bands, onChange: (rows) => onChange({ bands: rows }), at };

  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          Nội dung đánh giá
        </Typography>
        {components.map((c, i) => (
          <Box key={c.key} sx={{ display: 'flex', gap: 1, mb: 1, alignItems: 'flex-start' }}>
            <TextField label="Tên" sx={{ flex: 3 }} {...rowText(componentRows, i, 'name')} />
            <TextField
              label="Trọng số (%)"
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ flex: 2 }}
              {...rowText(componentRows, i, 'weight')}
            />
            <IconButton
              aria-label={`Xóa nội dung đánh giá ${i + 1}`}
              onClick={() => onChange({ components: components.filter((_, j) => j !== i) })}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
        {components.length === 0 && (
          <Typography color="text.secondary" variant="body2" sx={{ mb: 1 }}>
            Không đánh giá (chỉ theo dõi chuyên cần).
          </Typography>
        )}
        <Button
          startIcon={<AddIcon />}
          onClick={() =>
            onChange({
              components: [
                ...components,
                { key: newKey(), name: components.length ? '' : 'Bài thu hoạch', weight: components.length ? '' : '100' },
              ],
              bands: bands.length ? bands : bandsToForm(DEFAULT_BANDS),
            })
          }
        >
          Thêm nội dung đánh giá
        </Button>
        <ListError error={props.fields.components} />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
            Xếp loại theo điểm (thang 10)
          </Typography>
          <Button size="small" onClick={() => onChange({ bands: bandsToForm(DEFAULT_BANDS) })}>
            5 mức
          </Button>
          <Button size="small" onClick={() => onChange({ bands: bandsToForm(PASS_FAIL_BANDS) })}>
            Đạt / Không đạt
          </Button>
        </Box>
        {bands.map((b, i) => (
          <Box key={b.key} sx={{ display: 'flex', gap: 1, mb: 1, alignItems: 'flex-start' }}>
            <TextField label="Xếp loại" sx={{ flex: 3 }} {...rowText(bandRows, i, 'label')} />
            {(['min', 'max'] as const).map((end) => (
              <TextField
                key={end}
                label={end === 'min' ? 'Từ điểm' : b.max.trim() === '10' || b.max.trim() === '10,0' ? 'Đến điểm' : 'Đến dưới'}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                sx={{ flex: 2 }}
                {...rowText(bandRows, i, end)}
              />
            ))}
            <IconButton aria-label={`Xóa mức xếp loại ${i + 1}`} onClick={() => onChange({ bands: bands.filter((_, j) => j !== i) })}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
        <Button startIcon={<AddIcon />} onClick={() => onChange({ bands: [...bands, { key: newKey(), label: '', min: '', max: '' }] })}>
          Thêm mức xếp loại
        </Button>
        <ListError error={props.fields.bands} />
      </Grid>
    </Grid>
  );
}
