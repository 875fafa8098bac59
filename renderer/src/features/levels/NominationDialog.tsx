import DeleteIcon from '@mui/icons-material/Delete';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  NOMINATION_LEVELS,
  NOMINEE_RESULT_LABELS,
  NOMINEE_RESULTS,
  nominationInput,
  type Nomination,
  type NomineeResult,
} from '../../../../shared/contract/levels';
import { THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { DateField } from '../../components/DateField';
import { useFormErrors } from '../../components/useFormErrors';
import { PersonSearchField } from './PersonSearchField';
import { useSaveNomination } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

type Level = (typeof NOMINATION_LEVELS)[number];
interface Nominee {
  personId: number;
  fullName: string;
  result: NomineeResult;
  diplomaNumber: string;
  diplomaDate: string;
}
interface Draft {
  id?: number;
  level: Level;
  school: string;
  course: string;
  decisionNumber: string;
  decisionDate: string;
  note: string;
  people: Nominee[];
}

export function draftOf(n: Nomination | null): Draft {
  if (!n) return { level: 'trung_cap', school: '', course: '', decisionNumber: '', decisionDate: '', note: '', people: [] };
  return {
    id: n.id,
    level: n.level,
    school: n.school,
    course: n.course,
    decisionNumber: n.decisionNumber,
    decisionDate: n.decisionDate ?? '',
    note: n.note,
    people: n.people.map((p) => ({
      personId: p.personId,
      fullName: p.fullName,
      result: p.result,
      diplomaNumber: p.diplomaNumber,
      diplomaDate: p.diplomaDate ?? '',
    })),
  };
}

/** A nomination to the provincial school: the course, the decision, who went and how each finished. */
export function NominationDialog(props: { year: number; initial: Draft; onClose: () => void }) {
  const [form, setForm] = useState(props.initial);
  const errors = useFormErrors();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setPerson = (i: number, patch: Partial<Nominee>) =>
    setForm((f) => ({ ...f, people: f.people.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const save = useSaveNomination({ onSuccess: props.onClose, onError: errors.fromError });
  const submit = () => {
    const input = {
      ...(form.id === undefined ? {} : { id: form.id }),
      year: props.year,
      level: form.level,
      school: form.school,
      course: form.course,
      decisionNumber: form.decisionNumber,
      decisionDate: form.decisionDate || null,
      note: form.note,
      people: form.people.map((p) => ({
        personId: p.personId,
        result: p.result,
        diplomaNumber: p.result === 'graduated' ? p.diplomaNumber : '',
        diplomaDate: p.result === 'graduated' ? p.diplomaDate || null : null,
      })),
    };
    if (errors.validate(nominationInput, input)) save.mutate(input);
  };
  // A list typed in for a whole course is not thrown away by a stray click or Escape: while the form
  // has changes only «Hủy» closes it.
  const dirty = JSON.stringify(form) !== JSON.stringify(props.initial);
  return (
    <Dialog open onClose={dirty ? undefined : props.onClose} maxWidth="lg" fullWidth aria-labelledby="nomination-title">
      <DialogTitle id="nomination-title">
        {form.id === undefined ? `Cử đi học năm ${props.year}` : `Sửa đợt cử đi học năm ${props.year}`}
      </DialogTitle>
      <DialogContent>
        <Box
          component="form"
          id="nomination-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          sx={{ display: 'grid', gridTemplateColumns: '1fr 2fr 2fr', gap: 1.5, pt: 1 }}
        >
          <ErrorAlert error={errors.formError} sx={{ gridColumn: '1 / -1' }} />
          <TextField
            select
            label="Hệ đào tạo"
            name="level"
            value={form.level}
            onChange={(e) => set('level', e.target.value as Level)}
            {...errors.at('level')}
          >
            {NOMINATION_LEVELS.map((l) => (
              <MenuItem key={l} value={l}>
                {THEORY_LEVEL_LABELS[l]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Trường"
            name="school"
            autoFocus
            placeholder="Trường Chính trị tỉnh"
            value={form.school}
            onChange={(e) => set('school', e.target.value)}
            {...errors.at('school')}
          />
          <TextField
            label="Khóa học"
            name="course"
            placeholder="Khóa 45, hệ không tập trung"
            value={form.course}
            onChange={(e) => set('course', e.target.value)}
            {...errors.at('course')}
          />
          <TextField
            label="Số quyết định cử đi học"
            name="decisionNumber"
            value={form.decisionNumber}
            onChange={(e) => set('decisionNumber', e.target.value)}
            {...errors.at('decisionNumber')}
          />
          <DateField
            label="Ngày quyết định"
            name="decisionDate"
            value={form.decisionDate}
            onChange={(v) => set('decisionDate', v)}
            {...errors.at('decisionDate')}
          />
          <TextField label="Ghi chú" name="note" value={form.note} onChange={(e) => set('note', e.target.value)} {...errors.at('note')} />
        </Box>
        <Typography variant="h2" sx={{ mt: 2, mb: 1 }}>
          Người được cử ({form.people.length})
        </Typography>
        <PersonSearchField
          label="Thêm người (gõ họ tên)"
          excludeIds={new Set(form.people.map((p) => p.personId))}
          onPick={(p) =>
            set('people', [
              ...form.people,
              { personId: p.id, fullName: p.fullName, result: 'studying', diplomaNumber: '', diplomaDate: '' },
            ])
          }
        />
        <ErrorAlert error={errors.fields.people} sx={{ mt: 1 }} />
        <Table size="small" sx={{ mt: 1 }} aria-label="Người được cử">
          <TableHead>
            <TableRow>
              <TableCell>Họ và tên</TableCell>
              <TableCell sx={{ width: 190 }}>Kết quả</TableCell>
              <TableCell sx={{ width: 170 }}>Số bằng</TableCell>
              <TableCell sx={{ width: 200 }}>Ngày cấp bằng</TableCell>
              <TableCell sx={{ width: 56 }}>Bỏ</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {form.people.map((p, i) => (
              // The column heads name each control on screen; each control also names its person for a screen reader.
              <TableRow key={p.personId}>
                <TableCell>
                  {p.fullName}
                  {errors.fields[`people.${i}.personId`] && (
                    <Typography color="error" variant="body2">
                      {errors.fields[`people.${i}.personId`]}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    fullWidth
                    slotProps={{ htmlInput: { 'aria-label': `Kết quả của ${p.fullName}` } }}
                    value={p.result}
                    onChange={(e) => setPerson(i, { result: e.target.value as NomineeResult })}
                    {...errors.at(`people.${i}.result`)}
                  >
                    {NOMINEE_RESULTS.map((r) => (
                      <MenuItem key={r} value={r}>
                        {NOMINEE_RESULT_LABELS[r]}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    slotProps={{ htmlInput: { 'aria-label': `Số bằng của ${p.fullName}` } }}
                    disabled={p.result !== 'graduated'}
                    value={p.diplomaNumber}
                    onChange={(e) => setPerson(i, { diplomaNumber: e.target.value })}
                    {...errors.at(`people.${i}.diplomaNumber`)}
                  />
                </TableCell>
                <TableCell>
                  {p.result === 'graduated' ? (
                    <DateField
                      label={`Ngày cấp bằng của ${p.fullName}`}
                      value={p.diplomaDate}
                      onChange={(v) => setPerson(i, { diplomaDate: v })}
                      {...errors.at(`people.${i}.diplomaDate`)}
                    />
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      —
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <IconButton
                    aria-label={`Bỏ ${p.fullName} khỏi danh sách`}
                    onClick={() =>
                      set(
                        'people',
                        form.people.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <DeleteIcon />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button type="submit" form="nomination-form" variant="contained" disabled={save.isPending}>
          Lưu
        </Button>
      </DialogActions>
    </Dialog>
  );
}
