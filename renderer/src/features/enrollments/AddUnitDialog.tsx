import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import type { Unit } from '../../../../shared/contract/units';
import { formatNumber } from '../../../../shared/domain/format';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { foldFilter } from '../../components/fold-filter';
import { useUnits } from '../units/queries';
import { useAddUnit } from './queries';
import { useEnrol, type AddResult } from './useEnrol';

const unitLabel = (u: Unit) => `${u.name} (${formatNumber(u.memberCount)} người)`;
const filterUnits = foldFilter<Unit>((u) => u.name);

/** A cell's whole list at once: the usual case when a Party cell sends its members on a course. */
export function AddUnitDialog(props: { classId: number; onClose: () => void; onAdded: (result: AddResult) => void }) {
  const units = useUnits();
  const [unit, setUnit] = useState<Unit | null>(null);
  const [tried, setTried] = useState(false);
  const enrol = useEnrol(useAddUnit, props.onAdded);
  const add = () => {
    setTried(true);
    if (!unit) return;
    enrol.submit({ classId: props.classId, unitId: unit.id });
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Thêm cả chi bộ</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Mọi người trong sổ học viên thuộc chi bộ, đảng bộ này được thêm vào lớp. Nếu có người đã ở trong lớp, phần mềm báo tên người đó và
          chưa thêm ai; khi đó hãy chọn từng người bằng «Thêm từ sổ học viên».
        </DialogContentText>
        <Autocomplete
          options={units.data ?? []}
          getOptionLabel={unitLabel}
          filterOptions={filterUnits}
          value={unit}
          onChange={(_e, u) => setUnit(u)}
          renderInput={(p) => (
            <TextField
              {...p}
              autoFocus
              label="Chi bộ, đảng bộ"
              error={tried && !unit}
              helperText={tried && !unit ? 'Chọn chi bộ, đảng bộ' : undefined}
            />
          )}
          sx={{ mt: 1 }}
        />
        <ErrorAlert error={units.error} sx={{ mt: 2 }} />
        <ErrorAlert error={enrol.error} sx={{ mt: 2 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Đóng</Button>
        <Button variant="contained" onClick={add} disabled={enrol.pending}>
          Thêm cả chi bộ
        </Button>
      </DialogActions>
      {enrol.dialog}
    </Dialog>
  );
}
