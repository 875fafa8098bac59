import DeleteIcon from '@mui/icons-material/Delete';
import { IconButton, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import {
  NOMINATION_LEVELS,
  NOMINEE_RESULT_LABELS,
  NOMINEE_RESULTS,
  type Nomination,
  type NomineeResult,
} from '../../../../shared/contract/levels';
import { THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { DateField } from '../../components/DateField';
import { bind } from '../../components/form/bind';
import { EnumSelect } from '../../components/form/EnumSelect';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormBox } from '../../components/form/FormBox';
import { ChannelFormDialog } from '../../components/form/ChannelFormDialog';
import { useChannelForm } from '../../components/form/useChannelForm';
import { PersonSearchField } from './PersonSearchField';
import { NOMINATIONS } from './queries';

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
  const f = useChannelForm('levels.saveNomination', {
    initial: props.initial,
    toInput: (form: Draft) => ({
      ...form,
      year: props.year,
      decisionDate: form.decisionDate || null,
      people: form.people.map((p) => ({
        personId: p.personId,
        result: p.result,
        diplomaNumber: p.result === 'graduated' ? p.diplomaNumber : '',
        diplomaDate: p.result === 'graduated' ? p.diplomaDate || null : null,
      })),
    }),
    invalidates: NOMINATIONS,
    onSaved: props.onClose,
  });
  const { form, errors } = f;
  const setPerson = (i: number, patch: Partial<Nominee>) =>
    f.setForm((d) => ({ ...d, people: d.people.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  // A list typed in for a whole course is not thrown away by a stray click or Escape: while the form
  // has changes only «Hủy» closes it.
  const dirty = JSON.stringify(form) !== JSON.stringify(props.initial);
  return (
    <ChannelFormDialog
      form={f}
      title={form.id === undefined ? `Cử đi học năm ${props.year}` : `Sửa đợt cử đi học năm ${props.year}`}
      onClose={props.onClose}
      keepOpen={dirty}
      maxWidth="lg"
      formId="nomination-form"
    >
      <FormBox id="nomination-form" onSubmit={f.submit} sx={{ display: 'grid', gridTemplateColumns: '1fr 2fr 2fr', gap: 1.5, pt: 1 }}>
        <EnumSelect label="Hệ đào tạo" options={NOMINATION_LEVELS} labels={THEORY_LEVEL_LABELS} {...bind(f, 'level')} />
        <TextField label="Trường" autoFocus placeholder="Trường Chính trị tỉnh" {...f.text('school')} />
        <TextField label="Khóa học" placeholder="Khóa 45, hệ không tập trung" {...f.text('course')} />
        <TextField label="Số quyết định cử đi học" {...f.text('decisionNumber')} />
        <DateField label="Ngày quyết định" {...bind(f, 'decisionDate')} />
        <TextField label="Ghi chú" {...f.text('note')} />
      </FormBox>
      <Typography variant="h2" sx={{ mt: 2, mb: 1 }}>
        Người được cử ({form.people.length})
      </Typography>
      <PersonSearchField
        label="Thêm người (gõ họ tên)"
        excludeIds={new Set(form.people.map((p) => p.personId))}
        onPick={(p) =>
          f.patch({
            people: [...form.people, { personId: p.id, fullName: p.fullName, result: 'studying', diplomaNumber: '', diplomaDate: '' }],
          })
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
                <EnumSelect
                  size="small"
                  fullWidth
                  slotProps={{ htmlInput: { 'aria-label': `Kết quả của ${p.fullName}` } }}
                  options={NOMINEE_RESULTS}
                  labels={NOMINEE_RESULT_LABELS}
                  value={p.result}
                  onChange={(result) => setPerson(i, { result })}
                  {...errors.at(`people.${i}.result`)}
                />
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
                  onClick={() => f.patch({ people: form.people.filter((_, j) => j !== i) })}
                >
                  <DeleteIcon />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ChannelFormDialog>
  );
}
