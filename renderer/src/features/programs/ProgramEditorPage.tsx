import ArchiveIcon from '@mui/icons-material/ArchiveOutlined';
import UnarchiveIcon from '@mui/icons-material/UnarchiveOutlined';
import { Alert, Button, Chip, Grid, Paper, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useBlocker, useNavigate, useParams } from 'react-router';
import { HELD_LEVELS } from '../../../../shared/contract/levels';
import { OUTCOMES, OUTCOME_LABELS, type Program } from '../../../../shared/contract/programs';
import { formatDateTime } from '../../../../shared/domain/format';
import { PARTY_STATUSES, PARTY_STATUS_LABELS, THEORY_LEVEL_LABELS, type PartyStatus } from '../../../../shared/domain/learner-fields';
import { bind } from '../../components/form/bind';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { EnumSelect } from '../../components/form/EnumSelect';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormBox } from '../../components/form/FormBox';
import { GridCell, GridTextField } from '../../components/form/GridFields';
import { QueryView } from '../../components/form/QueryView';
import { useChannelForm } from '../../components/form/useChannelForm';
import { PageHeader } from '../../components/PageHeader';
import { UnsavedChangesDialog } from '../../components/UnsavedChangesDialog';
import { AssessmentEditor } from './AssessmentEditor';
import { EMPTY_PROGRAM, formToInput, programToForm, type ProgramForm } from './program-form';
import { PROGRAM_CHANGE, useProgram, useSetProgramArchived, useStoreProgram } from './queries';
import { TopicsEditor } from './TopicsEditor';

export function ProgramEditorPage() {
  const params = useParams();
  if (!params.id) return <ProgramEditor key="new" initial={null} />;
  return <SavedProgram id={Number(params.id)} />;
}

function SavedProgram({ id }: { id: number }) {
  return (
    <QueryView query={useProgram(id)} loading={null}>
      {(program) => <ProgramEditor key={id} initial={program} />}
    </QueryView>
  );
}

function ProgramEditor({ initial }: { initial: Program | null }) {
  const id = initial?.id;
  const navigate = useNavigate();
  const storeProgram = useStoreProgram();
  // The form as last saved: what leaving the page would lose is the difference from it.
  const [baseline, setBaseline] = useState<ProgramForm>(() => (initial ? programToForm(initial) : EMPTY_PROGRAM));
  const [archivedAt, setArchivedAt] = useState<string | null>(initial?.archivedAt ?? null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // Set just before leaving on purpose (after the first save of a new program), read when the router asks.
  const leaving = useRef(false);

  const afterSave = (saved: Program) => {
    storeProgram(saved);
    const next = programToForm(saved);
    f.setForm(next);
    setBaseline(next);
    setArchivedAt(saved.archivedAt);
    setSavedAt(saved.updatedAt);
  };
  const f = useChannelForm('programs.save', {
    initial: baseline,
    toInput: formToInput,
    invalidates: PROGRAM_CHANGE,
    onSaved: (saved) => {
      afterSave(saved);
      if (id === undefined) {
        leaving.current = true;
        navigate(`/programs/${saved.id}`, { replace: true });
      }
    },
  });
  const { form, patch, errors } = f;
  const archive = useSetProgramArchived({ onSuccess: afterSave, onError: errors.fromError });

  const dirty = JSON.stringify(formToInput(form)) !== JSON.stringify(formToInput(baseline));
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const submit = () => {
    setSavedAt(null);
    f.submit();
  };

  const archived = archivedAt !== null;

  return (
    <FormBox noValidate onSubmit={submit} sx={{ maxWidth: 1200 }}>
      <PageHeader
        title={id === undefined ? 'Thêm chương trình' : form.name || 'Chương trình'}
        subtitle={id === undefined ? 'Nhập thông tin chương trình, các chuyên đề và cách đánh giá.' : `Mã ${baseline.code}`}
        actions={
          <>
            {archived && <Chip label="Đã lưu trữ" sx={{ alignSelf: 'center' }} />}
            <Button onClick={() => navigate('/programs')}>Về danh mục</Button>
            {id !== undefined && (
              <Button
                startIcon={archived ? <UnarchiveIcon /> : <ArchiveIcon />}
                onClick={() => archive.mutate({ id, archived: !archived })}
                disabled={archive.isPending || dirty}
                title={dirty ? 'Lưu thay đổi trước khi lưu trữ' : undefined}
              >
                {archived ? 'Dùng lại' : 'Lưu trữ'}
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={f.busy}>
              Lưu chương trình
            </Button>
          </>
        }
      />
      <ErrorAlert error={errors.formError} sx={{ mb: 2 }} />
      {savedAt && !errors.formError && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã lưu lúc {formatDateTime(savedAt)}.
        </Alert>
      )}
      {archived && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Chương trình đã lưu trữ: không dùng để mở lớp mới, nhưng các lớp và giấy chứng nhận cũ vẫn giữ nguyên.
        </Alert>
      )}

      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography variant="h2" sx={{ mb: 2 }}>
          Thông tin chương trình
        </Typography>
        <Grid container spacing={2}>
          <GridTextField sm={3} md={2} label="Mã" required {...f.text('code')} />
          <GridTextField sm={9} md={10} label="Tên chương trình (như in trên giấy tờ)" required {...f.text('name')} />
          <GridTextField md={6} label="Đối tượng học viên" {...f.text('targetLearners')} />
          <GridCell sm={6} md={3}>
            <EnumSelect
              label="Hình thức công nhận"
              options={OUTCOMES}
              labels={OUTCOME_LABELS}
              {...bind(f, 'outcome')}
              onChange={(outcome) => patch({ outcome, ...(outcome === 'none' || outcome === 'external' ? { validityMonths: '' } : {}) })}
            />
          </GridCell>
          <GridTextField
            sm={6}
            md={3}
            label="Thời hạn (tháng)"
            disabled={form.outcome === 'none' || form.outcome === 'external'}
            numeric
            {...f.text('validityMonths', 'Thời hạn giá trị của giấy; để trống nếu không có')}
          />
          <GridTextField
            sm={4}
            label="Tỉ lệ vắng tối đa (%)"
            required
            numeric
            {...f.text('maxAbsencePct', 'Vắng quá tỉ lệ này (tính theo số buổi) thì không đủ điều kiện')}
          />
          <GridTextField sm={4} label="Số lần đánh giá lại" required numeric {...f.text('maxRetakes')} />
          <GridTextField sm={4} label="Số ngày học thường lệ" numeric {...f.text('typicalDays')} />
          <GridCell sm={8}>
            <ChoiceSelect
              label="Dành cho (đảng tịch)"
              name="fitStatuses"
              value={form.fitStatuses}
              slotProps={{
                select: {
                  multiple: true,
                  renderValue: (v) =>
                    (v as string[]).length === 0 ? 'Mọi người' : (v as PartyStatus[]).map((s) => PARTY_STATUS_LABELS[s]).join(', '),
                  displayEmpty: true,
                },
                inputLabel: { shrink: true },
              }}
              onChange={(e) => patch({ fitStatuses: e.target.value as unknown as PartyStatus[] })}
              {...errors.at('fitStatuses', 'Ghi danh người không thuộc đối tượng này phải ghi lý do; để trống nếu ai cũng học được')}
              choices={PARTY_STATUSES.map((s) => ({ value: s, label: PARTY_STATUS_LABELS[s] }))}
            />
          </GridCell>
          <GridCell sm={4}>
            <ChoiceSelect
              label="Hoàn thành thì đạt trình độ LLCT"
              name="grantsLevel"
              value={form.grantsLevel ?? ''}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              onChange={(e) => patch({ grantsLevel: (e.target.value || null) as ProgramForm['grantsLevel'] })}
              {...errors.at('grantsLevel', 'Trình độ lý luận chính trị của học viên tự nâng khi kết quả được công nhận')}
              empty="Không nâng trình độ"
              choices={HELD_LEVELS.map((l) => ({ value: l, label: THEORY_LEVEL_LABELS[l] }))}
            />
          </GridCell>
        </Grid>
      </Paper>

      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Chuyên đề (theo thứ tự giảng)
        </Typography>
        <TopicsEditor topics={form.topics} onChange={(topics) => patch({ topics })} at={errors.at} listError={errors.fields.topics} />
      </Paper>

      <Paper sx={{ p: 2 }}>
        <Typography variant="h2" sx={{ mb: 2 }}>
          Đánh giá và xếp loại
        </Typography>
        <AssessmentEditor form={form} onChange={patch} at={errors.at} fields={errors.fields} />
      </Paper>

      <UnsavedChangesDialog blocker={blocker} title="Rời trang khi chưa lưu?" confirmLabel="Rời trang, bỏ thay đổi">
        Chương trình có thay đổi chưa lưu. Nếu rời trang, các thay đổi này sẽ mất.
      </UnsavedChangesDialog>
    </FormBox>
  );
}
