import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import { Alert, Button, IconButton, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanLine } from '../../../../shared/contract/plans';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatNumber } from '../../../../shared/domain/format';
import { ApiError } from '../../api';
import { RemoveDialog, useRemoval } from '../../components/RemoveDialog';
import { Page } from '../../components/PageHeader';
import { YearSelector } from '../../components/YearSelector';
import { PlanLineDialog } from './PlanLineDialog';
import { difference, PlanProgress, quarterLabel } from './PlanProgress';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useCopyPlanYear, useDeletePlanLine, usePlanYear } from './queries';
import { EmptyRow } from '../../components/EmptyRow';

/** "1 / 2" with the difference under it: the actual beside the planned figure of one line. */
function Versus({ actual, planned, pending }: { actual: number; planned: number; pending?: number }) {
  return (
    <>
      {formatNumber(actual)} / {formatNumber(planned)}
      <Typography variant="body2" color="text.secondary" component="div">
        {planned > 0 || actual > 0 ? `chênh lệch ${difference(actual, planned)}` : ''}
      </Typography>
      {pending ? (
        <Typography variant="body2" color="warning.dark" component="div">
          +{formatNumber(pending)} dự kiến
        </Typography>
      ) : null}
    </>
  );
}

export function PlansPage() {
  const navigate = useNavigate();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const [editing, setEditing] = useState<PlanLine | 'new' | null>(null);
  const plan = usePlanYear(year);
  const copy = useCopyPlanYear();
  const removal = useRemoval<PlanLine>(useDeletePlanLine, { closeOnError: true });
  const closed = plan.data?.closed ?? false;
  const error = [copy.error, removal.error].find((e): e is ApiError => e instanceof ApiError);

  return (
    <Page
      maxWidth={1200}
      title="Kế hoạch đào tạo, bồi dưỡng"
      subtitle="Số lớp và số học viên dự kiến theo chương trình, quý và nơi tổ chức; so sánh với số lớp đã mở và số học viên đã học."
      actions={
        <>
          <YearSelector year={year} onChange={setYear} />
          <Button
            startIcon={<ContentCopyIcon />}
            onClick={() => copy.mutate({ from: year - 1, to: year })}
            disabled={closed || copy.isPending}
          >
            Chép kế hoạch năm {year - 1}
          </Button>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={closed}>
            Thêm dòng kế hoạch
          </Button>
        </>
      }
    >
      {closed && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Năm {year} đã khóa sổ: kế hoạch chỉ xem, không sửa.
        </Alert>
      )}
      <ErrorAlert error={error} sx={{ mb: 2 }} />
      {copy.isSuccess && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã chép {formatNumber(copy.data.copied)} dòng từ năm {year - 1}.
        </Alert>
      )}
      {plan.data && plan.data.byProgram.length > 0 && <PlanProgress year={year} rows={plan.data.byProgram} />}
      <Paper>
        <Table size="small" aria-label={`Kế hoạch năm ${year}`}>
          <TableHead>
            <TableRow>
              <TableCell>Chương trình</TableCell>
              <TableCell>Quý</TableCell>
              <TableCell>Nơi tổ chức</TableCell>
              <TableCell align="right">Lớp đã mở / kế hoạch</TableCell>
              <TableCell align="right">Lượt học viên thực tế / kế hoạch</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(plan.data?.lines ?? []).map((l) => (
              <TableRow key={l.id} hover>
                <TableCell>
                  {l.programName}
                  {l.notes && (
                    <Typography variant="body2" color="text.secondary">
                      {l.notes}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{quarterLabel(l.quarter)}</TableCell>
                <TableCell>{l.place}</TableCell>
                <TableCell align="right">
                  <Versus actual={l.actualClasses} planned={l.plannedClasses} pending={l.pendingClasses} />
                </TableCell>
                <TableCell align="right">
                  <Versus actual={l.actualLearners} planned={l.plannedLearners} />
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button
                    size="small"
                    onClick={() => navigate(`/classes/new?planLine=${l.id}&program=${l.programId}&year=${l.year}`)}
                    disabled={closed}
                  >
                    Mở lớp
                  </Button>
                  <IconButton aria-label={`Sửa dòng ${l.programName}`} onClick={() => setEditing(l)} disabled={closed}>
                    <EditIcon fontSize="small" />
                  </IconButton>
                  <IconButton aria-label={`Xóa dòng ${l.programName}`} onClick={() => removal.ask(l)} disabled={closed}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
            {plan.data && plan.data.lines.length === 0 && (
              <EmptyRow colSpan={6}>Năm {year} chưa có kế hoạch. Thêm từng dòng, hoặc chép kế hoạch năm trước rồi sửa.</EmptyRow>
            )}
          </TableBody>
        </Table>
      </Paper>
      {editing && (
        <PlanLineDialog
          key={editing === 'new' ? 'new' : editing.id}
          year={year}
          line={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <RemoveDialog removal={removal} title="Xóa dòng kế hoạch?">
        Xóa dòng «{removal.target?.programName}» khỏi kế hoạch năm {year}. Dòng đã có lớp mở theo nó thì không xóa được.
      </RemoveDialog>
    </Page>
  );
}
