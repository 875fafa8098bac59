import SearchIcon from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  InputAdornment,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import type { PersonRow } from '../../../../shared/contract/learners';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { PARTY_STATUS_LABELS } from '../../../../shared/domain/learner-fields';
import { api } from '../../api';
import { useDebounced } from '../learners/queries';
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
  const enrol = useEnrol(props.onAdded);
  const pages = useInfiniteQuery({
    queryKey: ['learners.search', query, {}],
    queryFn: ({ pageParam }) => api.learners.search({ q: query, filters: {}, after: pageParam, limit: 200 }),
    initialPageParam: null as { rank: number } | null,
    getNextPageParam: (last) => last.next,
    placeholderData: (prev) => prev,
  });
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
  const add = () => enrol.submit((fitOverrideReason) => api.enrollments.add({ classId: props.classId, personIds, fitOverrideReason }));

  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth slotProps={{ paper: { sx: { height: '85vh' } } }}>
      <DialogTitle>Thêm học viên từ sổ học viên</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0 }}>
        <TextField
          autoFocus
          placeholder="Tìm theo tên, năm sinh, chi bộ, số CCCD… (gõ không dấu cũng được)"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          slotProps={{
            htmlInput: { 'aria-label': 'Tìm trong sổ học viên' },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
          sx={{ mt: 1 }}
        />
        {pages.isError && <Alert severity="error">{pages.error.message}</Alert>}
        <Box sx={{ flexGrow: 1, overflow: 'auto', minHeight: 0, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" stickyHeader aria-label="Người tìm thấy">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allTicked}
                    indeterminate={someTicked && !allTicked}
                    disabled={selectable.length === 0}
                    onChange={toggleAll}
                    slotProps={{ input: { 'aria-label': `Chọn tất cả ${selectable.length} người đang hiện` } }}
                  />
                </TableCell>
                <TableCell>Họ và tên</TableCell>
                <TableCell sx={{ width: 110 }}>Ngày sinh</TableCell>
                <TableCell>Chi bộ, đảng bộ</TableCell>
                <TableCell sx={{ width: 190 }}>Đảng viên</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => {
                const member = props.members.get(r.id);
                const taken = inClass(r.id);
                return (
                  <TableRow
                    key={r.id}
                    hover={!taken}
                    onClick={() => !taken && toggle(r)}
                    sx={{ cursor: taken ? 'default' : 'pointer', color: taken ? 'text.secondary' : undefined }}
                  >
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={selected.has(r.id)}
                        disabled={taken}
                        onClick={(e) => e.stopPropagation()}
                        onChange={() => toggle(r)}
                        slotProps={{ input: { 'aria-label': `Chọn ${r.fullName}` } }}
                      />
                    </TableCell>
                    <TableCell sx={{ color: 'inherit' }}>
                      {r.fullName}
                      {member && (
                        <Chip size="small" sx={{ ml: 1 }} label={taken ? 'Đã có trong lớp' : 'Đã thôi học, chọn để cho học lại'} />
                      )}
                    </TableCell>
                    <TableCell sx={{ color: 'inherit' }}>{formatDate(r.birthDate)}</TableCell>
                    <TableCell sx={{ color: 'inherit' }}>{r.unitName ?? ''}</TableCell>
                    <TableCell sx={{ color: 'inherit' }}>{r.partyStatus ? PARTY_STATUS_LABELS[r.partyStatus] : ''}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
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
        {enrol.error && <Alert severity="error">{enrol.error}</Alert>}
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
