import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, Grid, IconButton, Link, Paper, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { CLASS_FORMS, CLASS_FORM_LABELS, type ClassInput, type ClassRow } from '../../../../shared/contract/classes';
import { formatDate, formatDateTime } from '../../../../shared/domain/format';
import { DateField } from '../../components/DateField';
import { bind } from '../../components/form/bind';
import { bindId } from '../../components/form/bindId';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { EnumSelect } from '../../components/form/EnumSelect';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { FormBox } from '../../components/form/FormBox';
import { GridCell, GridTextField } from '../../components/form/GridFields';
import { ListError } from '../../components/form/ListError';
import { rowText, type RowList } from '../../components/form/row-fields';
import { useChannelForm } from '../../components/form/useChannelForm';
import { useLecturers, useVenues } from '../lecturers/queries';
import { usePrograms } from '../programs/queries';
import { classFormToInput, classToForm, newClassForm, newClassStart, type ClassForm, type PlanLineRef } from './class-form';
import { CLASS_CHANGE, useClassProposal, useProposeClass, useStoreClass } from './queries';

const NUMBERINGS = ['per_year', 'continuous'] as const;
const NUMBERING_LABELS = { per_year: 'Theo năm (khóa I, II… mỗi năm đánh lại)', continuous: 'Liên tục (khóa 61, 62…)' } as const;
const LOCKED_STATUSES: readonly ClassRow['status'][] = ['results_recognised', 'certificates_issued', 'cancelled'];

export function ClassInfoForm(props: { initial: ClassRow | null; plan: PlanLineRef | null }) {
  const { initial, plan } = props;
  const navigate = useNavigate();
  const storeClass = useStoreClass();
  const programs = usePrograms(false);
  const venues = useVenues(false);
  const lecturers = useLecturers(false);
  const noVenues = venues.isSuccess && venues.data.length === 0;
  const start = newClassStart(plan);
  const [suggestedDecision, setSuggestedDecision] = useState<number | null>(null);
  // A class still waiting for its opening decision is offered the next number too.
  const waiting = initial !== null && initial.openingDecisionNumber === null && initial.status === 'planned';
  const nextForSaved = useClassProposal(
    initial && waiting ? { programId: initial.programId, startDate: initial.startDate, cohortNumbering: initial.cohortNumbering } : null,
  );
  const suggestion = suggestedDecision ?? (waiting ? (nextForSaved.data?.nextDecisionNumber ?? null) : null);
  // The number the app knows is in the field until the clerk types one; it is saved once the decision has a date.
  const [decisionTyped, setDecisionTyped] = useState(false);

  const f = useChannelForm('classes.save', {
    initial: (): ClassForm => (initial ? classToForm(initial) : newClassForm(plan)),
    // Read at submit: the decision number as shown then (the form's, or the one the app proposed).
    toInput: (d: ClassForm): ClassInput => classFormToInput(d, decisionToSave),
    invalidates: CLASS_CHANGE,
    onSaved: (c) => {
      storeClass(c);
      if (!initial) navigate(`/classes/${c.id}`, { replace: true });
    },
  });
  const d = f.form;
  const decisionShown =
    decisionTyped || d.openingDecisionNumber !== '' || suggestion === null ? d.openingDecisionNumber : String(suggestion);
  const decisionToSave: string = decisionTyped || d.openingDecisionNumber !== '' || d.openingDecisionDate !== null ? decisionShown : '';

  const propose = useProposeClass({
    onSuccess: (r) => {
      f.patch({ cohortNumber: String(r.cohortNumber), name: r.name });
      setSuggestedDecision(r.nextDecisionNumber);
    },
    onError: f.errors.fromError,
  });
  const ask = (patch: Partial<ClassForm>) => {
    const next = { ...d, ...patch };
    f.patch(patch);
    if (!initial && next.programId && next.startDate)
      propose.mutate({ programId: next.programId, startDate: next.startDate, cohortNumbering: next.cohortNumbering });
  };
  // A plan line names the program already: ask the core for its cohort once, when a new class opens.
  const proposedFromPlan = useRef(false);
  const { mutate: proposeNow } = propose;
  useEffect(() => {
    if (initial || !plan || proposedFromPlan.current) return;
    proposedFromPlan.current = true;
    proposeNow({ programId: plan.programId, startDate: start, cohortNumbering: 'per_year' });
  }, [initial, plan, start, proposeNow]);

  const locked = initial ? LOCKED_STATUSES.includes(initial.status) : false;
  const sites: RowList<ClassForm['sites'][number]> = { name: 'sites', rows: d.sites, onChange: (s) => f.patch({ sites: s }), at: f.at };

  return (
    <FormBox noValidate onSubmit={f.submit}>
      <ErrorAlert error={f.formError} sx={{ mb: 2 }} />
      {f.save.isSuccess && !f.formError && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã lưu thông tin lớp lúc {formatDateTime(new Date().toISOString())}.
        </Alert>
      )}
      <Paper sx={{ p: 2 }}>
        <Grid container spacing={2}>
          <GridCell md={8}>
            <ChoiceSelect
              label="Chương trình"
              disabled={Boolean(initial) || locked}
              choices={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              {...bindId(f, 'programId')}
              onChange={(e) => ask({ programId: Number(e.target.value) })}
            />
          </GridCell>
          <GridCell md={4}>
            <EnumSelect
              label="Đánh số khóa"
              options={NUMBERINGS}
              labels={NUMBERING_LABELS}
              disabled={Boolean(initial) || locked}
              {...bind(f, 'cohortNumbering')}
              onChange={(cohortNumbering) => ask({ cohortNumbering })}
            />
          </GridCell>
          <GridTextField md={2} label="Khóa số" disabled={locked} {...f.text('cohortNumber')} />
          <GridTextField
            md={10}
            label="Tên lớp (như in trên văn bản)"
            required
            disabled={locked}
            {...f.text('name', 'Phần mềm đề xuất theo chương trình, khóa và năm; có thể sửa')}
          />
          <GridCell sm={6} md={3}>
            <DateField
              label="Ngày khai giảng"
              {...bind(f, 'startDate')}
              onChange={(v) => ask({ startDate: v, ...(d.endDate < v ? { endDate: v } : {}) })}
            />
          </GridCell>
          <GridCell sm={6} md={3}>
            <DateField label="Ngày kết thúc" {...bind(f, 'endDate', 'Lập lịch học tự động sẽ cập nhật ngày này')} />
          </GridCell>
          <GridCell sm={6} md={3}>
            <EnumSelect label="Hình thức" options={CLASS_FORMS} labels={CLASS_FORM_LABELS} disabled={locked} {...bind(f, 'form')} />
          </GridCell>
          <GridTextField sm={6} md={3} label="Sĩ số tối đa" numeric {...f.text('capacity')} />
          <GridCell md={6}>
            <ChoiceSelect
              label={d.form === 'online' ? 'Điểm cầu chính (nơi giảng)' : 'Địa điểm học'}
              slotProps={{
                select: { displayEmpty: d.form === 'online' },
                inputLabel: { shrink: d.form === 'online' || d.venueId !== null },
              }}
              empty={d.form === 'online' ? 'Không chọn' : undefined}
              choices={(venues.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
              {...bindId(f, 'venueId')}
              helperText={
                f.errors.fields.venueId ??
                (noVenues ? (
                  <>
                    Chưa có địa điểm — thêm ở{' '}
                    <Link component={RouterLink} to="/lecturers">
                      Giảng viên, địa điểm
                    </Link>
                  </>
                ) : undefined)
              }
            />
          </GridCell>
          <GridCell md={6}>
            <ChoiceSelect
              label="Giảng viên chủ nhiệm"
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              empty="Chưa phân công"
              choices={(lecturers.data ?? []).map((l) => ({ value: l.id, label: l.fullName }))}
              {...bindId(f, 'homeroomLecturerId')}
            />
          </GridCell>
          {d.form === 'online' && (
            <GridCell>
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                Các điểm cầu
              </Typography>
              {d.sites.map((_s, i) => (
                <Box key={i} sx={{ display: 'flex', gap: 1, mt: 1 }}>
                  <TextField label={`Điểm cầu ${i + 1}`} {...rowText(sites, i, 'place')} />
                  <TextField label="Người liên hệ, điện thoại" {...rowText(sites, i, 'contact')} />
                  <IconButton aria-label={`Xóa điểm cầu ${i + 1}`} onClick={() => f.patch({ sites: d.sites.filter((_, j) => j !== i) })}>
                    <DeleteIcon />
                  </IconButton>
                </Box>
              ))}
              <Button startIcon={<AddIcon />} onClick={() => f.patch({ sites: [...d.sites, { place: '', contact: '' }] })} sx={{ mt: 1 }}>
                Thêm điểm cầu
              </Button>
              <ListError error={f.errors.fields.sites} />
            </GridCell>
          )}
          <GridTextField
            sm={6}
            md={3}
            label="Số quyết định mở lớp"
            name="openingDecisionNumber"
            value={decisionShown}
            numeric
            onChange={(e) => (setDecisionTyped(true), f.patch({ openingDecisionNumber: e.target.value }))}
            {...f.at(
              'openingDecisionNumber',
              suggestion ? `Số tiếp theo trong nhiệm kỳ: ${String(suggestion).padStart(2, '0')}; có thể sửa` : undefined,
            )}
          />
          <GridCell sm={6} md={3}>
            <DateField
              label="Ngày quyết định"
              name="openingDecisionDate"
              value={d.openingDecisionDate ?? ''}
              onChange={(v) => f.patch({ openingDecisionDate: v || null })}
              {...f.at('openingDecisionDate')}
            />
          </GridCell>
          <GridCell md={6} sx={{ display: 'flex', alignItems: 'center' }}>
            {initial && (
              <Typography variant="body2" color="text.secondary">
                Tiêu đề văn bản của lớp: {initial.issuingBody.superior} — {initial.issuingBody.centreName} (theo hồ sơ trung tâm ngày{' '}
                {formatDate(initial.startDate)}).
              </Typography>
            )}
          </GridCell>
        </Grid>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
          <Button type="submit" variant="contained" disabled={f.busy || locked}>
            Lưu thông tin lớp
          </Button>
        </Box>
      </Paper>
    </FormBox>
  );
}
