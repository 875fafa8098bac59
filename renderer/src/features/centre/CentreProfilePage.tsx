import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, Grid, IconButton, TextField, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { type CentreProfileInput, type CentreState, type CentreVersion } from '../../../../shared/contract/centre';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/domain/format';
import { DateField } from '../../components/DateField';
import { bind } from '../../components/form/bind';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { GridTextField } from '../../components/form/GridFields';
import { ListError } from '../../components/form/ListError';
import { QueryView } from '../../components/form/QueryView';
import { useChannelForm } from '../../components/form/useChannelForm';
import { ListField } from '../../components/ListField';
import { PageHeader } from '../../components/PageHeader';
import { SimpleTable, type Column } from '../../components/SimpleTable';
import { NEXT_PANEL, Panel } from '../../components/Panel';
import { PartyHeaderPreview } from './PartyHeaderPreview';
import { CENTRE_CHANGE, useCentre } from './queries';

type Form = Required<CentreProfileInput>;

const EMPTY: Form = {
  validFrom: todayInVietnam(),
  name: '',
  superior: '',
  docCode: 'TTCT',
  placeName: '',
  address: '',
  phone: '',
  director: { name: '', title: 'Giám đốc' },
  deputies: [],
  areaCommunes: [],
  areaPartyOrgs: [],
};

function toForm(v: CentreVersion): Form {
  const { id: _id, validTo: _to, updatedAt: _u, ...rest } = v;
  return rest;
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const HISTORY_COLUMNS: Column<CentreVersion>[] = [
  { label: 'Từ ngày', headSx: NO_WRAP, render: (v) => formatDate(v.validFrom) },
  { label: 'Đến ngày', headSx: NO_WRAP, render: (v) => (v.validTo ? formatDate(v.validTo) : 'nay') },
  {
    label: 'Tên và cấp ủy cấp trên',
    render: (v) => (
      <>
        {v.name}
        <Typography variant="body2" color="text.secondary">
          {v.superior}
        </Typography>
      </>
    ),
  },
];

type Leader = Form['director'];

/** A leader's name and title on one line, marked by the messages under `path` ("director", "deputies.2"). */
function LeaderFields(props: {
  path: string;
  nameLabel: string;
  leader: Leader;
  f: { at: (path: string) => { error: boolean; helperText?: string } };
  onChange: (leader: Leader) => void;
  children?: ReactNode;
}) {
  const { path, leader } = props;
  return (
    <Grid size={12} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
      {(['name', 'title'] as const).map((key) => (
        <TextField
          key={key}
          label={key === 'name' ? props.nameLabel : 'Chức vụ'}
          name={`${path}.${key}`}
          required
          value={leader[key]}
          onChange={(e) => props.onChange({ ...leader, [key]: e.target.value })}
          sx={{ flex: key === 'name' ? 7 : 5 }}
          {...props.f.at(`${path}.${key}`)}
        />
      ))}
      {props.children}
    </Grid>
  );
}

export function CentreProfilePage() {
  return (
    <QueryView query={useCentre()} loading={null}>
      {(centre) => <CentreProfileForm initial={centre} />}
    </QueryView>
  );
}

function CentreProfileForm({ initial }: { initial: CentreState }) {
  const centre = useCentre().data ?? initial;
  const [loadedFrom, setLoadedFrom] = useState<string | null>(initial.current?.validFrom ?? null);
  const f = useChannelForm('centre.save', {
    initial: () => (initial.current ? toForm(initial.current) : EMPTY),
    toInput: (form) => form,
    invalidates: CENTRE_CHANGE,
    onSaved: (state, input) => {
      const saved = state.history.find((v) => v.validFrom === input.validFrom);
      if (saved) load(saved);
    },
  });
  const { form, errors, save } = f;
  const load = (v: CentreVersion) => {
    f.setForm(toForm(v));
    setLoadedFrom(v.validFrom);
  };

  /** A list of names bound like `bind`, marked by its own message or one about its items. */
  const bindList = (key: 'areaCommunes' | 'areaPartyOrgs') => ({ ...bind(f, key), ...listErrors(errors.fields, key) });

  const isFirst = !centre.current;
  const history = centre.history;
  const isNewVersion = history.length > 0 && !history.some((v) => v.validFrom === form.validFrom);

  return (
    <Box component="form" noValidate onSubmit={(e) => (e.preventDefault(), save.reset(), f.submit())} sx={{ maxWidth: 1100 }}>
      <PageHeader
        title="Hồ sơ trung tâm"
        subtitle="Các thông tin này được in trên tiêu đề, dòng địa danh và khối chữ ký của mọi văn bản."
        actions={
          <Button type="submit" variant="contained" disabled={f.busy}>
            Lưu hồ sơ
          </Button>
        }
      />
      {isFirst && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Chào mừng! Đây là lần đầu sử dụng phần mềm. Hãy nhập thông tin của trung tâm rồi bấm «Lưu hồ sơ».
        </Alert>
      )}
      <ErrorAlert error={f.formError} sx={{ mb: 2 }} />
      {save.isSuccess && !f.formError && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã lưu hồ sơ trung tâm (áp dụng từ ngày {formatDate(form.validFrom)}).
        </Alert>
      )}

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Panel title="Thông tin chung">
            <Grid container spacing={2}>
              <GridTextField label="Tên trung tâm" required placeholder="Trung tâm Chính trị xã Đắk Hà" {...f.text('name')} />
              <GridTextField
                label="Cấp ủy cấp trên"
                required
                placeholder="ĐẢNG ỦY XÃ ĐẮK HÀ hoặc HUYỆN ỦY …"
                {...f.text('superior', 'In ở dòng đầu tiên góc trái tiêu đề văn bản')}
              />
              <GridTextField sm={4} label="Ký hiệu văn bản" required {...f.text('docCode', 'Ví dụ: Số 12-QĐ/TTCT')} />
              <GridTextField
                sm={8}
                label="Địa danh ghi ngày tháng"
                required
                placeholder="Đắk Hà"
                {...f.text('placeName', '«Đắk Hà, ngày … tháng … năm …»')}
              />
              <GridTextField sm={8} label="Địa chỉ" {...f.text('address')} />
              <GridTextField sm={4} label="Điện thoại" {...f.text('phone')} />
            </Grid>
          </Panel>

          <Panel title="Lãnh đạo trung tâm" sx={NEXT_PANEL}>
            <Grid container spacing={2}>
              <LeaderFields
                path="director"
                nameLabel="Họ và tên giám đốc"
                leader={form.director}
                f={f}
                onChange={(director) => f.patch({ director })}
              />
              {form.deputies.map((d, i) => (
                <LeaderFields
                  key={i}
                  path={`deputies.${i}`}
                  nameLabel={`Họ và tên phó giám đốc ${i + 1}`}
                  leader={d}
                  f={f}
                  onChange={(deputy) => f.patch({ deputies: form.deputies.map((old, j) => (j === i ? deputy : old)) })}
                >
                  <IconButton
                    aria-label={`Xóa phó giám đốc ${i + 1}`}
                    onClick={() => f.patch({ deputies: form.deputies.filter((_, j) => j !== i) })}
                  >
                    <DeleteIcon />
                  </IconButton>
                </LeaderFields>
              ))}
              <Grid size={12}>
                <Button
                  startIcon={<AddIcon />}
                  onClick={() => f.patch({ deputies: [...form.deputies, { name: '', title: 'Phó Giám đốc' }] })}
                  disabled={form.deputies.length >= 6}
                >
                  Thêm phó giám đốc
                </Button>
                <ListError error={errors.fields.deputies} />
              </Grid>
            </Grid>
          </Panel>

          <Panel title="Địa bàn phụ trách" sx={NEXT_PANEL}>
            <Box sx={{ display: 'grid', gap: 2 }}>
              <ListField
                label="Các xã, phường"
                placeholder="Gõ tên rồi nhấn Enter, hoặc dán cả cột từ Excel"
                {...bindList('areaCommunes')}
              />
              <ListField
                label="Các tổ chức cơ sở đảng"
                placeholder="Đảng bộ …, Chi bộ … — nhấn Enter sau mỗi tên"
                {...bindList('areaPartyOrgs')}
              />
            </Box>
          </Panel>
        </Grid>

        <Grid size={{ xs: 12, md: 5 }}>
          <Panel title="Thời điểm áp dụng" titleGap={1}>
            <DateField label="Áp dụng từ ngày" {...bind(f, 'validFrom')} />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {isNewVersion
                ? 'Ngày mới: khi lưu sẽ thêm một giai đoạn mới; văn bản trước ngày này vẫn in theo thông tin cũ.'
                : 'Giữ nguyên ngày để sửa thông tin của giai đoạn này. Khi trung tâm đổi tên hoặc đổi cấp ủy trực thuộc (ví dụ sắp xếp năm 2025), chọn ngày bắt đầu thay đổi.'}
            </Typography>
          </Panel>
          <Panel title="Mẫu tiêu đề văn bản" sx={NEXT_PANEL} titleGap={1}>
            <PartyHeaderPreview
              superior={form.superior}
              name={form.name}
              docCode={form.docCode}
              placeName={form.placeName}
              date={form.validFrom}
            />
          </Panel>
          {history.length > 0 && (
            <Panel title="Các giai đoạn" sx={NEXT_PANEL} titleGap={1}>
              <SimpleTable
                aria-label="Lịch sử hồ sơ trung tâm"
                columns={HISTORY_COLUMNS}
                rows={[...history].reverse()}
                rowKey={(v) => v.id}
                rowProps={(v) => ({
                  hover: true,
                  selected: v.validFrom === loadedFrom,
                  sx: { cursor: 'pointer' },
                  onClick: () => {
                    errors.clear();
                    save.reset();
                    load(v);
                  },
                })}
              />
            </Panel>
          )}
        </Grid>
      </Grid>
    </Box>
  );
}

/** A list's own message, or the first message about one of its items. */
function listErrors(fields: Record<string, string>, key: string): { error: boolean; helperText?: string } {
  const own = fields[key];
  const item = Object.entries(fields).find(([k]) => k.startsWith(`${key}.`))?.[1];
  const message = own ?? item;
  return message ? { error: true, helperText: message } : { error: false };
}
