import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Paper,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { UNIT_KINDS, UNIT_KIND_LABELS, unitInput, type Unit } from '../../../../shared/contract/units';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { useFormErrors } from '../../components/useFormErrors';
import { useCommuneFilter, useCommunes } from '../reference/queries';
import { useUnits } from './queries';

type Draft = { id?: number; name: string; kind: Unit['kind']; parentId: number | null; communeCode: string | null };

function UnitDialog({ draft, onClose }: { draft: Draft | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const units = useUnits();
  const communes = useCommunes();
  const filterCommunes = useCommuneFilter();
  const [form, setForm] = useState<Draft>(draft ?? { name: '', kind: 'cell', parentId: null, communeCode: null });
  const save = useMutation({
    mutationFn: (d: Draft) => api.units.save(d),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['units.list'] });
      void queryClient.invalidateQueries({ queryKey: ['learners.search'] });
      onClose();
    },
    onError: errors.fromError,
  });
  const parents = (units.data ?? []).filter((u) => u.kind === 'base' && !u.archivedAt && u.id !== form.id);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{form.id ? 'Sửa đơn vị' : 'Thêm đơn vị'}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        {errors.formError && <Alert severity="error">{errors.formError}</Alert>}
        <TextField
          label="Tên đơn vị"
          name="name"
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          {...errors.at('name', form.id ? 'Đổi tên thì tên cũ vẫn được lưu lại và vẫn tìm được' : undefined)}
        />
        <TextField
          select
          label="Loại"
          name="kind"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as Unit['kind'] })}
          {...errors.at('kind')}
        >
          {UNIT_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {UNIT_KIND_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          options={parents}
          getOptionLabel={(u) => u.name}
          value={parents.find((u) => u.id === form.parentId) ?? null}
          onChange={(_e, u) => setForm({ ...form, parentId: u?.id ?? null })}
          renderInput={(p) => <TextField {...p} label="Trực thuộc tổ chức cơ sở đảng" {...errors.at('parentId')} />}
        />
        <Autocomplete
          options={communes.data ?? []}
          filterOptions={filterCommunes}
          getOptionLabel={(c) => `${c.name}, ${c.provinceName}`}
          value={communes.data?.find((c) => c.code === form.communeCode) ?? null}
          onChange={(_e, c) => setForm({ ...form, communeCode: c?.code ?? null })}
          renderInput={(p) => <TextField {...p} label="Xã, phường" {...errors.at('communeCode')} />}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Hủy</Button>
        <Button variant="contained" disabled={save.isPending} onClick={() => errors.validate(unitInput, form) && save.mutate(form)}>
          Lưu
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function MergeUnitDialog({ from, onClose }: { from: Unit; onClose: () => void }) {
  const queryClient = useQueryClient();
  const units = useUnits();
  const [intoId, setIntoId] = useState<number | null>(null);
  const [date, setDate] = useState(todayInVietnam());
  const merge = useMutation({
    mutationFn: () => api.units.merge({ fromId: from.id, intoId: intoId!, date }),
    onSuccess: () => {
      void queryClient.invalidateQueries();
      onClose();
    },
  });
  const targets = (units.data ?? []).filter((u) => u.id !== from.id && !u.archivedAt);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Sáp nhập «{from.name}»</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        {merge.isError && <Alert severity="error">{merge.error.message}</Alert>}
        <Typography variant="body2">
          {formatNumber(from.memberCount)} người sinh hoạt ở đơn vị này sẽ chuyển sang đơn vị mới. Đơn vị cũ được lưu trữ cùng tên và lịch
          sử; danh sách cũ ghi tên đơn vị cũ vẫn nhận ra được.
        </Typography>
        <Autocomplete
          options={targets}
          getOptionLabel={(u) => u.name}
          onChange={(_e, u) => setIntoId(u?.id ?? null)}
          renderInput={(p) => <TextField {...p} label="Sáp nhập vào" />}
        />
        <DateField label="Từ ngày" value={date} onChange={setDate} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Hủy</Button>
        <Button variant="contained" disabled={!intoId || !date || merge.isPending} onClick={() => merge.mutate()}>
          Sáp nhập
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function UnitsPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const units = useUnits(includeArchived);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [open, setOpen] = useState(false);
  const [merging, setMerging] = useState<Unit | null>(null);
  return (
    <Box sx={{ maxWidth: 1200 }}>
      <PageHeader
        title="Chi bộ, đảng bộ"
        subtitle="Danh mục tổ chức đảng cử người đi học. Đổi tên, sáp nhập đều giữ lại lịch sử."
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => (setEditing(null), setOpen(true))}>
            Thêm đơn vị
          </Button>
        }
      />
      <FormControlLabel
        control={<Switch checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />}
        label="Hiện cả đơn vị đã sáp nhập, lưu trữ"
      />
      {units.isError && <Alert severity="error">{units.error.message}</Alert>}
      <Paper sx={{ mt: 1 }}>
        <Table size="small" aria-label="Chi bộ, đảng bộ">
          <TableHead>
            <TableRow>
              <TableCell>Tên đơn vị</TableCell>
              <TableCell>Loại</TableCell>
              <TableCell>Trực thuộc</TableCell>
              <TableCell>Xã, phường</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                Số người
              </TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(units.data ?? []).map((u) => (
              <TableRow key={u.id} hover sx={{ opacity: u.archivedAt ? 0.6 : 1 }}>
                <TableCell>
                  {u.name}
                  {u.formerNames.length > 0 && (
                    <Typography variant="body2" color="text.secondary">
                      Tên cũ: {u.formerNames.map((n) => `${n.name} (đến ${formatDate(n.validTo)})`).join('; ')}
                    </Typography>
                  )}
                  {u.mergedIntoName && <Chip size="small" sx={{ mt: 0.5 }} label={`Đã sáp nhập vào ${u.mergedIntoName}`} />}
                </TableCell>
                <TableCell>{UNIT_KIND_LABELS[u.kind]}</TableCell>
                <TableCell>{u.parentName}</TableCell>
                <TableCell>{u.communeName}</TableCell>
                <TableCell align="right">{formatNumber(u.memberCount)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {!u.archivedAt && (
                    <>
                      <Button
                        size="small"
                        onClick={() => (
                          setEditing({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, communeCode: u.communeCode }),
                          setOpen(true)
                        )}
                      >
                        Sửa
                      </Button>
                      <Button size="small" onClick={() => setMerging(u)}>
                        Sáp nhập
                      </Button>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
            {units.data?.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography color="text.secondary">
                    Chưa có đơn vị nào. Đơn vị cũng được thêm tự động khi nhập danh sách từ Excel.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Paper>
      {open && <UnitDialog key={editing?.id ?? 'new'} draft={editing} onClose={() => setOpen(false)} />}
      {merging && <MergeUnitDialog from={merging} onClose={() => setMerging(null)} />}
    </Box>
  );
}
