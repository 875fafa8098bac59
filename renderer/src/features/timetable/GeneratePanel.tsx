import { Alert, Box, Button, Checkbox, FormControlLabel, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { Input } from '../../../../shared/contract';
import type { ClassRow } from '../../../../shared/contract/classes';
import { HALF_LABELS, type Half } from '../../../../shared/domain/days';
import { DateField } from '../../components/DateField';
import { useProgram } from '../programs/queries';
import { TopicLecturers } from './TopicLecturers';

/** What the automatic timetable is asked for: from which day, which halves, and who teaches each topic. */
export function GeneratePanel({
  cls,
  busy,
  onGenerate,
}: {
  cls: ClassRow;
  busy: boolean;
  onGenerate: (request: Input<'timetable.generate'>) => void;
}) {
  const program = useProgram(cls.programId);
  const [startDate, setStartDate] = useState(cls.startDate);
  const [halves, setHalves] = useState<Record<Half, boolean>>({ sang: true, chieu: true });
  const [byTopic, setByTopic] = useState<Record<string, number | null>>({});
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Lập lịch tự động theo chuyên đề
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Xếp các chuyên đề của chương trình theo thứ tự, bỏ qua {cls.form === 'weekend' ? 'các ngày thường' : 'thứ Bảy, Chủ nhật'} và ngày
        nghỉ lễ (cả Tết âm lịch, Giỗ Tổ và ngày nghỉ theo thông báo).
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <Box sx={{ width: 220 }}>
          <DateField label="Bắt đầu từ ngày" name="generateFrom" value={startDate} onChange={setStartDate} />
        </Box>
        {(['sang', 'chieu'] as const).map((h) => (
          <FormControlLabel
            key={h}
            control={<Checkbox checked={halves[h]} onChange={(e) => setHalves({ ...halves, [h]: e.target.checked })} />}
            label={`Buổi ${HALF_LABELS[h].toLocaleLowerCase('vi')}`}
          />
        ))}
      </Box>
      {program.data && program.data.topics.length > 0 && (
        <TopicLecturers topics={program.data.topics} homeroomLecturerId={cls.homeroomLecturerId} byTopic={byTopic} onChange={setByTopic} />
      )}
      {program.data?.topics.length === 0 && (
        <Alert severity="info">
          Chương trình chưa có chuyên đề; hãy nhập chuyên đề ở danh mục chương trình, hoặc thêm từng buổi bằng tay bên dưới.
        </Alert>
      )}
      <Button
        variant="outlined"
        sx={{ mt: 2 }}
        onClick={() =>
          onGenerate({
            classId: cls.id,
            startDate,
            halves: (['sang', 'chieu'] as const).filter((h) => halves[h]),
            lecturerByTopic: Object.fromEntries(Object.entries(byTopic)),
          })
        }
        disabled={busy || !startDate || (!halves.sang && !halves.chieu)}
      >
        Lập lịch (xem trước)
      </Button>
    </Paper>
  );
}
