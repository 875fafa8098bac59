import { List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { Person } from '../../../../shared/contract/learners';
import { formatDateTime, formatNumber } from '../../../../shared/domain/format';
import type { api } from '../../api';
import { PersonLevelSection } from '../levels/PersonLevelSection';

type Record = Awaited<ReturnType<typeof api.learners.get>>;

/** The record page's right column: classes taken, the political-theory level, and what changed in the record. */
export function PersonSidePanel({ person, initial, classCount }: { person: Person | null; initial: Record | null; classCount: number }) {
  return (
    <>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Quá trình học tập
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {!person
            ? 'Sẽ hiện các lớp đã học sau khi lưu hồ sơ và ghi danh.'
            : classCount === 0
              ? 'Chưa tham gia lớp nào trong phần mềm.'
              : `Đã ghi danh ${formatNumber(classCount)} lớp (xem Lịch sử hồ sơ bên dưới); kết quả và số giấy chứng nhận có trong giấy xác nhận quá trình học tập.`}
        </Typography>
      </Paper>
      {person && <PersonLevelSection personId={person.id} />}
      {initial && (
        <Paper sx={{ p: 2, mt: 2 }}>
          <Typography variant="h2" sx={{ mb: 1 }}>
            Lịch sử hồ sơ
          </Typography>
          {initial.history.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              Chưa có thay đổi nào được ghi lại.
            </Typography>
          )}
          <List dense disablePadding>
            {initial.history.map((h, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText primary={h.text} secondary={h.date ? formatDateTime(h.date) : null} />
              </ListItem>
            ))}
          </List>
          {initial.mergedFrom.length > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Đã gộp {initial.mergedFrom.filter((m) => !m.undoneAt).length} lần — xem ở{' '}
              <RouterLink to="/learners/duplicates">Hồ sơ trùng</RouterLink>.
            </Typography>
          )}
        </Paper>
      )}
    </>
  );
}
