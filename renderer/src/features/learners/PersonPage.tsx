import HistoryEduIcon from '@mui/icons-material/HistoryEdu';
import { Alert, Autocomplete, Box, Button, Grid, TextField } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { zodIssuesToFields } from '../../../../shared/contract';
import type { Output } from '../../../../shared/contract';
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
import { ApiError } from '../../api';
import { bind } from '../../components/form/bind';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { GridCell, GridTextField } from '../../components/form/GridFields';
import { OptionalEnumSelect } from '../../components/form/OptionalEnumSelect';
import { QueryView } from '../../components/form/QueryView';
import { useChannelForm } from '../../components/form/useChannelForm';
import { CommuneField } from '../../components/form/CommuneField';
import { PageHeader } from '../../components/PageHeader';
import { NEXT_PANEL, Panel } from '../../components/Panel';
import { EMPTY_PERSON, formToInput, personToForm, type PersonForm } from './person-form';
import { LearningRecordDialog } from './LearningRecordDialog';
import { PersonSidePanel } from './PersonSidePanel';
import { usePersonDataExport } from './PersonDataExport';
import { useUnits } from '../units/queries';
import { useLearner } from './queries';

export function PersonPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : undefined;
  const record = useLearner(id);
  if (id === undefined) return <PersonEditor key="new" initial={null} />;
  return (
    <QueryView query={record} loading={null}>
      {(data) => (record.isFetching ? null : <PersonEditor key={`${id}-${data.person.updatedAt}`} initial={data} />)}
    </QueryView>
  );
}

type LearnerRecord = Output<'learners.get'>;

/** A coded field of the record (sex, theory level, party status): «Chưa rõ» until it is known. */
function CodeSelect<T extends string>(props: Omit<Parameters<typeof OptionalEnumSelect<T>>[0], 'noneLabel'>) {
  return <OptionalEnumSelect noneLabel="Chưa rõ" {...props} />;
}

function PersonEditor({ initial }: { initial: LearnerRecord | null }) {
  const navigate = useNavigate();
  const units = useUnits();
  const [saved, setSaved] = useState<Person | null>(null);
  const person = saved ?? initial?.person ?? null;
  const toInput = (form: PersonForm) => ({ ...formToInput(form).input, ...(person ? { expectedUpdatedAt: person.updatedAt } : {}) });
  const f = useChannelForm('learners.save', {
    initial: () => (initial ? personToForm(initial.person) : EMPTY_PERSON),
    toInput,
    invalidates: ['learners.search', 'learners.count'],
    onSaved: (p) => {
      setSaved(p);
      f.setForm(personToForm(p));
      if (!initial) navigate(`/learners/${p.id}`, { replace: true });
    },
  });
  const { form, errors } = f;

  const submit = () => {
    setSaved(null);
    const dateErrors = formToInput(form).dateErrors;
    if (Object.keys(dateErrors).length) {
      // The schema's messages and the dates the form could not read, marked together.
      const check = personInput.safeParse(toInput(form));
      const fields = { ...(check.success ? {} : zodIssuesToFields(check.error.issues)), ...dateErrors };
      errors.fromError(new ApiError({ code: 'INVALID_INPUT', message: 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu đỏ.', fields }));
      return;
    }
    f.submit();
  };

  const unitOptions = (units.data ?? []).filter((u) => !u.archivedAt || u.id === form.unitId);
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
            <Button type="submit" variant="contained" disabled={f.busy || merged !== null}>
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
      <ErrorAlert error={errors.formError} sx={{ mb: 2 }} />
      {personData.status}
      {recordOpen && person && <LearningRecordDialog personId={person.id} onClose={() => setRecordOpen(false)} />}
      {saved && !errors.formError && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã lưu lúc {formatDateTime(saved.updatedAt)}.
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Panel title="Nhân thân">
            <Grid container spacing={2}>
              <GridTextField sm={5} label="Họ và chữ đệm" {...f.text('familyAndMiddle')} />
              <GridTextField sm={3} label="Tên" required {...f.text('given')} />
              <GridCell sm={4}>
                <CodeSelect label="Giới tính" options={SEXES} labels={SEX_LABELS} {...bind(f, 'sex')} />
              </GridCell>
              <GridTextField
                sm={4}
                label="Ngày sinh"
                placeholder="05/09/1975, 09/1975 hoặc 1975"
                {...f.text('birthDate', 'Hồ sơ cũ chỉ có năm cũng được')}
              />
              <GridCell sm={4}>
                <Autocomplete
                  options={ETHNIC_GROUPS}
                  getOptionLabel={(g) => `${g.name} (${g.code})`}
                  value={ETHNIC_GROUPS.find((g) => g.code === form.ethnicityCode) ?? null}
                  onChange={(_e, g) => f.patch({ ethnicityCode: g?.code ?? null })}
                  renderInput={(p) => <TextField {...p} label="Dân tộc" name="ethnicityCode" {...errors.at('ethnicityCode')} />}
                />
              </GridCell>
              <GridTextField sm={4} label="Tôn giáo" {...f.text('religion')} />
              <GridTextField label="Quê quán (ghi như trong hồ sơ)" {...f.text('homePlace')} />
              <GridCell sm={6}>
                <CommuneField label="Xã, phường nơi ở (danh mục 2025)" {...bind(f, 'communeCode')} />
              </GridCell>
              <GridTextField sm={6} label="Điện thoại" {...f.text('phone')} />
              <GridTextField sm={6} label="Đơn vị công tác" {...f.text('workplace')} />
              <GridTextField sm={6} label="Chức vụ" {...f.text('position')} />
              <GridTextField sm={6} label="Trình độ học vấn, chuyên môn" {...f.text('educationLevel')} />
              <GridCell sm={6}>
                <CodeSelect label="Lý luận chính trị" options={THEORY_LEVELS} labels={THEORY_LEVEL_LABELS} {...bind(f, 'theoryLevel')} />
              </GridCell>
              <GridTextField sm={6} label="Số CCCD (12 chữ số)" numeric {...f.text('citizenId')} />
            </Grid>
          </Panel>
          <Panel title="Đảng" sx={NEXT_PANEL}>
            <Grid container spacing={2}>
              <GridCell sm={4}>
                <CodeSelect
                  label="Đảng viên / quần chúng"
                  options={PARTY_STATUSES}
                  labels={PARTY_STATUS_LABELS}
                  {...bind(f, 'partyStatus')}
                />
              </GridCell>
              <GridTextField
                sm={4}
                label="Ngày vào Đảng"
                placeholder="dd/mm/yyyy"
                disabled={!form.partyStatus || form.partyStatus === 'quan_chung'}
                {...f.text('admissionDate')}
              />
              <GridTextField
                sm={4}
                label="Ngày chính thức"
                placeholder="dd/mm/yyyy"
                disabled={form.partyStatus !== 'chinh_thuc'}
                {...f.text('confirmationDate')}
              />
              <GridCell sm={8}>
                <Autocomplete
                  options={unitOptions}
                  getOptionLabel={(u) => u.name}
                  value={unitOptions.find((u) => u.id === form.unitId) ?? null}
                  onChange={(_e, u) => f.patch({ unitId: u?.id ?? null })}
                  renderInput={(p) => <TextField {...p} label="Chi bộ, đảng bộ sinh hoạt" name="unitId" {...errors.at('unitId')} />}
                />
              </GridCell>
              <GridTextField sm={4} label="Số thẻ đảng viên" {...f.text('partyCard')} />
              <GridTextField label="Ghi chú" multiline minRows={2} {...f.text('notes')} />
            </Grid>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <PersonSidePanel person={person} initial={initial} classCount={classCount} />
        </Grid>
      </Grid>
    </Box>
  );
}
