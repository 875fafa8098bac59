import HistoryEduIcon from '@mui/icons-material/HistoryEdu';
import { Alert, Autocomplete, Box, Button, Grid, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { zodIssuesToFields } from '../../../../shared/contract';
import { personInput, type Person } from '../../../../shared/contract/learners';
import { ETHNIC_GROUPS } from '../../../../shared/domain/ethnic-groups';
import { formatDateTime } from '../../../../shared/domain/format';
import {
  PARTY_STATUSES,
  PARTY_STATUS_LABELS,
  SEXES,
  SEX_LABELS,
  THEORY_LEVELS,
  THEORY_LEVEL_LABELS,
} from '../../../../shared/domain/learner-fields';
import { api, ApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useFormErrors } from '../../components/useFormErrors';
import { EMPTY_PERSON, formToInput, personToForm, type PersonForm } from './person-form';
import { LearningRecordDialog } from './LearningRecordDialog';
import { PersonSidePanel } from './PersonSidePanel';
import { usePersonDataExport } from './PersonDataExport';
import { useUnits } from '../units/queries';
import { useCommuneFilter, useCommunes } from '../reference/queries';

export function PersonPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : undefined;
  // Always fresh when opened: an import or a merge may have changed the record since it was last shown.
  const record = useQuery({
    queryKey: ['learners.get', id],
    queryFn: () => api.learners.get({ id: id! }),
    enabled: id !== undefined,
    staleTime: 0,
  });
  if (id === undefined) return <PersonEditor key="new" initial={null} />;
  if (record.isError) return <Alert severity="error">{record.error.message}</Alert>;
  if (!record.data || record.isFetching) return null;
  return <PersonEditor key={`${id}-${record.data.person.updatedAt}`} initial={record.data} />;
}

type Record = Awaited<ReturnType<typeof api.learners.get>>;

function PersonEditor({ initial }: { initial: Record | null }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const units = useUnits();
  const communes = useCommunes();
  const filterCommunes = useCommuneFilter();
  const [form, setForm] = useState<PersonForm>(() => (initial ? personToForm(initial.person) : EMPTY_PERSON));
  const [saved, setSaved] = useState<Person | null>(null);
  const person = saved ?? initial?.person ?? null;
  const set = <K extends keyof PersonForm>(key: K, value: PersonForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = useMutation({
    mutationFn: (input: Parameters<typeof api.learners.save>[0]) => api.learners.save(input),
    onSuccess: (p) => {
      setSaved(p);
      setForm(personToForm(p));
      void queryClient.invalidateQueries({ queryKey: ['learners.search'] });
      void queryClient.invalidateQueries({ queryKey: ['learners.count'] });
      if (!initial) navigate(`/learners/${p.id}`, { replace: true });
    },
    onError: errors.fromError,
  });

  const submit = () => {
    setSaved(null);
    const converted = formToInput(form);
    const input = { ...converted.input, ...(person ? { expectedUpdatedAt: person.updatedAt } : {}) };
    const dateErrors = converted.dateErrors;
    if (Object.keys(dateErrors).length) {
      // The schema's messages and the dates the form could not read, marked together.
      const check = personInput.safeParse(input);
      const fields = { ...(check.success ? {} : zodIssuesToFields(check.error.issues)), ...dateErrors };
      errors.fromError(new ApiError({ code: 'INVALID_INPUT', message: 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu đỏ.', fields }));
      return;
    }
    const valid = errors.validate(personInput, input);
    if (valid) save.mutate(input);
  };

  const unitOptions = useMemo(() => (units.data ?? []).filter((u) => !u.archivedAt || u.id === form.unitId), [units.data, form.unitId]);
  const merged = person?.mergedIntoId ?? null;
  const personData = usePersonDataExport(person?.id ?? null);
  const [recordOpen, setRecordOpen] = useState(false);
  const classCount = initial?.history.filter((h) => h.kind === 'class').length ?? 0;

  return (
    <Box component="form" noValidate onSubmit={(e) => (e.preventDefault(), submit())} sx={{ maxWidth: 1200 }}>
      <PageHeader
        title={person ? person.fullName : 'Thêm học viên'}
        subtitle={person ? `Hồ sơ số ${person.id}` : 'Nhập thông tin như trong lý lịch; chỉ cần tên, các ô khác bổ sung sau cũng được.'}
        actions={
          <>
            <Button onClick={() => navigate('/learners')}>Về danh sách</Button>
            {person && (
              <Button startIcon={<HistoryEduIcon />} onClick={() => setRecordOpen(true)}>
                Giấy xác nhận quá trình học tập
              </Button>
            )}
            {personData.button}
            <Button type="submit" variant="contained" disabled={save.isPending || merged !== null}>
              Lưu hồ sơ
            </Button>
          </>
        }
      />
      {merged !== null && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Hồ sơ này đã được gộp vào <RouterLink to={`/learners/${merged}`}>hồ sơ số {merged}</RouterLink>.
        </Alert>
      )}
      {errors.formError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errors.formError}
        </Alert>
      )}
      {personData.status}
      {recordOpen && person && <LearningRecordDialog personId={person.id} onClose={() => setRecordOpen(false)} />}
      {saved && !errors.formError && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã lưu lúc {formatDateTime(saved.updatedAt)}.
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h2" sx={{ mb: 2 }}>
              Nhân thân
            </Typography>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, sm: 5 }}>
                <TextField
                  label="Họ và chữ đệm"
                  name="familyAndMiddle"
                  value={form.familyAndMiddle}
                  onChange={(e) => set('familyAndMiddle', e.target.value)}
                  {...errors.at('familyAndMiddle')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 3 }}>
                <TextField
                  label="Tên"
                  name="given"
                  required
                  value={form.given}
                  onChange={(e) => set('given', e.target.value)}
                  {...errors.at('given')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  select
                  label="Giới tính"
                  name="sex"
                  value={form.sex ?? ''}
                  onChange={(e) => set('sex', (e.target.value || null) as PersonForm['sex'])}
                  {...errors.at('sex')}
                >
                  <MenuItem value="">Chưa rõ</MenuItem>
                  {SEXES.map((s) => (
                    <MenuItem key={s} value={s}>
                      {SEX_LABELS[s]}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  label="Ngày sinh"
                  name="birthDate"
                  placeholder="05/09/1975, 09/1975 hoặc 1975"
                  value={form.birthDate}
                  onChange={(e) => set('birthDate', e.target.value)}
                  {...errors.at('birthDate', 'Hồ sơ cũ chỉ có năm cũng được')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Autocomplete
                  options={ETHNIC_GROUPS}
                  getOptionLabel={(g) => `${g.name} (${g.code})`}
                  value={ETHNIC_GROUPS.find((g) => g.code === form.ethnicityCode) ?? null}
                  onChange={(_e, g) => set('ethnicityCode', g?.code ?? null)}
                  renderInput={(p) => <TextField {...p} label="Dân tộc" name="ethnicityCode" {...errors.at('ethnicityCode')} />}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  label="Tôn giáo"
                  name="religion"
                  value={form.religion}
                  onChange={(e) => set('religion', e.target.value)}
                  {...errors.at('religion')}
                />
              </Grid>
              <Grid size={12}>
                <TextField
                  label="Quê quán (ghi như trong hồ sơ)"
                  name="homePlace"
                  value={form.homePlace}
                  onChange={(e) => set('homePlace', e.target.value)}
                  {...errors.at('homePlace')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <Autocomplete
                  options={communes.data ?? []}
                  filterOptions={filterCommunes}
                  getOptionLabel={(c) => `${c.name}, ${c.provinceName}`}
                  value={communes.data?.find((c) => c.code === form.communeCode) ?? null}
                  onChange={(_e, c) => set('communeCode', c?.code ?? null)}
                  renderInput={(p) => (
                    <TextField {...p} label="Xã, phường nơi ở (danh mục 2025)" name="communeCode" {...errors.at('communeCode')} />
                  )}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label="Điện thoại"
                  name="phone"
                  value={form.phone}
                  onChange={(e) => set('phone', e.target.value)}
                  {...errors.at('phone')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label="Đơn vị công tác"
                  name="workplace"
                  value={form.workplace}
                  onChange={(e) => set('workplace', e.target.value)}
                  {...errors.at('workplace')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label="Chức vụ"
                  name="position"
                  value={form.position}
                  onChange={(e) => set('position', e.target.value)}
                  {...errors.at('position')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label="Trình độ học vấn, chuyên môn"
                  name="educationLevel"
                  value={form.educationLevel}
                  onChange={(e) => set('educationLevel', e.target.value)}
                  {...errors.at('educationLevel')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  select
                  label="Lý luận chính trị"
                  name="theoryLevel"
                  value={form.theoryLevel ?? ''}
                  onChange={(e) => set('theoryLevel', (e.target.value || null) as PersonForm['theoryLevel'])}
                  {...errors.at('theoryLevel')}
                >
                  <MenuItem value="">Chưa rõ</MenuItem>
                  {THEORY_LEVELS.map((t) => (
                    <MenuItem key={t} value={t}>
                      {THEORY_LEVEL_LABELS[t]}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label="Số CCCD (12 chữ số)"
                  name="citizenId"
                  value={form.citizenId}
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                  onChange={(e) => set('citizenId', e.target.value)}
                  {...errors.at('citizenId')}
                />
              </Grid>
            </Grid>
          </Paper>
          <Paper sx={{ p: 2, mt: 2 }}>
            <Typography variant="h2" sx={{ mb: 2 }}>
              Đảng
            </Typography>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  select
                  label="Đảng viên / quần chúng"
                  name="partyStatus"
                  value={form.partyStatus ?? ''}
                  onChange={(e) => set('partyStatus', (e.target.value || null) as PersonForm['partyStatus'])}
                  {...errors.at('partyStatus')}
                >
                  <MenuItem value="">Chưa rõ</MenuItem>
                  {PARTY_STATUSES.map((s) => (
                    <MenuItem key={s} value={s}>
                      {PARTY_STATUS_LABELS[s]}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  label="Ngày vào Đảng"
                  name="admissionDate"
                  placeholder="dd/mm/yyyy"
                  value={form.admissionDate}
                  disabled={!form.partyStatus || form.partyStatus === 'quan_chung'}
                  onChange={(e) => set('admissionDate', e.target.value)}
                  {...errors.at('admissionDate')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  label="Ngày chính thức"
                  name="confirmationDate"
                  placeholder="dd/mm/yyyy"
                  value={form.confirmationDate}
                  disabled={form.partyStatus !== 'chinh_thuc'}
                  onChange={(e) => set('confirmationDate', e.target.value)}
                  {...errors.at('confirmationDate')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 8 }}>
                <Autocomplete
                  options={unitOptions}
                  getOptionLabel={(u) => u.name}
                  value={unitOptions.find((u) => u.id === form.unitId) ?? null}
                  onChange={(_e, u) => set('unitId', u?.id ?? null)}
                  renderInput={(p) => <TextField {...p} label="Chi bộ, đảng bộ sinh hoạt" name="unitId" {...errors.at('unitId')} />}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  label="Số thẻ đảng viên"
                  name="partyCard"
                  value={form.partyCard}
                  onChange={(e) => set('partyCard', e.target.value)}
                  {...errors.at('partyCard')}
                />
              </Grid>
              <Grid size={12}>
                <TextField
                  label="Ghi chú"
                  name="notes"
                  multiline
                  minRows={2}
                  value={form.notes}
                  onChange={(e) => set('notes', e.target.value)}
                  {...errors.at('notes')}
                />
              </Grid>
            </Grid>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <PersonSidePanel person={person} initial={initial} classCount={classCount} />
        </Grid>
      </Grid>
    </Box>
  );
}
