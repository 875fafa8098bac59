import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, Grid, IconButton, Link, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { CLASS_FORMS, CLASS_FORM_LABELS, classInput, type ClassInput, type ClassRow } from '../../../../shared/contract/classes';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate, formatDateTime } from '../../../../shared/domain/format';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { useFormErrors } from '../../components/useFormErrors';

type Draft = Omit<ClassInput, 'cohortNumber' | 'capacity' | 'openingDecisionNumber' | 'programId'> & {
  programId: number | null;
  cohortNumber: string;
  capacity: string;
  openingDecisionNumber: string;
};

const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
const optionalNum = (s: string) => (s.trim() === '' ? null : num(s));

function toDraft(c: ClassRow): Draft {
  return {
    id: c.id,
    programId: c.programId,
    planLineId: c.planLineId,
    cohortNumber: String(c.cohortNumber),
    cohortNumbering: c.cohortNumbering,
    name: c.name,
    startDate: c.startDate,
    endDate: c.endDate,
    venueId: c.venueId,
    form: c.form,
    homeroomLecturerId: c.homeroomLecturerId,
    capacity: c.capacity === null ? '' : String(c.capacity),
    sites: c.sites,
    openingDecisionNumber: c.openingDecisionNumber === null ? '' : String(c.openingDecisionNumber),
    openingDecisionDate: c.openingDecisionDate,
  };
}

export function ClassInfoForm(props: {
  initial: ClassRow | null;
  plan: { lineId: number; programId: number; year: number } | null;
  onSaved: (c: ClassRow) => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const programs = useQuery({ queryKey: ['programs.list', false], queryFn: () => api.programs.list({ includeArchived: false }) });
  const venues = useQuery({ queryKey: ['venues.list', false], queryFn: () => api.venues.list({ includeArchived: false }) });
  const lecturers = useQuery({ queryKey: ['lecturers.list', false], queryFn: () => api.lecturers.list({ includeArchived: false }) });
  const noVenues = venues.isSuccess && venues.data.length === 0;
  const start = props.plan
    ? `${props.plan.year}-${props.plan.year === Number(todayInVietnam().slice(0, 4)) ? todayInVietnam().slice(5) : '01-05'}`
    : todayInVietnam();
  const [d, setD] = useState<Draft>(() =>
    props.initial
      ? toDraft(props.initial)
      : {
          programId: props.plan?.programId ?? null,
          planLineId: props.plan?.lineId ?? null,
          cohortNumber: '',
          cohortNumbering: 'per_year',
          name: '',
          startDate: start,
          endDate: start,
          venueId: null,
          form: 'full_time',
          homeroomLecturerId: null,
          capacity: '',
          sites: [],
          openingDecisionNumber: '',
          openingDecisionDate: null,
        },
  );
  const [suggestedDecision, setSuggestedDecision] = useState<number | null>(null);
  // A class still waiting for its opening decision is offered the next number too.
  const waiting = props.initial !== null && props.initial.openingDecisionNumber === null && props.initial.status === 'planned';
  const nextForSaved = useQuery({
    queryKey: ['classes.propose', props.initial?.programId, props.initial?.startDate],
    queryFn: () =>
      api.classes.propose({
        programId: props.initial!.programId,
        startDate: props.initial!.startDate,
        cohortNumbering: props.initial!.cohortNumbering,
      }),
    enabled: waiting,
  });
  const suggestion = suggestedDecision ?? (waiting ? (nextForSaved.data?.nextDecisionNumber ?? null) : null);
  // The number the app knows is in the field until the clerk types one; it is saved once the decision has a date.
  const [decisionTyped, setDecisionTyped] = useState(false);
  const decisionShown =
    decisionTyped || d.openingDecisionNumber !== '' || suggestion === null ? d.openingDecisionNumber : String(suggestion);
  const decisionToSave = decisionTyped || d.openingDecisionNumber !== '' || d.openingDecisionDate !== null ? decisionShown : '';
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));

  const propose = useMutation({
    mutationFn: (p: { programId: number; startDate: string; cohortNumbering: Draft['cohortNumbering'] }) => api.classes.propose(p),
    onSuccess: (r) => {
      set({ cohortNumber: String(r.cohortNumber), name: r.name });
      setSuggestedDecision(r.nextDecisionNumber);
    },
    onError: errors.fromError,
  });
  const ask = (patch: Partial<Draft>) => {
    const next = { ...d, ...patch };
    set(patch);
    if (!props.initial && next.programId && next.startDate)
      propose.mutate({ programId: next.programId, startDate: next.startDate, cohortNumbering: next.cohortNumbering });
  };
  // A plan line names the program already: ask the core for its cohort once, when a new class opens.
  const proposedFromPlan = useRef(false);
  const { mutate: proposeNow } = propose;
  useEffect(() => {
    if (props.initial || !props.plan || proposedFromPlan.current) return;
    proposedFromPlan.current = true;
    proposeNow({ programId: props.plan.programId, startDate: start, cohortNumbering: 'per_year' });
  }, [props.initial, props.plan, start, proposeNow]);

  const save = useMutation({
    mutationFn: (input: ClassInput) => api.classes.save(input),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['classes.list'] });
      void queryClient.invalidateQueries({ queryKey: ['plans.year'] });
      queryClient.setQueryData(['classes.get', c.id], c);
      props.onSaved(c);
      if (!props.initial) navigate(`/classes/${c.id}`, { replace: true });
    },
    onError: errors.fromError,
  });
  const submit = () => {
    const input: ClassInput = {
      ...(d.id ? { id: d.id } : {}),
      programId: d.programId ?? Number.NaN,
      planLineId: d.planLineId,
      cohortNumber: num(d.cohortNumber),
      cohortNumbering: d.cohortNumbering,
      name: d.name,
      startDate: d.startDate,
      endDate: d.endDate,
      venueId: d.form === 'online' ? d.venueId : d.venueId,
      form: d.form,
      homeroomLecturerId: d.homeroomLecturerId,
      capacity: optionalNum(d.capacity),
      sites: d.form === 'online' ? d.sites : [],
      openingDecisionNumber: optionalNum(decisionToSave),
      openingDecisionDate: d.openingDecisionDate,
    };
    if (errors.validate(classInput, input)) save.mutate(input);
  };
  const locked = props.initial ? ['results_recognised', 'certificates_issued', 'cancelled'].includes(props.initial.status) : false;

  return (
    <Box component="form" noValidate onSubmit={(e) => (e.preventDefault(), submit())}>
      {errors.formError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errors.formError}
        </Alert>
      )}
      {save.isSuccess && !errors.formError && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã lưu thông tin lớp lúc {formatDateTime(new Date().toISOString())}.
        </Alert>
      )}
      <Paper sx={{ p: 2 }}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 8 }}>
            <TextField
              select
              label="Chương trình"
              name="programId"
              value={d.programId ?? ''}
              disabled={Boolean(props.initial) || locked}
              onChange={(e) => ask({ programId: Number(e.target.value) })}
              {...errors.at('programId')}
            >
              {(programs.data ?? []).map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField
              select
              label="Đánh số khóa"
              name="cohortNumbering"
              value={d.cohortNumbering}
              disabled={Boolean(props.initial) || locked}
              onChange={(e) => ask({ cohortNumbering: e.target.value as Draft['cohortNumbering'] })}
            >
              <MenuItem value="per_year">Theo năm (khóa I, II… năm 2026)</MenuItem>
              <MenuItem value="continuous">Liên tục (khóa 61, 62…)</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 2 }}>
            <TextField
              label="Khóa số"
              name="cohortNumber"
              value={d.cohortNumber}
              disabled={locked}
              onChange={(e) => set({ cohortNumber: e.target.value })}
              {...errors.at('cohortNumber')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 10 }}>
            <TextField
              label="Tên lớp (như in trên văn bản)"
              name="name"
              required
              value={d.name}
              disabled={locked}
              onChange={(e) => set({ name: e.target.value })}
              {...errors.at('name', 'Phần mềm đề xuất theo chương trình, khóa và năm; có thể sửa')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <DateField
              label="Ngày khai giảng"
              name="startDate"
              value={d.startDate}
              onChange={(v) => ask({ startDate: v, ...(d.endDate < v ? { endDate: v } : {}) })}
              {...errors.at('startDate')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <DateField
              label="Ngày kết thúc"
              name="endDate"
              value={d.endDate}
              onChange={(v) => set({ endDate: v })}
              {...errors.at('endDate', 'Lập lịch học tự động sẽ cập nhật ngày này')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField
              select
              label="Hình thức"
              name="form"
              value={d.form}
              disabled={locked}
              onChange={(e) => set({ form: e.target.value as Draft['form'] })}
              {...errors.at('form')}
            >
              {CLASS_FORMS.map((f) => (
                <MenuItem key={f} value={f}>
                  {CLASS_FORM_LABELS[f]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField
              label="Sĩ số tối đa"
              name="capacity"
              value={d.capacity}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => set({ capacity: e.target.value })}
              {...errors.at('capacity')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              select
              label={d.form === 'online' ? 'Điểm cầu chính (nơi giảng)' : 'Địa điểm học'}
              name="venueId"
              value={d.venueId ?? ''}
              onChange={(e) => set({ venueId: e.target.value === '' ? null : Number(e.target.value) })}
              slotProps={{
                select: { displayEmpty: d.form === 'online' },
                inputLabel: { shrink: d.form === 'online' || d.venueId !== null },
              }}
              {...errors.at('venueId')}
              helperText={
                errors.fields.venueId ??
                (noVenues ? (
                  <>
                    Chưa có địa điểm — thêm ở{' '}
                    <Link component={RouterLink} to="/lecturers">
                      Giảng viên, địa điểm
                    </Link>
                  </>
                ) : undefined)
              }
            >
              {d.form === 'online' && <MenuItem value="">Không chọn</MenuItem>}
              {(venues.data ?? []).map((v) => (
                <MenuItem key={v.id} value={v.id}>
                  {v.name}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              select
              label="Giảng viên chủ nhiệm"
              name="homeroomLecturerId"
              value={d.homeroomLecturerId ?? ''}
              onChange={(e) => set({ homeroomLecturerId: e.target.value === '' ? null : Number(e.target.value) })}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              {...errors.at('homeroomLecturerId')}
            >
              <MenuItem value="">Chưa phân công</MenuItem>
              {(lecturers.data ?? []).map((l) => (
                <MenuItem key={l.id} value={l.id}>
                  {l.fullName}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          {d.form === 'online' && (
            <Grid size={12}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                Các điểm cầu
              </Typography>
              {d.sites.map((s, i) => (
                <Box key={i} sx={{ display: 'flex', gap: 1, mt: 1 }}>
                  <TextField
                    label={`Điểm cầu ${i + 1}`}
                    name={`sites.${i}.place`}
                    value={s.place}
                    onChange={(e) => set({ sites: d.sites.map((x, j) => (j === i ? { ...x, place: e.target.value } : x)) })}
                    {...errors.at(`sites.${i}.place`)}
                  />
                  <TextField
                    label="Người liên hệ, điện thoại"
                    name={`sites.${i}.contact`}
                    value={s.contact}
                    onChange={(e) => set({ sites: d.sites.map((x, j) => (j === i ? { ...x, contact: e.target.value } : x)) })}
                    {...errors.at(`sites.${i}.contact`)}
                  />
                  <IconButton aria-label={`Xóa điểm cầu ${i + 1}`} onClick={() => set({ sites: d.sites.filter((_, j) => j !== i) })}>
                    <DeleteIcon />
                  </IconButton>
                </Box>
              ))}
              <Button startIcon={<AddIcon />} onClick={() => set({ sites: [...d.sites, { place: '', contact: '' }] })} sx={{ mt: 1 }}>
                Thêm điểm cầu
              </Button>
              {errors.fields.sites && (
                <Typography color="error" variant="body2">
                  {errors.fields.sites}
                </Typography>
              )}
            </Grid>
          )}
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField
              label="Số quyết định mở lớp"
              name="openingDecisionNumber"
              value={decisionShown}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              onChange={(e) => (setDecisionTyped(true), set({ openingDecisionNumber: e.target.value }))}
              {...errors.at(
                'openingDecisionNumber',
                suggestion ? `Số tiếp theo trong nhiệm kỳ: ${String(suggestion).padStart(2, '0')}; có thể sửa` : undefined,
              )}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <DateField
              label="Ngày quyết định"
              name="openingDecisionDate"
              value={d.openingDecisionDate ?? ''}
              onChange={(v) => set({ openingDecisionDate: v || null })}
              {...errors.at('openingDecisionDate')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }} sx={{ display: 'flex', alignItems: 'center' }}>
            {props.initial && (
              <Typography variant="body2" color="text.secondary">
                Tiêu đề văn bản của lớp: {props.initial.issuingBody.superior} — {props.initial.issuingBody.centreName} (theo hồ sơ trung tâm
                ngày {formatDate(props.initial.startDate)}).
              </Typography>
            )}
          </Grid>
        </Grid>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
          <Button type="submit" variant="contained" disabled={save.isPending || locked}>
            Lưu thông tin lớp
          </Button>
        </Box>
      </Paper>
    </Box>
  );
}
