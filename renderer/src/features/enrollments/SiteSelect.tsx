import { MenuItem, TextField } from '@mui/material';
import type { Enrollment } from '../../../../shared/contract/enrollments';

/** Which of the class's connected sites a learner follows the course from. */
export function SiteSelect(props: { enrollment: Enrollment; sites: string[]; disabled: boolean; onChange: (site: string | null) => void }) {
  const { enrollment: e, sites } = props;
  return (
    <TextField
      select
      size="small"
      variant="standard"
      fullWidth
      value={e.site ?? ''}
      disabled={props.disabled}
      onChange={(ev) => props.onChange(ev.target.value === '' ? null : ev.target.value)}
      slotProps={{ select: { displayEmpty: true }, htmlInput: { 'aria-label': `Điểm cầu của ${e.fullName}` } }}
    >
      <MenuItem value="">
        <em>Chưa chọn</em>
      </MenuItem>
      {/* A site renamed since stays visible until the clerk picks again. */}
      {e.site && !sites.includes(e.site) && <MenuItem value={e.site}>{e.site} (không còn trong lớp)</MenuItem>}
      {sites.map((site) => (
        <MenuItem key={site} value={site}>
          {site}
        </MenuItem>
      ))}
    </TextField>
  );
}
