import { Box, Button, Chip, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { positionGroupInput, type PositionGroup } from '../../../../shared/contract/levels';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useFormErrors } from '../../components/useFormErrors';
import { useDeleteGroup, usePositionGroups, useSaveGroup } from './queries';

interface Draft {
  id?: number;
  name: string;
  titles: string;
}
const EMPTY: Draft = { name: '', titles: '' };

/**
 * Named groups of position titles («Cán bộ chủ chốt cấp xã»): a person belongs when a post in their
 * position starts with one of the titles, ignoring diacritics («Bí thư chi bộ» finds «Bí thư Chi bộ thôn 3»).
 */
export function GroupsTab() {
  const groups = usePositionGroups();
  const [form, setForm] = useState<Draft>(EMPTY);
  const errors = useFormErrors();
  const save = useSaveGroup({
    onSuccess: () => {
      setForm(EMPTY);
      errors.clear();
    },
    onError: errors.fromError,
  });
  const [deleting, setDeleting] = useState<PositionGroup | null>(null);
  const remove = useDeleteGroup({ onSettled: () => setDeleting(null) });
  const submit = () => {
    const input = {
      ...(form.id === undefined ? {} : { id: form.id }),
      name: form.name,
      titles: form.titles
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean),
    };
    if (errors.validate(positionGroupInput, input)) save.mutate(input);
  };
  const edit = (g: PositionGroup) => setForm({ id: g.id, name: g.name, titles: g.titles.join('\n') });
  // A list's message sits on the list itself or on one of its lines.
  const titlesError = errors.fields.titles ?? Object.entries(errors.fields).find(([k]) => k.startsWith('titles.'))?.[1];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 2, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        <ErrorAlert error={remove.error} />
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
              <Button size="small" color="error" onClick={() => setDeleting(g)} aria-label={`Xóa nhóm ${g.name}`}>
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
      <Paper
        component="form"
        aria-label={form.id === undefined ? 'Thêm nhóm chức vụ' : 'Sửa nhóm chức vụ'}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        sx={{ p: 2, display: 'grid', gap: 1.5 }}
      >
        <Typography variant="h2">{form.id === undefined ? 'Thêm nhóm chức vụ' : 'Sửa nhóm chức vụ'}</Typography>
        <ErrorAlert error={errors.formError} />
        <TextField
          label="Tên nhóm"
          name="name"
          value={form.name}
          onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
          {...errors.at('name')}
        />
        <TextField
          label="Các chức vụ (mỗi dòng một chức vụ)"
          name="titles"
          multiline
          minRows={6}
          maxRows={12}
          value={form.titles}
          onChange={(e) => setForm((f) => ({ ...f, titles: e.target.value }))}
          error={titlesError !== undefined}
          helperText={titlesError ?? 'Khớp với phần đầu của từng chức vụ trong hồ sơ, không phân biệt dấu.'}
        />
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            Lưu nhóm
          </Button>
          {form.id !== undefined && (
            <Button
              onClick={() => {
                setForm(EMPTY);
                errors.clear();
              }}
            >
              Hủy
            </Button>
          )}
        </Box>
      </Paper>
      <ConfirmDialog
        open={deleting !== null}
        title="Xóa nhóm chức vụ?"
        confirmLabel="Xóa"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      >
        Xóa nhóm «{deleting?.name}» và {deleting?.titles.length ?? 0} chức vụ trong nhóm. Hồ sơ của mọi người không thay đổi.
      </ConfirmDialog>
    </Box>
  );
}
