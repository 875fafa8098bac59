import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Grid,
  IconButton,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { centreProfileInput, type CentreProfileInput, type CentreState, type CentreVersion } from '../../../../shared/contract/centre';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate } from '../../../../shared/domain/format';
import { api } from '../../api';
import { STATUS_KEY } from '../../app/useAppStatus';
import { DateField } from '../../components/DateField';
import { ListField } from '../../components/ListField';
import { PageHeader } from '../../components/PageHeader';
import { useFormErrors } from '../../components/useFormErrors';
import { PartyHeaderPreview } from './PartyHeaderPreview';
import { ErrorAlert } from '../../components/form/ErrorAlert';

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

export function CentreProfilePage() {
  const centre = useQuery({ queryKey: ['centre.get'], queryFn: () => api.centre.get() });
  if (centre.isError) return <Alert severity="error">{centre.error.message}</Alert>;
  if (!centre.data) return null;
  return <CentreProfileForm initial={centre.data} />;
}

function CentreProfileForm({ initial }: { initial: CentreState }) {
  const queryClient = useQueryClient();
  const centre = useQuery({ queryKey: ['centre.get'], queryFn: () => api.centre.get(), initialData: initial });
  const [form, setForm] = useState<Form>(() => (initial.current ? toForm(initial.current) : EMPTY));
  const [loadedFrom, setLoadedFrom] = useState<string | null>(initial.current?.validFrom ?? null);
  const errors = useFormErrors();

  const save = useMutation({
    mutationFn: (input: CentreProfileInput) => api.centre.save(input),
    onSuccess: (state) => {
      queryClient.setQueryData(['centre.get'], state);
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
      const saved = state.history.find((v) => v.validFrom === form.validFrom);
      if (saved) {
        setForm(toForm(saved));
        setLoadedFrom(saved.validFrom);
      }
    },
    onError: errors.fromError,
  });

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setDeputy = (i: number, key: 'name' | 'title', value: string) =>
    setForm((f) => ({ ...f, deputies: f.deputies.map((d, j) => (j === i ? { ...d, [key]: value } : d)) }));

  const submit = () => {
    save.reset();
    if (errors.validate(centreProfileInput, form)) save.mutate(form);
  };

  const isFirst = !centre.data.current;
  const history = centre.data.history;
  const isNewVersion = history.length > 0 && !history.some((v) => v.validFrom === form.validFrom);

  return (
    <Box component="form" noValidate onSubmit={(e) => (e.preventDefault(), submit())} sx={{ maxWidth: 1100 }}>
      <PageHeader
        title="Hồ sơ trung tâm"
        subtitle="Các thông tin này được in trên tiêu đề, dòng địa danh và khối chữ ký của mọi văn bản."
        actions={
          <Button type="submit" variant="contained" disabled={save.isPending}>
            Lưu hồ sơ
          </Button>
        }
      />
      {isFirst && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Chào mừng! Đây là lần đầu sử dụng phần mềm. Hãy nhập thông tin của trung tâm rồi bấm «Lưu hồ sơ».
        </Alert>
      )}
      <ErrorAlert error={errors.formError} sx={{ mb: 2 }} />
      {save.isSuccess && !errors.formError && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Đã lưu hồ sơ trung tâm (áp dụng từ ngày {formatDate(form.validFrom)}).
        </Alert>
      )}

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h2" sx={{ mb: 2 }}>
              Thông tin chung
            </Typography>
            <Grid container spacing={2}>
              <Grid size={12}>
                <TextField
                  label="Tên trung tâm"
                  name="name"
                  required
                  placeholder="Trung tâm Chính trị xã Đắk Hà"
                  value={form.name}
                  onChange={(e) => set('name', e.target.value)}
                  {...errors.at('name')}
                />
              </Grid>
              <Grid size={12}>
                <TextField
                  label="Cấp ủy cấp trên"
                  name="superior"
                  required
                  placeholder="ĐẢNG ỦY XÃ ĐẮK HÀ hoặc HUYỆN ỦY …"
                  value={form.superior}
                  onChange={(e) => set('superior', e.target.value)}
                  {...errors.at('superior', 'In ở dòng đầu tiên góc trái tiêu đề văn bản')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  label="Ký hiệu văn bản"
                  name="docCode"
                  required
                  value={form.docCode}
                  onChange={(e) => set('docCode', e.target.value)}
                  {...errors.at('docCode', 'Ví dụ: Số 12-QĐ/TTCT')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 8 }}>
                <TextField
                  label="Địa danh ghi ngày tháng"
                  name="placeName"
                  required
                  placeholder="Đắk Hà"
                  value={form.placeName}
                  onChange={(e) => set('placeName', e.target.value)}
                  {...errors.at('placeName', '«Đắk Hà, ngày … tháng … năm …»')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 8 }}>
                <TextField
                  label="Địa chỉ"
                  name="address"
                  value={form.address}
                  onChange={(e) => set('address', e.target.value)}
                  {...errors.at('address')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField
                  label="Điện thoại"
                  name="phone"
                  value={form.phone}
                  onChange={(e) => set('phone', e.target.value)}
                  {...errors.at('phone')}
                />
              </Grid>
            </Grid>
          </Paper>

          <Paper sx={{ p: 2, mt: 2 }}>
            <Typography variant="h2" sx={{ mb: 2 }}>
              Lãnh đạo trung tâm
            </Typography>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, sm: 7 }}>
                <TextField
                  label="Họ và tên giám đốc"
                  name="director.name"
                  required
                  value={form.director.name}
                  onChange={(e) => set('director', { ...form.director, name: e.target.value })}
                  {...errors.at('director.name')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 5 }}>
                <TextField
                  label="Chức vụ"
                  name="director.title"
                  required
                  value={form.director.title}
                  onChange={(e) => set('director', { ...form.director, title: e.target.value })}
                  {...errors.at('director.title')}
                />
              </Grid>
              {form.deputies.map((d, i) => (
                <Grid size={12} key={i} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
                  <TextField
                    label={`Họ và tên phó giám đốc ${i + 1}`}
                    name={`deputies.${i}.name`}
                    required
                    value={d.name}
                    onChange={(e) => setDeputy(i, 'name', e.target.value)}
                    sx={{ flex: 7 }}
                    {...errors.at(`deputies.${i}.name`)}
                  />
                  <TextField
                    label="Chức vụ"
                    name={`deputies.${i}.title`}
                    required
                    value={d.title}
                    onChange={(e) => setDeputy(i, 'title', e.target.value)}
                    sx={{ flex: 5 }}
                    {...errors.at(`deputies.${i}.title`)}
                  />
                  <IconButton
                    aria-label={`Xóa phó giám đốc ${i + 1}`}
                    onClick={() =>
                      set(
                        'deputies',
                        form.deputies.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <DeleteIcon />
                  </IconButton>
                </Grid>
              ))}
              <Grid size={12}>
                <Button
                  startIcon={<AddIcon />}
                  onClick={() => set('deputies', [...form.deputies, { name: '', title: 'Phó Giám đốc' }])}
                  disabled={form.deputies.length >= 6}
                >
                  Thêm phó giám đốc
                </Button>
                {errors.fields.deputies && (
                  <Typography color="error" variant="body2">
                    {errors.fields.deputies}
                  </Typography>
                )}
              </Grid>
            </Grid>
          </Paper>

          <Paper sx={{ p: 2, mt: 2 }}>
            <Typography variant="h2" sx={{ mb: 2 }}>
              Địa bàn phụ trách
            </Typography>
            <Box sx={{ display: 'grid', gap: 2 }}>
              <ListField
                label="Các xã, phường"
                name="areaCommunes"
                value={form.areaCommunes}
                onChange={(v) => set('areaCommunes', v)}
                placeholder="Gõ tên rồi nhấn Enter, hoặc dán cả cột từ Excel"
                {...listErrors(errors.fields, 'areaCommunes')}
              />
              <ListField
                label="Các tổ chức cơ sở đảng"
                name="areaPartyOrgs"
                value={form.areaPartyOrgs}
                onChange={(v) => set('areaPartyOrgs', v)}
                placeholder="Đảng bộ …, Chi bộ … — nhấn Enter sau mỗi tên"
                {...listErrors(errors.fields, 'areaPartyOrgs')}
              />
            </Box>
          </Paper>
        </Grid>

        <Grid size={{ xs: 12, md: 5 }}>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h2" sx={{ mb: 1 }}>
              Thời điểm áp dụng
            </Typography>
            <DateField
              label="Áp dụng từ ngày"
              name="validFrom"
              value={form.validFrom}
              onChange={(v) => set('validFrom', v)}
              {...errors.at('validFrom')}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {isNewVersion
                ? 'Ngày mới: khi lưu sẽ thêm một giai đoạn mới; văn bản trước ngày này vẫn in theo thông tin cũ.'
                : 'Giữ nguyên ngày để sửa thông tin của giai đoạn này. Khi trung tâm đổi tên hoặc đổi cấp ủy trực thuộc (ví dụ sắp xếp năm 2025), chọn ngày bắt đầu thay đổi.'}
            </Typography>
          </Paper>
          <Paper sx={{ p: 2, mt: 2 }}>
            <Typography variant="h2" sx={{ mb: 1 }}>
              Mẫu tiêu đề văn bản
            </Typography>
            <PartyHeaderPreview
              superior={form.superior}
              name={form.name}
              docCode={form.docCode}
              placeName={form.placeName}
              date={form.validFrom}
            />
          </Paper>
          {history.length > 0 && (
            <Paper sx={{ p: 2, mt: 2 }}>
              <Typography variant="h2" sx={{ mb: 1 }}>
                Các giai đoạn
              </Typography>
              <Table size="small" aria-label="Lịch sử hồ sơ trung tâm">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>Từ ngày</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>Đến ngày</TableCell>
                    <TableCell>Tên và cấp ủy cấp trên</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[...history].reverse().map((v) => (
                    <TableRow
                      key={v.id}
                      hover
                      selected={v.validFrom === loadedFrom}
                      sx={{ cursor: 'pointer' }}
                      onClick={() => {
                        errors.clear();
                        save.reset();
                        setForm(toForm(v));
                        setLoadedFrom(v.validFrom);
                      }}
                    >
                      <TableCell>{formatDate(v.validFrom)}</TableCell>
                      <TableCell>{v.validTo ? formatDate(v.validTo) : 'nay'}</TableCell>
                      <TableCell>
                        {v.name}
                        <Typography variant="body2" color="text.secondary">
                          {v.superior}
                        </Typography>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
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
