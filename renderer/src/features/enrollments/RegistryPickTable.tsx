import { Checkbox, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { Enrollment } from '../../../../shared/contract/enrollments';
import type { PersonRow } from '../../../../shared/contract/learners';
import { formatDate } from '../../../../shared/domain/format';
import { PARTY_STATUS_LABELS } from '../../../../shared/domain/learner-fields';

/** The people found, each with a tick; current learners of the class are shown but cannot be ticked. */
export function RegistryPickTable(props: {
  rows: PersonRow[];
  members: ReadonlyMap<number, Enrollment>;
  selected: ReadonlyMap<number, PersonRow>;
  onToggle: (row: PersonRow) => void;
  onToggleAll: () => void;
  allTicked: boolean;
  someTicked: boolean;
  /** How many of the rows shown can be ticked. */
  selectable: number;
}) {
  return (
    <Table size="small" stickyHeader aria-label="Người tìm thấy">
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox">
            <Checkbox
              checked={props.allTicked}
              indeterminate={props.someTicked && !props.allTicked}
              disabled={props.selectable === 0}
              onChange={props.onToggleAll}
              slotProps={{ input: { 'aria-label': `Chọn tất cả ${props.selectable} người đang hiện` } }}
            />
          </TableCell>
          <TableCell>Họ và tên</TableCell>
          <TableCell sx={{ width: 110 }}>Ngày sinh</TableCell>
          <TableCell>Chi bộ, đảng bộ</TableCell>
          <TableCell sx={{ width: 190 }}>Đảng viên</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((r) => {
          const member = props.members.get(r.id);
          const taken = member?.status === 'enrolled';
          return (
            <TableRow
              key={r.id}
              hover={!taken}
              onClick={() => !taken && props.onToggle(r)}
              sx={{ cursor: taken ? 'default' : 'pointer', color: taken ? 'text.secondary' : undefined }}
            >
              <TableCell padding="checkbox">
                <Checkbox
                  checked={props.selected.has(r.id)}
                  disabled={taken}
                  onClick={(e) => e.stopPropagation()}
                  onChange={() => props.onToggle(r)}
                  slotProps={{ input: { 'aria-label': `Chọn ${r.fullName}` } }}
                />
              </TableCell>
              <TableCell sx={{ color: 'inherit' }}>
                {r.fullName}
                {member && <Chip size="small" sx={{ ml: 1 }} label={taken ? 'Đã có trong lớp' : 'Đã thôi học, chọn để cho học lại'} />}
              </TableCell>
              <TableCell sx={{ color: 'inherit' }}>{formatDate(r.birthDate)}</TableCell>
              <TableCell sx={{ color: 'inherit' }}>{r.unitName ?? ''}</TableCell>
              <TableCell sx={{ color: 'inherit' }}>{r.partyStatus ? PARTY_STATUS_LABELS[r.partyStatus] : ''}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
