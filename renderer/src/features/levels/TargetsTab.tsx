import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Box, IconButton, Paper, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { HELD_LEVELS, type HeldLevel, type Target } from '../../../../shared/contract/levels';
import { THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { RemoveDialog, useRemoval } from '../../components/RemoveDialog';
import { YearSelector } from '../../components/YearSelector';
import { bind } from '../../components/form/bind';
import { bindId } from '../../components/form/bindId';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { EnumSelect } from '../../components/form/EnumSelect';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormBox } from '../../components/form/FormBox';
import { RowFormActions } from '../../components/form/RowFormActions';
import { useRowForm } from '../../components/form/useRowForm';
import { useUnits } from '../units/queries';
import { useYearParam } from './LevelReportTab';
import { GROUPS_AND_TARGETS, useDeleteTarget, useLevelTargets, usePositionGroups } from './queries';
import { NumberField } from '../../components/form/NumberField';

interface Draft {
  id?: number;
  groupId: number | null;
  baseUnitId: number | null;
  minLevel: HeldLevel;
  percent: string;
}
const EMPTY: Draft = { groupId: null, baseUnitId: null, minLevel: 'trung_cap', percent: '' };
const AT_LEAST = Object.fromEntries(HELD_LEVELS.map((l) => [l, `${THEORY_LEVEL_LABELS[l]} trở lên`])) as Record<HeldLevel, string>;

/** The committee's targets of a year: who (a position group or every member), where, which level, what share. */
export function TargetsTab() {
  const [year, setYear] = useYearParam('chi-tieu');
  const targets = useLevelTargets(year);
  const groups = usePositionGroups();
  const units = useUnits(false);
  const bases = (units.data ?? []).filter((u) => u.kind === 'base');
  const f = useRowForm('levels.saveTarget', {
    empty: EMPTY,
    toInput: (form: Draft) => ({
      ...(form.id === undefined ? {} : { id: form.id }),
      year,
      groupId: form.groupId,
      baseUnitId: form.baseUnitId,
      minLevel: form.minLevel,
      percent: form.percent.trim() === '' ? Number.NaN : Number(form.percent.replace(',', '.')),
    }),
    invalidates: GROUPS_AND_TARGETS,
  });
  const removal = useRemoval<Target>(useDeleteTarget);
  const deleting = removal.target;
  const edit = (t: Target) =>
    f.setForm({
      id: t.id,
      groupId: t.groupId,
      baseUnitId: t.baseUnitId,
      minLevel: t.minLevel,
      percent: String(t.percent),
    });
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 1.5, display: 'flex', alignItems: 'center', gap: 1.5 }}>
        <Typography component="span">Chỉ tiêu năm</Typography>
        <YearSelector year={year} onChange={setYear} />
      </Paper>
      <FormBox
        paper
        aria-label={f.editing ? 'Sửa chỉ tiêu' : 'Thêm chỉ tiêu'}
        onSubmit={f.submit}
        sx={{ p: 2, display: 'grid', gridTemplateColumns: '2fr 2fr 1.2fr 1fr auto', gap: 1.5, alignItems: 'start' }}
      >
        <ErrorAlert error={f.formError} sx={{ gridColumn: '1 / -1' }} />
        <ChoiceSelect
          label="Đối tượng"
          empty="Tất cả đảng viên (dự bị và chính thức)"
          choices={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          {...bindId(f, 'groupId')}
        />
        <ChoiceSelect
          label="Tổ chức cơ sở đảng"
          empty="Tất cả"
          choices={bases.map((u) => ({ value: u.id, label: u.name }))}
          {...bindId(f, 'baseUnitId')}
        />
        <EnumSelect label="Trình độ từ" options={HELD_LEVELS} labels={AT_LEAST} {...bind(f, 'minLevel')} />
        <NumberField label="Tỷ lệ (%)" {...f.text('percent')} />
        <RowFormActions form={f} label={f.editing ? 'Lưu' : 'Thêm'} sx={{ pt: 0.5 }} />
      </FormBox>
      <ErrorAlert error={removal.error} />
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
              <TableRow key={t.id} selected={f.form.id === t.id}>
                <TableCell>{t.groupName ?? 'Tất cả đảng viên'}</TableCell>
                <TableCell>{t.baseUnitName ?? 'Tất cả'}</TableCell>
                <TableCell>{AT_LEAST[t.minLevel]}</TableCell>
                <TableCell align="right">{t.percent}%</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title="Sửa">
                    <IconButton size="small" aria-label={`Sửa chỉ tiêu ${t.groupName ?? 'đảng viên'}`} onClick={() => edit(t)}>
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Xóa">
                    <IconButton size="small" aria-label={`Xóa chỉ tiêu ${t.groupName ?? 'đảng viên'}`} onClick={() => removal.ask(t)}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <RemoveDialog removal={removal} title="Xóa chỉ tiêu?">
        Xóa chỉ tiêu «{deleting?.groupName ?? 'Tất cả đảng viên'},{' '}
        {deleting ? THEORY_LEVEL_LABELS[deleting.minLevel].toLocaleLowerCase('vi') : ''} trở lên {deleting?.percent}%» của năm {year}; báo
        cáo năm này không còn phần của chỉ tiêu đó.
      </RemoveDialog>
    </Box>
  );
}
