import {
  Box,
  Button,
  IconButton,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { useState } from 'react';
import { HELD_LEVELS, targetInput, type HeldLevel, type Target } from '../../../../shared/contract/levels';
import { THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { YearSelector } from '../../components/YearSelector';
import { useFormErrors } from '../../components/useFormErrors';
import { useYearParam } from './LevelReportTab';
import { useUnits } from '../units/queries';
import { useDeleteTarget, useLevelTargets, usePositionGroups, useSaveTarget } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

interface Draft {
  id?: number;
  groupId: string;
  baseUnitId: string;
  minLevel: HeldLevel;
  percent: string;
}
const EMPTY: Draft = { groupId: '', baseUnitId: '', minLevel: 'trung_cap', percent: '' };

/** The committee's targets of a year: who (a position group or every member), where, which level, what share. */
export function TargetsTab() {
  const [year, setYear] = useYearParam('chi-tieu');
  const targets = useLevelTargets(year);
  const groups = usePositionGroups();
  const units = useUnits(false);
  const bases = (units.data ?? []).filter((u) => u.kind === 'base');
  const [form, setForm] = useState<Draft>(EMPTY);
  const errors = useFormErrors();
  const save = useSaveTarget({
    onSuccess: () => {
      setForm(EMPTY);
      errors.clear();
    },
    onError: errors.fromError,
  });
  const [deleting, setDeleting] = useState<Target | null>(null);
  const remove = useDeleteTarget({ onSuccess: () => setDeleting(null) });
  const submit = () => {
    const input = {
      ...(form.id === undefined ? {} : { id: form.id }),
      year,
      groupId: form.groupId ? Number(form.groupId) : null,
      baseUnitId: form.baseUnitId ? Number(form.baseUnitId) : null,
      minLevel: form.minLevel,
      percent: form.percent.trim() === '' ? Number.NaN : Number(form.percent.replace(',', '.')),
    };
    if (errors.validate(targetInput, input)) save.mutate(input);
  };
  const edit = (t: Target) =>
    setForm({
      id: t.id,
      groupId: t.groupId ? String(t.groupId) : '',
      baseUnitId: t.baseUnitId ? String(t.baseUnitId) : '',
      minLevel: t.minLevel,
      percent: String(t.percent),
    });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 1.5, display: 'flex', alignItems: 'center', gap: 1.5 }}>
        <Typography component="span">Chỉ tiêu năm</Typography>
        <YearSelector year={year} onChange={setYear} />
      </Paper>
      <Paper
        component="form"
        aria-label={form.id === undefined ? 'Thêm chỉ tiêu' : 'Sửa chỉ tiêu'}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        sx={{ p: 2, display: 'grid', gridTemplateColumns: '2fr 2fr 1.2fr 1fr auto', gap: 1.5, alignItems: 'start' }}
      >
        <ErrorAlert error={errors.formError} sx={{ gridColumn: '1 / -1' }} />
        <TextField
          select
          label="Đối tượng"
          name="groupId"
          value={form.groupId}
          onChange={(e) => set('groupId', e.target.value)}
          {...errors.at('groupId')}
        >
          <MenuItem value="">Tất cả đảng viên (dự bị và chính thức)</MenuItem>
          {(groups.data ?? []).map((g) => (
            <MenuItem key={g.id} value={String(g.id)}>
              {g.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Tổ chức cơ sở đảng"
          name="baseUnitId"
          value={form.baseUnitId}
          onChange={(e) => set('baseUnitId', e.target.value)}
          {...errors.at('baseUnitId')}
        >
          <MenuItem value="">Tất cả</MenuItem>
          {bases.map((u) => (
            <MenuItem key={u.id} value={String(u.id)}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Trình độ từ"
          name="minLevel"
          value={form.minLevel}
          onChange={(e) => set('minLevel', e.target.value as HeldLevel)}
          {...errors.at('minLevel')}
        >
          {HELD_LEVELS.map((l) => (
            <MenuItem key={l} value={l}>
              {THEORY_LEVEL_LABELS[l]} trở lên
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Tỷ lệ (%)"
          name="percent"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          value={form.percent}
          onChange={(e) => set('percent', e.target.value)}
          {...errors.at('percent')}
        />
        <Box sx={{ display: 'flex', gap: 1, pt: 0.5 }}>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {form.id === undefined ? 'Thêm' : 'Lưu'}
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
      <ErrorAlert error={remove.error} />
      <Paper>
        <Table size="small" aria-label={`Chỉ tiêu năm ${year}`}>
          <TableHead>
            <TableRow>
              <TableCell>Đối tượng</TableCell>
              <TableCell>Tổ chức cơ sở đảng</TableCell>
              <TableCell>Trình độ</TableCell>
              <TableCell align="right">Tỷ lệ</TableCell>
              <TableCell align="right">Thao tác</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {targets.data?.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>Năm {year} chưa có chỉ tiêu nào.</TableCell>
              </TableRow>
            )}
            {(targets.data ?? []).map((t) => (
              <TableRow key={t.id} selected={form.id === t.id}>
                <TableCell>{t.groupName ?? 'Tất cả đảng viên'}</TableCell>
                <TableCell>{t.baseUnitName ?? 'Tất cả'}</TableCell>
                <TableCell>{THEORY_LEVEL_LABELS[t.minLevel]} trở lên</TableCell>
                <TableCell align="right">{t.percent}%</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title="Sửa">
                    <IconButton size="small" aria-label={`Sửa chỉ tiêu ${t.groupName ?? 'đảng viên'}`} onClick={() => edit(t)}>
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Xóa">
                    <IconButton size="small" aria-label={`Xóa chỉ tiêu ${t.groupName ?? 'đảng viên'}`} onClick={() => setDeleting(t)}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <ConfirmDialog
        open={deleting !== null}
        title="Xóa chỉ tiêu?"
        confirmLabel="Xóa"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      >
        Xóa chỉ tiêu «{deleting?.groupName ?? 'Tất cả đảng viên'},{' '}
        {deleting ? THEORY_LEVEL_LABELS[deleting.minLevel].toLocaleLowerCase('vi') : ''} trở lên {deleting?.percent}%» của năm {year}; báo
        cáo năm này không còn phần của chỉ tiêu đó.
      </ConfirmDialog>
    </Box>
  );
}
