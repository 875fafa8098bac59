import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import { NOMINEE_RESULT_LABELS, type Nomination } from '../../../../shared/contract/levels';
import { formatDate } from '../../../../shared/domain/format';
import { THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { RemoveDialog, useRemoval } from '../../components/RemoveDialog';
import { SimpleTable, type Column } from '../../components/SimpleTable';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { YearSelector } from '../../components/YearSelector';
import { useYearParam } from './LevelReportTab';
import { draftOf, NominationDialog } from './NominationDialog';
import { useDeleteNomination, useNominations } from './queries';

const NOMINEE_COLUMNS: Column<Nomination['people'][number]>[] = [
  { label: 'Họ và tên', render: (p) => p.fullName },
  { label: 'Chức vụ', render: (p) => p.position },
  { label: 'Tổ chức cơ sở đảng', render: (p) => p.baseUnitName ?? '' },
  { label: 'Kết quả', render: (p) => NOMINEE_RESULT_LABELS[p.result] },
  { label: 'Số bằng, ngày cấp', render: (p) => (p.result === 'graduated' ? `${p.diplomaNumber}, ${formatDate(p.diplomaDate)}` : '') },
];

/** Who the centre nominated to the provincial school each year, for which course, and how they finished. */
export function NominationsTab() {
  const [year, setYear] = useYearParam('cu-di-hoc');
  const list = useNominations(year);
  const [editing, setEditing] = useState<{ nomination: Nomination | null } | null>(null);
  const removal = useRemoval<Nomination>(useDeleteNomination);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 1.5, display: 'flex', alignItems: 'center', gap: 1.5 }}>
        <Typography component="span">Năm cử đi học</Typography>
        <YearSelector year={year} onChange={setYear} />
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ nomination: null })}>
          Thêm đợt cử đi học
        </Button>
      </Paper>
      <ErrorAlert error={list.error} />
      <ErrorAlert error={removal.error} />
      {list.data?.length === 0 && <Typography color="text.secondary">Năm {year} chưa có đợt cử đi học nào.</Typography>}
      {(list.data ?? []).map((n) => (
        <Paper key={n.id} sx={{ p: 1.5 }} component="section" aria-label={`${n.school}, ${n.course}`}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>
              {THEORY_LEVEL_LABELS[n.level]} — {n.school}, {n.course}
              {n.decisionNumber && ` (Quyết định số ${n.decisionNumber}${n.decisionDate ? ` ngày ${formatDate(n.decisionDate)}` : ''})`}
            </Typography>
            <Button size="small" onClick={() => setEditing({ nomination: n })}>
              Sửa
            </Button>
            <Button size="small" color="error" onClick={() => removal.ask(n)}>
              Xóa
            </Button>
          </Box>
          <SimpleTable aria-label={`Người được cử: ${n.course}`} columns={NOMINEE_COLUMNS} rows={n.people} rowKey={(p) => p.personId} />
        </Paper>
      ))}
      {editing && <NominationDialog year={year} initial={draftOf(editing.nomination)} onClose={() => setEditing(null)} />}
      <RemoveDialog removal={removal} title="Xóa đợt cử đi học?">
        Xóa đợt {removal.target?.course} ({removal.target?.people.length ?? 0} người). Các bằng tốt nghiệp ghi trong đợt này cũng không còn
        tính vào trình độ của họ.
      </RemoveDialog>
    </Box>
  );
}
