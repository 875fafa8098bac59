import EditNoteIcon from '@mui/icons-material/EditNote';
import { Box, Button, Checkbox, IconButton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import { formatDate } from '../../../../shared/domain/format';
import { PARTY_STATUS_LABELS } from '../../../../shared/domain/learner-fields';
import type { EnrollmentList } from './queries';
import { SiteSelect } from './SiteSelect';

/** The class's learners, one row each: site, discipline and withdrawal are changed from the row. */
export function EnrollmentTable(props: {
  list: EnrollmentList;
  /** Whether learners may still be withdrawn. */
  open: boolean;
  siteBusy: boolean;
  onSite: (enrollmentId: number, site: string | null) => void;
  onDiscipline: (enrollment: Enrollment, on: boolean) => void;
  onWithdraw: (enrollment: Enrollment) => void;
}) {
  const { enrollments, sites } = props.list;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Học viên của lớp" sx={{ minWidth: 1000, '& th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 48 }} align="right">
              STT
            </TableCell>
            <TableCell sx={{ minWidth: 190 }}>Họ và tên</TableCell>
            <TableCell sx={{ width: 100 }}>Ngày sinh</TableCell>
            <TableCell sx={{ minWidth: 150 }}>Chi bộ</TableCell>
            <TableCell sx={{ width: 160 }}>Đảng viên</TableCell>
            {sites.length > 0 && <TableCell sx={{ minWidth: 180 }}>Điểm cầu</TableCell>}
            <TableCell sx={{ minWidth: 150 }}>Trạng thái</TableCell>
            <TableCell sx={{ minWidth: 190 }}>Kỷ luật</TableCell>
            {props.open && <TableCell sx={{ width: 100 }} />}
          </TableRow>
        </TableHead>
        <TableBody>
          {enrollments.map((e, i) => {
            const gone = e.status === 'withdrawn';
            return (
              <TableRow key={e.id} sx={{ '& td': { color: gone ? 'text.secondary' : undefined }, verticalAlign: 'top' }}>
                <TableCell align="right">{i + 1}</TableCell>
                <TableCell>
                  {e.fullName}
                  {e.fitOverrideReason && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      Vẫn cho học: {e.fitOverrideReason}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(e.birthDate)}</TableCell>
                <TableCell>{e.unitName ?? ''}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.partyStatus ? PARTY_STATUS_LABELS[e.partyStatus] : ''}</TableCell>
                {sites.length > 0 && (
                  <TableCell sx={{ py: 0.5 }}>
                    <SiteSelect
                      enrollment={e}
                      sites={sites}
                      disabled={gone || props.siteBusy}
                      onChange={(site) => props.onSite(e.id, site)}
                    />
                  </TableCell>
                )}
                <TableCell>{gone ? `Thôi học: ${e.withdrawReason ?? ''}` : 'Đang học'}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', alignItems: 'flex-start' }}>
                    <Checkbox
                      size="small"
                      checked={e.discipline}
                      disabled={gone}
                      onChange={(ev) => props.onDiscipline(e, ev.target.checked)}
                      slotProps={{ input: { 'aria-label': `Kỷ luật: ${e.fullName}` } }}
                      sx={{ p: 0, mr: 0.75 }}
                    />
                    <Box sx={{ flexGrow: 1 }}>{e.discipline ? e.disciplineNote || 'Có' : ''}</Box>
                    {e.discipline && !gone && (
                      <IconButton
                        size="small"
                        sx={{ my: -0.5 }}
                        aria-label={`Sửa nội dung kỷ luật: ${e.fullName}`}
                        onClick={() => props.onDiscipline(e, true)}
                      >
                        <EditNoteIcon fontSize="small" />
                      </IconButton>
                    )}
                  </Box>
                </TableCell>
                {props.open && (
                  <TableCell align="right">
                    {!gone && (
                      <Button
                        size="small"
                        color="error"
                        sx={{ whiteSpace: 'nowrap', my: -0.5 }}
                        aria-label={`Thôi học: ${e.fullName}`}
                        onClick={() => props.onWithdraw(e)}
                      >
                        Thôi học
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
