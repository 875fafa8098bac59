import ArchiveIcon from '@mui/icons-material/ArchiveOutlined';
import UnarchiveIcon from '@mui/icons-material/UnarchiveOutlined';
import { Alert, Box, Button, Chip, Grid, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useBlocker, useNavigate, useParams } from 'react-router';
import { OUTCOMES, OUTCOME_LABELS, programInput, type Program } from '../../../../shared/contract/programs';
import { formatDateTime } from '../../../../shared/domain/format';
import { PARTY_STATUSES, PARTY_STATUS_LABELS, THEORY_LEVEL_LABELS, type PartyStatus } from '../../../../shared/domain/learner-fields';
import { HELD_LEVELS } from '../../../../shared/contract/levels';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { useFormErrors } from '../../components/useFormErrors';
import { AssessmentEditor } from './AssessmentEditor';
import { EMPTY_PROGRAM, formToInput, programToForm, type ProgramForm } from './program-form';
import { TopicsEditor } from './TopicsEditor';
import { ErrorAlert } from '../../components/form/ErrorAlert';

export function ProgramEditorPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : undefined;
  const program = useQuery({
    queryKey: ['programs.get', id],
    queryFn: () => api.programs.get({ id: id! }),
    enabled: id !== undefined,
  });
  if (id === undefined) return <ProgramEditor key="new" initial={null} />;
  if (program.isError) return <Alert severity="error">{program.error.message}</Alert>;
  if (!program.data) return null;
  return <ProgramEditor key={id} initial={program.data} />;
}

function ProgramEditor({ initial }: { initial: Program | null }) {
  const id = initial?.id;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [form, setForm] = useState<ProgramForm>(() => (initial ? programToForm(initial) : EMPTY_PROGRAM));
  const [baseline, setBaseline] = useState<ProgramForm>(form);
  const [archivedAt, setArchivedAt] = useState<string | null>(initial?.archivedAt ?? null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const dirty = useMemo(() => JSON.stringify(formToInput(form)) !== JSON.stringify(formToInput(baseline)), [form, baseline]);
  // Set just before leaving on purpose (after the first save of a new program), read when the router asks.
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );

  const afterSave = (saved: Program) => {
    queryClient.setQueryData(['programs.get', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['programs.list'] });
    const f = programToForm(saved);
    setForm(f);
    setBaseline(f);
    setArchivedAt(saved.archivedAt);
    setSavedAt(saved.updatedAt);
  };

  const save = useMutation({
    mutationFn: (input: ReturnType<typeof formToInput>) => api.programs.save(input),
    onSuccess: (saved) => {
      afterSave(saved);
      if (id === undefined) {
        leaving.current = true;
        navigate(`/programs/${saved.id}`, { replace: true });
      }
    },
    onError: errors.fromError,
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => api.programs.setArchived({ id: id!, archived }),
    onSuccess: afterSave,
    onError: errors.fromError,
  });

  const patch = (p: Partial<ProgramForm>) => setForm((f) => ({ ...f, ...p }));
  const submit = () => {
    setSavedAt(null);
    const input = formToInput(form);
    if (errors.validate(programInput, input)) save.mutate(input);
  };

  const archived = archivedAt !== null;

  return (
    <Box component="form" noValidate onSubmit={(e) => (e.preventDefault(), submit())} sx={{ maxWidth: 1200 }}>
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
                onClick={() => archive.mutate(!archived)}
                disabled={archive.isPending || dirty}
                title={dirty ? 'Lưu thay đổi trước khi lưu trữ' : undefined}
              >
                {archived ? 'Dùng lại' : 'Lưu trữ'}
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={save.isPending}>
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
          <Grid size={{ xs: 12, sm: 3, md: 2 }}>
            <TextField
              label="Mã"
              name="code"
              required
              value={form.code}
              onChange={(e) => patch({ code: e.target.value })}
              {...errors.at('code')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 9, md: 10 }}>
            <TextField
              label="Tên chương trình (như in trên giấy tờ)"
              name="name"
              required
              value={form.name}
              onChange={(e) => patch({ name: e.target.value })}
              {...errors.at('name')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Đối tượng học viên"
              name="targetLearners"
              value={form.targetLearners}
              onChange={(e) => patch({ targetLearners: e.target.value })}
              {...errors.at('targetLearners')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField
              select
              label="Hình thức công nhận"
              name="outcome"
              value={form.outcome}
              onChange={(e) => {
                const outcome = e.target.value as ProgramForm['outcome'];
                patch({ outcome, ...(outcome === 'none' || outcome === 'external' ? { validityMonths: '' } : {}) });
              }}
              {...errors.at('outcome')}
            >
              {OUTCOMES.map((o) => (
                <MenuItem key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField
              label="Thời hạn (tháng)"
              name="validityMonths"
              value={form.validityMonths}
              disabled={form.outcome === 'none' || form.outcome === 'external'}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => patch({ validityMonths: e.target.value })}
              {...errors.at('validityMonths', 'Thời hạn giá trị của giấy; để trống nếu không có')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              label="Tỉ lệ vắng tối đa (%)"
              name="maxAbsencePct"
              required
              value={form.maxAbsencePct}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => patch({ maxAbsencePct: e.target.value })}
              {...errors.at('maxAbsencePct', 'Vắng quá tỉ lệ này (tính theo số buổi) thì không đủ điều kiện')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              label="Số lần đánh giá lại"
              name="maxRetakes"
              required
              value={form.maxRetakes}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => patch({ maxRetakes: e.target.value })}
              {...errors.at('maxRetakes')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              label="Số ngày học thường lệ"
              name="typicalDays"
              value={form.typicalDays}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => patch({ typicalDays: e.target.value })}
              {...errors.at('typicalDays')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 8 }}>
            <TextField
              select
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
            >
              {PARTY_STATUSES.map((s) => (
                <MenuItem key={s} value={s}>
                  {PARTY_STATUS_LABELS[s]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              select
              label="Hoàn thành thì đạt trình độ LLCT"
              name="grantsLevel"
              value={form.grantsLevel ?? ''}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              onChange={(e) => patch({ grantsLevel: (e.target.value || null) as ProgramForm['grantsLevel'] })}
              {...errors.at('grantsLevel', 'Trình độ lý luận chính trị của học viên tự nâng khi kết quả được công nhận')}
            >
              <MenuItem value="">Không nâng trình độ</MenuItem>
              {HELD_LEVELS.map((l) => (
                <MenuItem key={l} value={l}>
                  {THEORY_LEVEL_LABELS[l]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
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

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title="Rời trang khi chưa lưu?"
        confirmLabel="Rời trang, bỏ thay đổi"
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        Chương trình có thay đổi chưa lưu. Nếu rời trang, các thay đổi này sẽ mất.
      </ConfirmDialog>
    </Box>
  );
}
