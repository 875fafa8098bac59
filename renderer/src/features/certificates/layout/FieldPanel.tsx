import FormatAlignCenterIcon from '@mui/icons-material/FormatAlignCenter';
import FormatAlignLeftIcon from '@mui/icons-material/FormatAlignLeft';
import FormatAlignRightIcon from '@mui/icons-material/FormatAlignRight';
import FormatBoldIcon from '@mui/icons-material/FormatBold';
import FormatItalicIcon from '@mui/icons-material/FormatItalic';
import { Box, Button, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import {
  CERTIFICATE_FIELD_KEYS,
  CERTIFICATE_FIELD_LABELS,
  type CertificateField,
  type CertificateFieldKey,
} from '../../../../../shared/domain/certificate-layout';
import { NumberField } from './NumberField';

/** The type's two switches: the field's flag, what a screen reader says of it, its icon. */
const STYLES = [
  { key: 'bold', label: 'Chữ đậm', Icon: FormatBoldIcon },
  { key: 'italic', label: 'Chữ nghiêng', Icon: FormatItalicIcon },
] as const;

/** The alignments, each with what a screen reader says of it and its icon. */
const ALIGNS = [
  { value: 'left', label: 'Căn trái', Icon: FormatAlignLeftIcon },
  { value: 'center', label: 'Căn giữa', Icon: FormatAlignCenterIcon },
  { value: 'right', label: 'Căn phải', Icon: FormatAlignRightIcon },
] as const;

/** The chosen field's position, size and type, typed in millimetres and points. */
export function FieldPanel(props: {
  fields: CertificateField[];
  selected: CertificateFieldKey | null;
  errors: Record<string, string>;
  onSelect: (key: CertificateFieldKey) => void;
  onChange: (key: CertificateFieldKey, patch: Partial<CertificateField>) => void;
  onRemove: (key: CertificateFieldKey) => void;
  onAdd: (key: CertificateFieldKey) => void;
}) {
  const index = props.fields.findIndex((f) => f.key === props.selected);
  const field = index >= 0 ? props.fields[index]! : null;
  const missing = CERTIFICATE_FIELD_KEYS.filter((k) => !props.fields.some((f) => f.key === k));
  const err = (name: keyof CertificateField) => props.errors[`fields.${index}.${name}`];
  const set = (patch: Partial<CertificateField>) => field && props.onChange(field.key, patch);

  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Typography variant="h2" sx={{ mt: 1 }}>
        Trường in
      </Typography>
      <TextField
        select
        size="small"
        label="Trường đang chọn"
        value={field?.key ?? ''}
        onChange={(e) => props.onSelect(e.target.value as CertificateFieldKey)}
      >
        {props.fields.map((f) => (
          <MenuItem key={f.key} value={f.key}>
            {CERTIFICATE_FIELD_LABELS[f.key]}
          </MenuItem>
        ))}
      </TextField>
      {field && (
        <>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <NumberField label="Ngang x (mm)" value={field.x} onChange={(x) => set({ x })} error={err('x')} />
            <NumberField label="Dọc y (mm)" value={field.y} onChange={(y) => set({ y })} error={err('y')} />
            <NumberField
              label={field.key === 'qr' ? 'Cạnh (mm)' : 'Rộng (mm)'}
              value={field.width}
              onChange={(width) => set({ width })}
              error={err('width')}
            />
            {field.key !== 'qr' && (
              <NumberField label="Cỡ chữ (pt)" value={field.fontSize} onChange={(fontSize) => set({ fontSize })} error={err('fontSize')} />
            )}
          </Box>
          {field.key !== 'qr' && (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              {STYLES.map(({ key, label, Icon }) => (
                <ToggleButton
                  key={key}
                  size="small"
                  value={key}
                  selected={field[key]}
                  onChange={() => set({ [key]: !field[key] })}
                  aria-label={label}
                >
                  <Icon />
                </ToggleButton>
              ))}
              <ToggleButtonGroup
                size="small"
                exclusive
                value={field.align}
                onChange={(_e, align: CertificateField['align'] | null) => align && set({ align })}
                aria-label="Căn lề"
              >
                {ALIGNS.map(({ value, label, Icon }) => (
                  <ToggleButton key={value} value={value} aria-label={label}>
                    <Icon />
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            </Box>
          )}
          <Box>
            <Button color="error" size="small" onClick={() => props.onRemove(field.key)}>
              Bỏ «{CERTIFICATE_FIELD_LABELS[field.key]}» khỏi mẫu
            </Button>
          </Box>
        </>
      )}
      {missing.length > 0 && (
        <TextField select size="small" label="Thêm trường" value="" onChange={(e) => props.onAdd(e.target.value as CertificateFieldKey)}>
          {missing.map((k) => (
            <MenuItem key={k} value={k}>
              {CERTIFICATE_FIELD_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Box>
  );
}
