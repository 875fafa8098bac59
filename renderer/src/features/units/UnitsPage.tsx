import AddIcon from '@mui/icons-material/Add';
import { Autocomplete, Button, Chip, FormControlLabel, Paper, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { UNIT_KINDS, UNIT_KIND_LABELS, type Unit } from '../../../../shared/contract/units';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { DateField } from '../../components/DateField';
import { bind } from '../../components/form/bind';
import { EnumSelect } from '../../components/form/EnumSelect';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormDialog } from '../../components/form/FormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { CommuneField } from '../../components/form/CommuneField';
import { Page } from '../../components/PageHeader';
import { SimpleTable, type Column } from '../../components/SimpleTable';
import { UNIT_CHANGE, useMergeUnits, useUnits } from './queries';

type Draft = { id?: number; name: string; kind: Unit['kind']; parentId: number | null; communeCode: string | null };

const NEW_UNIT: Draft = { name: '', kind: 'cell', parentId: null, communeCode: null };

/** The fields stand in one column, the first one clear of the title. */
const COLUMN = { display: 'grid', gap: 2, pt: '8px !important' } as const;

function UnitDialog({ draft, onClose }: { draft: Draft | null; onClose: () => void }) {
  const units = useUnits();
  const f = useChannelForm('units.save', {
    initial: draft ?? NEW_UNIT,
    toInput: (form) => form,
    invalidates: UNIT_CHANGE,
    onSaved: onClose,
  });
  const { form } = f;
  const parents = (units.data ?? []).filter((u) => u.kind === 'base' && !u.archivedAt && u.id !== form.id);
  return (
    <FormDialog
      title={form.id ? 'Sửa đơn vị' : 'Thêm đơn vị'}
      onClose={onClose}
      onSubmit={f.submit}
      busy={f.busy}
      error={f.formError}
      contentSx={COLUMN}
      errorSx={{}}
    >
      <TextField
        label="Tên đơn vị"
        required
        {...f.text('name', form.id ? 'Đổi tên thì tên cũ vẫn được lưu lại và vẫn tìm được' : undefined)}
      />
      <EnumSelect label="Loại" options={UNIT_KINDS} labels={UNIT_KIND_LABELS} {...bind(f, 'kind')} />
      <Autocomplete
        options={parents}
        getOptionLabel={(u) => u.name}
        value={parents.find((u) => u.id === form.parentId) ?? null}
        onChange={(_e, u) => f.patch({ parentId: u?.id ?? null })}
        renderInput={(p) => <TextField {...p} label="Trực thuộc tổ chức cơ sở đảng" {...f.at('parentId')} />}
      />
      <CommuneField label="Xã, phường" {...bind(f, 'communeCode')} />
    </FormDialog>
  );
}

function MergeUnitDialog({ from, onClose }: { from: Unit; onClose: () => void }) {
  const units = useUnits();
  const [intoId, setIntoId] = useState<number | null>(null);
  const [date, setDate] = useState(todayInVietnam());
  const merge = useMergeUnits({ onSuccess: onClose });
  const targets = (units.data ?? []).filter((u) => u.id !== from.id && !u.archivedAt);
  return (
    <FormDialog
      title={<>Sáp nhập «{from.name}»</>}
      submitLabel="Sáp nhập"
      onClose={onClose}
      onSubmit={() => intoId && merge.mutate({ fromId: from.id, intoId, date })}
      busy={!intoId || !date || merge.isPending}
      contentSx={COLUMN}
    >
      <ErrorAlert error={merge.error} />
      <Typography variant="body2">
        {formatNumber(from.memberCount)} người sinh hoạt ở đơn vị này sẽ chuyển sang đơn vị mới. Đơn vị cũ được lưu trữ cùng tên và lịch sử;
        danh sách cũ ghi tên đơn vị cũ vẫn nhận ra được.
      </Typography>
      <Autocomplete
        options={targets}
        getOptionLabel={(u) => u.name}
        onChange={(_e, u) => setIntoId(u?.id ?? null)}
        renderInput={(p) => <TextField {...p} label="Sáp nhập vào" />}
      />
      <DateField label="Từ ngày" value={date} onChange={setDate} />
    </FormDialog>
  );
}

export function UnitsPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const units = useUnits(includeArchived);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [open, setOpen] = useState(false);
  const [merging, setMerging] = useState<Unit | null>(null);
  const columns: Column<Unit>[] = [
    {
      label: 'Tên đơn vị',
      render: (u) => (
        <>
          {u.name}
          {u.formerNames.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              Tên cũ: {u.formerNames.map((n) => `${n.name} (đến ${formatDate(n.validTo)})`).join('; ')}
            </Typography>
          )}
          {u.mergedIntoName && <Chip size="small" sx={{ mt: 0.5 }} label={`Đã sáp nhập vào ${u.mergedIntoName}`} />}
        </>
      ),
    },
    { label: 'Loại', render: (u) => UNIT_KIND_LABELS[u.kind] },
    { label: 'Trực thuộc', render: (u) => u.parentName },
    { label: 'Xã, phường', render: (u) => u.communeName },
    { label: 'Số người', align: 'right', headSx: { whiteSpace: 'nowrap' }, render: (u) => formatNumber(u.memberCount) },
    {
      align: 'right',
      sx: { whiteSpace: 'nowrap' },
      render: (u) =>
        !u.archivedAt && (
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
        ),
    },
  ];
  return (
    <Page
      maxWidth={1200}
      title="Chi bộ, đảng bộ"
      subtitle="Danh mục tổ chức đảng cử người đi học. Đổi tên, sáp nhập đều giữ lại lịch sử."
      actions={
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => (setEditing(null), setOpen(true))}>
          Thêm đơn vị
        </Button>
      }
    >
      <FormControlLabel
        control={<Switch checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />}
        label="Hiện cả đơn vị đã sáp nhập, lưu trữ"
      />
      <ErrorAlert error={units.error} />
      <Paper sx={{ mt: 1 }}>
        <SimpleTable
          aria-label="Chi bộ, đảng bộ"
          columns={columns}
          rows={units.data ?? []}
          rowKey={(u) => u.id}
          rowProps={(u) => ({ hover: true, sx: { opacity: u.archivedAt ? 0.6 : 1 } })}
          empty={
            units.data && (
              <Typography color="text.secondary">Chưa có đơn vị nào. Đơn vị cũng được thêm tự động khi nhập danh sách từ Excel.</Typography>
            )
          }
        />
      </Paper>
      {open && <UnitDialog key={editing?.id ?? 'new'} draft={editing} onClose={() => setOpen(false)} />}
      {merging && <MergeUnitDialog from={merging} onClose={() => setMerging(null)} />}
    </Page>
  );
}
