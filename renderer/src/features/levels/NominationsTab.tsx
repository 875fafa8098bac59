import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { NOMINEE_RESULT_LABELS, type Nomination } from '../../../../shared/contract/levels';
import { formatDate } from '../../../../shared/domain/format';
import { THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { RemoveDialog, useRemoval } from '../../components/RemoveDialog';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { YearSelector } from '../../components/YearSelector';
import { useYearParam } from './LevelReportTab';
import { draftOf, NominationDialog } from './NominationDialog';
import { useDeleteNomination, useNominations } from './queries';

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
          <Table size="small" aria-label={`Người được cử: ${n.course}`}>
            <TableHead>
              <TableRow>
                <TableCell>Họ và tên</TableCell>
                <TableCell>Chức vụ</TableCell>
                <TableCell>Tổ chức cơ sở đảng</TableCell>
                <TableCell>Kết quả</TableCell>
                <TableCell>Số bằng, ngày cấp</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {n.people.map((p) => (
                <TableRow key={p.personId}>
                  <TableCell>{p.fullName}</TableCell>
                  <TableCell>{p.position}</TableCell>
                  <TableCell>{p.baseUnitName ?? ''}</TableCell>
                  <TableCell>{NOMINEE_RESULT_LABELS[p.result]}</TableCell>
                  <TableCell>{p.result === 'graduated' ? `${p.diplomaNumber}, ${formatDate(p.diplomaDate)}` : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
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
