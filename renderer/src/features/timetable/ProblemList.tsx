import { Alert, Box } from '@mui/material';
import type { TimetableProblem } from '../../../../shared/contract/timetable';

function ProblemGroup({ problems, severity, heading }: { problems: TimetableProblem[]; severity: 'error' | 'warning'; heading: string }) {
  const shown = problems.filter((p) => p.severity === severity);
  if (shown.length === 0) return null;
  return (
    <Alert severity={severity}>
      {shown.length} {heading}
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {shown.map((p, i) => (
          <li key={i}>
            {p.index !== null ? `Dòng ${p.index + 1}: ` : ''}
            {p.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function ProblemList({ problems }: { problems: TimetableProblem[] }) {
  if (problems.length === 0) return <Alert severity="success">Không có trùng lịch hay vấn đề nào.</Alert>;
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <ProblemGroup problems={problems} severity="error" heading="lỗi phải sửa trước khi lưu:" />
      <ProblemGroup problems={problems} severity="warning" heading="lưu ý:" />
    </Box>
  );
}
