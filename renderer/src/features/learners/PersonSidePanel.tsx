import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { Person } from '../../../../shared/contract/learners';
import { formatDateTime, formatNumber } from '../../../../shared/domain/format';
import type { Output } from '../../../../shared/contract';
import { NEXT_PANEL, Panel } from '../../components/Panel';
import { PersonLevelSection } from '../levels/PersonLevelSection';

type Record = Output<'learners.get'>;

/** The record page's right column: classes taken, the political-theory level, and what changed in the record. */
export function PersonSidePanel({ person, initial, classCount }: { person: Person | null; initial: Record | null; classCount: number }) {
  return (
    <>
      <Panel title="Quá trình học tập" titleGap={1}>
        <Typography variant="body2" color="text.secondary">
          {!person
            ? 'Sẽ hiện các lớp đã học sau khi lưu hồ sơ và ghi danh.'
            : classCount === 0
              ? 'Chưa tham gia lớp nào trong phần mềm.'
              : `Đã ghi danh ${formatNumber(classCount)} lớp (xem Lịch sử hồ sơ bên dưới); kết quả và số giấy chứng nhận có trong giấy xác nhận quá trình học tập.`}
        </Typography>
      </Panel>
      {person && <PersonLevelSection personId={person.id} />}
      {initial && (
        <Panel title="Lịch sử hồ sơ" sx={NEXT_PANEL} titleGap={1}>
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
        </Panel>
      )}
    </>
  );
}
