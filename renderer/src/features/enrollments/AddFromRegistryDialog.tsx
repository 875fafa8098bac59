import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import type { PersonRow } from '../../../../shared/contract/learners';
import { formatNumber } from '../../../../shared/domain/format';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { SearchField } from '../../components/SearchField';
import { useDebounced } from '../../components/useDebounced';
import { useAddLearners, useRegistryPages } from './queries';
import { RegistryPickTable } from './RegistryPickTable';
import { useEnrol, type AddResult } from './useEnrol';

/**
 * Picks people from the registry. The search is the registry's own (diacritics and đ ignored, in
 * list order), so "nguyen van" here finds what it finds on the learners page. Ticks survive a new
 * search: a clerk can look up one name after another and add them all at once.
 */
export function AddFromRegistryDialog(props: {
  classId: number;
  members: ReadonlyMap<number, Enrollment>;
  onClose: () => void;
  onAdded: (result: AddResult) => void;
}) {
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<ReadonlyMap<number, PersonRow>>(new Map());
  const query = useDebounced(q, 150);
  const enrol = useEnrol(useAddLearners, props.onAdded);
  const pages = useRegistryPages(query);
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  // Someone who withdrew may come back to the class (the core re-enrols them); only current learners are out.
  const inClass = (id: number) => props.members.get(id)?.status === 'enrolled';
  const selectable = rows.filter((r) => !inClass(r.id));
  const allTicked = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const someTicked = selectable.some((r) => selected.has(r.id));

  const toggle = (r: PersonRow) => {
    const next = new Map(selected);
    if (next.has(r.id)) next.delete(r.id);
    else next.set(r.id, r);
    setSelected(next);
  };
  const toggleAll = () => {
    const next = new Map(selected);
    for (const r of selectable) {
      if (allTicked) next.delete(r.id);
      else next.set(r.id, r);
    }
    setSelected(next);
  };
  const personIds = [...selected.keys()];
  const add = () => enrol.submit({ classId: props.classId, personIds });

  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth slotProps={{ paper: { sx: { height: '85vh' } } }}>
      <DialogTitle>Thêm học viên từ sổ học viên</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0 }}>
        <SearchField
          label="Tìm trong sổ học viên"
          placeholder="Tìm theo tên, năm sinh, chi bộ, số CCCD… (gõ không dấu cũng được)"
          value={q}
          onChange={setQ}
          sx={{ mt: 1 }}
        />
        <ErrorAlert error={pages.error} />
        <Box sx={{ flexGrow: 1, overflow: 'auto', minHeight: 0, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <RegistryPickTable
            rows={rows}
            members={props.members}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
            allTicked={allTicked}
            someTicked={someTicked}
            selectable={selectable.length}
          />
          {pages.isSuccess && rows.length === 0 && (
            <Typography color="text.secondary" sx={{ p: 2 }}>
              {query ? `Không tìm thấy ai khớp với «${query}».` : 'Sổ học viên chưa có ai. Hãy thêm người ở trang Học viên.'}
            </Typography>
          )}
          {pages.hasNextPage && (
            <Box sx={{ p: 1, textAlign: 'center' }}>
              <Button onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                Xem thêm
              </Button>
            </Box>
          )}
        </Box>
        <ErrorAlert error={enrol.error} />
      </DialogContent>
      <DialogActions>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1, pl: 2 }} aria-live="polite">
          {selected.size > 0 ? `Đã chọn ${formatNumber(selected.size)} người` : 'Đánh dấu người cần thêm vào lớp'}
        </Typography>
        <Button onClick={props.onClose}>Đóng</Button>
        <Button variant="contained" onClick={add} disabled={selected.size === 0 || enrol.pending}>
          {`Thêm ${formatNumber(selected.size)} người`}
        </Button>
      </DialogActions>
      {enrol.dialog}
    </Dialog>
  );
}
