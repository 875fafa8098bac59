import { Box, Button, Chip, Paper, TextField, Typography } from '@mui/material';
import type { PositionGroup } from '../../../../shared/contract/levels';
import { RemoveDialog, useRemoval } from '../../components/RemoveDialog';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormBox } from '../../components/form/FormBox';
import { RowFormActions } from '../../components/form/RowFormActions';
import { useRowForm } from '../../components/form/useRowForm';
import { GROUPS_AND_TARGETS, useDeleteGroup, usePositionGroups } from './queries';

interface Draft {
  id?: number;
  name: string;
  titles: string;
}

const toInput = (form: Draft) => ({
  ...(form.id === undefined ? {} : { id: form.id }),
  name: form.name,
  titles: form.titles
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean),
});

/**
 * Named groups of position titles («Cán bộ chủ chốt cấp xã»): a person belongs when a post in their
 * position starts with one of the titles, ignoring diacritics («Bí thư chi bộ» finds «Bí thư Chi bộ thôn 3»).
 */
export function GroupsTab() {
  const groups = usePositionGroups();
  const f = useRowForm('levels.saveGroup', { empty: { name: '', titles: '' }, toInput, invalidates: GROUPS_AND_TARGETS });
  const removal = useRemoval<PositionGroup>(useDeleteGroup, { closeOnError: true });
  const edit = (g: PositionGroup) => f.setForm({ id: g.id, name: g.name, titles: g.titles.join('\n') });
  // A list's message sits on the list itself or on one of its lines.
  const titlesError = f.errors.fields.titles ?? Object.entries(f.errors.fields).find(([k]) => k.startsWith('titles.'))?.[1];
  const title = f.editing ? 'Sửa nhóm chức vụ' : 'Thêm nhóm chức vụ';
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 2, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        <ErrorAlert error={removal.error} />
        {(groups.data ?? []).map((g) => (
          <Paper key={g.id} sx={{ p: 1.5 }} component="section" aria-label={g.name}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>{g.name}</Typography>
              <Typography variant="body2" color="text.secondary">
                {g.targetCount > 0 ? `Dùng trong ${g.targetCount} chỉ tiêu` : 'Chưa dùng'}
              </Typography>
              <Button size="small" onClick={() => edit(g)} aria-label={`Sửa nhóm ${g.name}`}>
                Sửa
              </Button>
              <Button size="small" color="error" onClick={() => removal.ask(g)} aria-label={`Xóa nhóm ${g.name}`}>
                Xóa
              </Button>
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 1 }}>
              {g.titles.map((t) => (
                <Chip key={t} size="small" label={t} />
              ))}
            </Box>
          </Paper>
        ))}
      </Box>
      <FormBox paper aria-label={title} onSubmit={f.submit} sx={{ p: 2, display: 'grid', gap: 1.5 }}>
        <Typography variant="h2">{title}</Typography>
        <ErrorAlert error={f.formError} />
        <TextField label="Tên nhóm" {...f.text('name')} />
        <TextField
          label="Các chức vụ (mỗi dòng một chức vụ)"
          multiline
          minRows={6}
          maxRows={12}
          {...f.text('titles')}
          error={titlesError !== undefined}
          helperText={titlesError ?? 'Khớp với phần đầu của từng chức vụ trong hồ sơ, không phân biệt dấu.'}
        />
        <RowFormActions form={f} label="Lưu nhóm" />
      </FormBox>
      <RemoveDialog removal={removal} title="Xóa nhóm chức vụ?">
        Xóa nhóm «{removal.target?.name}» và {removal.target?.titles.length ?? 0} chức vụ trong nhóm. Hồ sơ của mọi người không thay đổi.
      </RemoveDialog>
    </Box>
  );
}
