import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, Grid, IconButton, TextField, Typography } from '@mui/material';
import { DEFAULT_BANDS, PASS_FAIL_BANDS, type Band } from '../../../../shared/domain/grading';
import { formatScore } from '../../../../shared/domain/format';
import { newKey, type ProgramForm } from './program-form';

type At = (path: string, helper?: string) => { error: boolean; helperText?: string };

function bandsToForm(bands: Band[]): ProgramForm['bands'] {
  return bands.map((b) => ({ key: newKey(), label: b.label, min: formatScore(b.min), max: formatScore(b.max) }));
}

/** The components that are scored (essay; or tests and a final) and the classification bands over the total. */
export function AssessmentEditor(props: {
  form: ProgramForm;
  onChange: (patch: Partial<ProgramForm>) => void;
  at: At;
  fields: Record<string, string>;
}) {
  const { form, onChange, at } = props;
  const components = form.components;
  const bands = form.bands;
  const setComponent = (i: number, patch: Partial<ProgramForm['components'][number]>) =>
    onChange({ components: components.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setBand = (i: number, patch: Partial<ProgramForm['bands'][number]>) =>
    onChange({ bands: bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });

  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          Nội dung đánh giá
        </Typography>
        {components.map((c, i) => (
          <Box key={c.key} sx={{ display: 'flex', gap: 1, mb: 1, alignItems: 'flex-start' }}>
            <TextField
              label="Tên"
              name={`components.${i}.name`}
              value={c.name}
              onChange={(e) => setComponent(i, { name: e.target.value })}
              sx={{ flex: 3 }}
              {...at(`components.${i}.name`)}
            />
            <TextField
              label="Trọng số (%)"
              name={`components.${i}.weight`}
              value={c.weight}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => setComponent(i, { weight: e.target.value })}
              sx={{ flex: 2 }}
              {...at(`components.${i}.weight`)}
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
        {props.fields.components && (
          <Typography color="error" variant="body2">
            {props.fields.components}
          </Typography>
        )}
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
            <TextField
              label="Xếp loại"
              name={`bands.${i}.label`}
              value={b.label}
              onChange={(e) => setBand(i, { label: e.target.value })}
              sx={{ flex: 3 }}
              {...at(`bands.${i}.label`)}
            />
            <TextField
              label="Từ điểm"
              name={`bands.${i}.min`}
              value={b.min}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              onChange={(e) => setBand(i, { min: e.target.value })}
              sx={{ flex: 2 }}
              {...at(`bands.${i}.min`)}
            />
            <TextField
              label={b.max.trim() === '10' || b.max.trim() === '10,0' ? 'Đến điểm' : 'Đến dưới'}
              name={`bands.${i}.max`}
              value={b.max}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              onChange={(e) => setBand(i, { max: e.target.value })}
              sx={{ flex: 2 }}
              {...at(`bands.${i}.max`)}
            />
            <IconButton aria-label={`Xóa mức xếp loại ${i + 1}`} onClick={() => onChange({ bands: bands.filter((_, j) => j !== i) })}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
        <Button startIcon={<AddIcon />} onClick={() => onChange({ bands: [...bands, { key: newKey(), label: '', min: '', max: '' }] })}>
          Thêm mức xếp loại
        </Button>
        {props.fields.bands && (
          <Typography color="error" variant="body2">
            {props.fields.bands}
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}
