import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, IconButton, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { formatNumber } from '../../../../shared/domain/format';
import { ListError } from '../../components/form/ListError';
import { rowText, type RowList } from '../../components/form/row-fields';
import { newKey, type ProgramForm } from './program-form';

type Topic = ProgramForm['topics'][number];

export function TopicsEditor(props: {
  topics: Topic[];
  onChange: (topics: Topic[]) => void;
  at: RowList<Topic>['at'];
  listError?: string;
}) {
  const { topics, onChange } = props;
  const rows: RowList<Topic> = { name: 'topics', rows: topics, onChange, at: props.at };
  const move = (i: number, delta: number) => {
    const next = [...topics];
    const [item] = next.splice(i, 1);
    next.splice(i + delta, 0, item!);
    onChange(next);
  };
  const total = topics.reduce((s, t) => s + (/^\d+$/.test(t.sessions.trim()) ? Number(t.sessions) : 0), 0);

  return (
    <Box>
      <Table size="small" aria-label="Chuyên đề">
        <TableHead>
          <TableRow>
            <TableCell width={48}>STT</TableCell>
            <TableCell>Tên chuyên đề</TableCell>
            <TableCell width={170}>Số buổi</TableCell>
            <TableCell width={140} />
          </TableRow>
        </TableHead>
        <TableBody>
          {topics.map((t, i) => (
            <TableRow key={t.key}>
              <TableCell>{i + 1}</TableCell>
              <TableCell>
                <TextField aria-label={`Tên chuyên đề ${i + 1}`} multiline {...rowText(rows, i, 'title')} />
              </TableCell>
              <TableCell>
                <TextField
                  aria-label={`Số buổi chuyên đề ${i + 1}`}
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                  {...rowText(rows, i, 'sessions')}
                />
              </TableCell>
              <TableCell align="right">
                <IconButton aria-label={`Chuyển chuyên đề ${i + 1} lên`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton aria-label={`Chuyển chuyên đề ${i + 1} xuống`} disabled={i === topics.length - 1} onClick={() => move(i, 1)}>
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
                <IconButton aria-label={`Xóa chuyên đề ${i + 1}`} onClick={() => onChange(topics.filter((_, j) => j !== i))}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
          {topics.length === 0 && (
            <TableRow>
              <TableCell colSpan={4}>
                <Typography color="text.secondary">Chưa có chuyên đề. Cần có chuyên đề để lập lịch học tự động.</Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Box sx={{ display: 'flex', alignItems: 'center', mt: 1, gap: 2 }}>
        <Button startIcon={<AddIcon />} onClick={() => onChange([...topics, { key: newKey(), title: '', sessions: '1' }])}>
          Thêm chuyên đề
        </Button>
        <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }}>
          Tổng: {formatNumber(total)} buổi (khoảng {formatNumber(total / 2, total % 2 ? 1 : 0)} ngày)
        </Typography>
      </Box>
      <ListError error={props.listError} />
    </Box>
  );
}
