import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { Program } from '../../../../shared/contract/programs';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { useLecturers } from '../lecturers/queries';

/** Who teaches each topic when the timetable is generated: the homeroom lecturer unless another is chosen. */
export function TopicLecturers(props: {
  topics: Program['topics'];
  homeroomLecturerId: number | null;
  byTopic: Record<string, number | null>;
  onChange: (byTopic: Record<string, number | null>) => void;
}) {
  const { byTopic } = props;
  const lecturers = useLecturers(true);
  const topicLecturers = (lecturers.data ?? []).filter((l) => !l.archivedAt).map((l) => ({ value: l.id, label: l.fullName }));
  return (
    <Table size="small" aria-label="Giảng viên theo chuyên đề">
      <TableHead>
        <TableRow>
          <TableCell>Chuyên đề</TableCell>
          <TableCell width={80} align="right">
            Số buổi
          </TableCell>
          <TableCell width={300}>Giảng viên</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.topics.map((t) => (
          <TableRow key={t.id}>
            <TableCell>{t.title}</TableCell>
            <TableCell align="right">{t.sessions}</TableCell>
            <TableCell>
              <ChoiceSelect
                aria-label={`Giảng viên chuyên đề ${t.title}`}
                value={String(t.id) in byTopic ? (byTopic[String(t.id)] ?? '') : (props.homeroomLecturerId ?? '')}
                onChange={(e) => props.onChange({ ...byTopic, [String(t.id)]: e.target.value === '' ? null : Number(e.target.value) })}
                slotProps={{ select: { displayEmpty: true } }}
                empty="Chưa phân công"
                choices={topicLecturers}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
