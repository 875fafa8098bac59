import ImageIcon from '@mui/icons-material/Image';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Paper,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useBlocker, useSearchParams } from 'react-router';
import { zodIssuesToFields } from '../../../../../shared/contract';
import {
  CERTIFICATE_FIELD_LABELS,
  certificateImageSchema,
  certificateLayoutSchema,
  defaultCertificateLayout,
  type CertificateField,
  type CertificateFieldKey,
  type CertificateLayout,
  type CertificateOrientation,
  type CertificatePaper,
} from '../../../../../shared/domain/certificate-layout';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useFilePicker } from '../../../components/useFilePicker';
import { useFormErrors } from '../../../components/useFormErrors';
import { FieldPanel } from './FieldPanel';
import { LayoutCanvas } from './LayoutCanvas';
import { useElementWidth } from '../../../components/useElementWidth';
import { ErrorAlert } from '../../../components/form/ErrorAlert';
import { usePrograms } from '../../programs/queries';
import { useCalibrationPdf, useCertificateLayout, useLayoutPreview, usePrinterOffset, useSaveLayout } from '../queries';

/** One layout per program: the program is chosen here and kept in the address. */
export function CertificateLayoutTab() {
  const [params, setParams] = useSearchParams();
  // Archived programs too: their classes' certificates are still reprinted with their layout.
  const programs = usePrograms(true);
  if (programs.isError) return <ErrorAlert error={programs.error} />;
  if (!programs.data) return null;
  if (programs.data.length === 0)
    return <Alert severity="info">Chưa có chương trình đào tạo nào; mẫu giấy được thiết kế theo từng chương trình.</Alert>;
  const chosen = Number(params.get('program'));
  const program = programs.data.find((p) => p.id === chosen) ?? programs.data[0]!;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <TextField
        select
        label="Chương trình đào tạo"
        value={program.id}
        onChange={(e) => setParams({ tab: 'layout', program: String(e.target.value) })}
        sx={{ maxWidth: 700 }}
      >
        {programs.data.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.archivedAt ? `${p.name} (đã lưu trữ)` : p.name}
          </MenuItem>
        ))}
      </TextField>
      <SavedLayout key={program.id} programId={program.id} />
    </Box>
  );
}

function SavedLayout({ programId }: { programId: number }) {
  const saved = useCertificateLayout(programId);
  if (saved.isError) return <ErrorAlert error={saved.error} />;
  if (!saved.data) return null;
  return <LayoutEditor programId={programId} initial={saved.data.layout} isDefault={saved.data.isDefault} />;
}

type View = 'sample' | 'calibration';
const PREVIEW_DELAY_MS = 250;

function LayoutEditor({ programId, initial, isDefault }: { programId: number; initial: CertificateLayout; isDefault: boolean }) {
  const [draft, setDraft] = useState(initial);
  const [baseline, setBaseline] = useState(initial);
  const [selected, setSelected] = useState<CertificateFieldKey | null>(initial.fields[0]?.key ?? null);
  const [view, setView] = useState<View>('sample');
  const [notice, setNotice] = useState<string | null>(isDefault ? 'Chương trình này chưa có mẫu riêng: đang hiện mẫu mặc định.' : null);
  const [imageProblem, setImageProblem] = useState<string | null>(null);
  const server = useFormErrors();

  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  const check = useMemo(() => certificateLayoutSchema.safeParse(draft), [draft]);
  const errors = check.success ? server.fields : zodIssuesToFields(check.error.issues);
  const invalid = new Set<CertificateFieldKey>(
    Object.keys(errors).flatMap((path) => {
      const m = /^fields\.(\d+)\./.exec(path);
      const f = m ? draft.fields[Number(m[1])] : undefined;
      return f ? [f.key] : [];
    }),
  );
  const problems = Object.entries(errors).map(([path, message]) => {
    const m = /^fields\.(\d+)\./.exec(path);
    const f = m ? draft.fields[Number(m[1])] : undefined;
    return f && !message.includes('«') ? `«${CERTIFICATE_FIELD_LABELS[f.key]}»: ${message}` : message;
  });

  // The frame follows the last valid draft, asked for once the clerk pauses: a drag moves only the
  // boxes, and the print HTML (with its image) is not fetched for every half millimetre.
  const [shown, setShown] = useState({ layout: initial, version: 0 });
  const valid = check.success ? check.data : null;
  useEffect(() => {
    if (!valid) return;
    const timer = setTimeout(() => setShown((s) => (s.layout === valid ? s : { layout: valid, version: s.version + 1 })), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [valid]);
  const preview = useLayoutPreview(view, { programId, layout: shown.layout }, shown.version);
  const offset = usePrinterOffset();

  const change = (next: CertificateLayout) => {
    setDraft(next);
    server.clear();
    setNotice(null);
  };
  const changeField = (key: CertificateFieldKey, patch: Partial<CertificateField>) =>
    change({ ...draft, fields: draft.fields.map((f) => (f.key === key ? { ...f, ...patch } : f)) });
  const changePaper = (paper: CertificatePaper, orientation: CertificateOrientation) => {
    const fresh = defaultCertificateLayout(paper, orientation);
    const keep = new Set(draft.fields.map((f) => f.key));
    change({ ...draft, paper, orientation, fields: fresh.fields.filter((f) => keep.has(f.key)) });
    setNotice('Đã đổi khổ giấy: các trường được đặt lại theo vị trí mặc định của khổ mới.');
  };

  const save = useSaveLayout({
    onMutate: () => server.clear(),
    onSuccess: (r) => {
      setDraft(r.layout);
      setBaseline(r.layout);
      setImageProblem(null);
      setNotice('Đã lưu mẫu giấy. Giấy in từ nay theo mẫu này.');
    },
    onError: (err) => server.fromError(err),
  });
  const calibrationPdf = useCalibrationPdf();

  const onImage = async (file: File) => {
    setImageProblem(null);
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(new Error('read'));
      reader.readAsDataURL(file);
    }).catch(() => null);
    const checked = certificateImageSchema.safeParse(url ?? '');
    if (!checked.success) {
      setImageProblem(`${file.name}: ${checked.error.issues[0]?.message ?? 'Tệp ảnh không hợp lệ'}`);
      return;
    }
    change({ ...draft, imageDataUrl: checked.data });
  };
  const imagePicker = useFilePicker({ accept: 'image/png,image/jpeg', label: 'Ảnh nền mẫu giấy', onFile: (f) => void onImage(f) });

  const { ref: paneRef, width: paneWidth } = useElementWidth<HTMLDivElement>(860);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 380px', gap: 2, alignItems: 'start' }}>
      <Paper sx={{ p: 2, overflow: 'auto' }}>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }}>
          <ToggleButtonGroup
            size="small"
            exclusive
            sx={{ whiteSpace: 'nowrap' }}
            value={view}
            onChange={(_e, v: View | null) => v && setView(v)}
            aria-label="Nội dung khung xem"
          >
            <ToggleButton value="sample">Giấy mẫu</ToggleButton>
            <ToggleButton value="calibration">Trang cân chỉnh</ToggleButton>
          </ToggleButtonGroup>
          <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 220px' }}>
            Kéo từng khung, hoặc chọn rồi dùng phím mũi tên (0,5 mm; giữ Shift: 5 mm).
          </Typography>
          <Button
            startIcon={<PictureAsPdfIcon />}
            onClick={() => calibrationPdf.mutate({ programId, layout: draft })}
            disabled={!check.success || calibrationPdf.isPending}
            sx={{ whiteSpace: 'nowrap' }}
          >
            Lưu trang cân chỉnh (PDF)
          </Button>
        </Box>
        <ErrorAlert error={calibrationPdf.error} sx={{ mb: 1 }} />
        <ErrorAlert error={preview.error} sx={{ mb: 1 }} />
        {/* The sheet is drawn at the width its pane has (860 px at most), so it is never cut on a 1366-pixel screen. */}
        <Box ref={paneRef}>
          <LayoutCanvas
            layout={draft}
            html={preview.data?.html ?? null}
            title={preview.data?.title ?? 'Mẫu giấy'}
            selected={selected}
            invalid={invalid}
            maxWidthPx={Math.min(860, paneWidth)}
            {...(view === 'calibration' && offset.data ? { shift: offset.data } : {})}
            onSelect={setSelected}
            onMove={(key, x, y) => changeField(key, { x, y })}
          />
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {view === 'sample'
            ? 'Khung xem là chính bản in, với dữ liệu minh họa (số «MẪU», mã QR không có chữ ký).'
            : 'Trang cân chỉnh in qua độ lệch máy in đã lưu: đặt lên phôi hoặc đo bằng thước để biết máy in lệch bao nhiêu.'}
        </Typography>
      </Paper>

      <Paper sx={{ p: 2, display: 'grid', gap: 1.5 }}>
        <Typography variant="h2">Trang giấy</Typography>
        <Box sx={{ display: 'flex', gap: 1 }}>
          <TextField
            select
            size="small"
            label="Khổ giấy"
            value={draft.paper}
            onChange={(e) => changePaper(e.target.value as CertificatePaper, draft.orientation)}
            sx={{ width: 110 }}
          >
            <MenuItem value="A5">A5</MenuItem>
            <MenuItem value="A4">A4</MenuItem>
          </TextField>
          <TextField
            select
            size="small"
            label="Hướng giấy"
            value={draft.orientation}
            onChange={(e) => changePaper(draft.paper, e.target.value as CertificateOrientation)}
            sx={{ width: 140 }}
          >
            <MenuItem value="landscape">Khổ ngang</MenuItem>
            <MenuItem value="portrait">Khổ dọc</MenuItem>
          </TextField>
        </Box>
        <TextField
          select
          size="small"
          label="Cách in"
          value={draft.mode}
          onChange={(e) => change({ ...draft, mode: e.target.value as CertificateLayout['mode'] })}
        >
          <MenuItem value="full">In toàn bộ trên giấy trắng</MenuItem>
          <MenuItem value="preprinted">Chỉ in nội dung lên phôi in sẵn</MenuItem>
        </TextField>
        {draft.mode === 'full' && (
          <FormControlLabel
            control={<Checkbox checked={draft.border} onChange={(e) => change({ ...draft, border: e.target.checked })} />}
            label="Viền trang trí"
          />
        )}
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button size="small" startIcon={<ImageIcon />} onClick={imagePicker.open}>
            {draft.imageDataUrl ? 'Đổi ảnh nền…' : 'Chọn ảnh nền…'}
          </Button>
          {draft.imageDataUrl && (
            <Button size="small" color="error" onClick={() => change({ ...draft, imageDataUrl: null })}>
              Bỏ ảnh
            </Button>
          )}
          {imagePicker.input}
        </Box>
        <ErrorAlert error={imageProblem} />
        <ErrorAlert error={errors.imageDataUrl} />

        <FieldPanel
          fields={draft.fields}
          selected={selected}
          errors={errors}
          onSelect={setSelected}
          onChange={changeField}
          onRemove={(key) => {
            change({ ...draft, fields: draft.fields.filter((f) => f.key !== key) });
            setSelected(draft.fields.find((f) => f.key !== key)?.key ?? null);
          }}
          onAdd={(key) => {
            const f = defaultCertificateLayout(draft.paper, draft.orientation).fields.find((d) => d.key === key)!;
            change({ ...draft, fields: [...draft.fields, f] });
            setSelected(key);
          }}
        />

        {problems.length > 0 && (
          <Alert severity="error">
            {problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </Alert>
        )}
        <ErrorAlert error={check.success && server.formError} />
        {notice && <Alert severity={notice.startsWith('Đã lưu') ? 'success' : 'info'}>{notice}</Alert>}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            onClick={() => save.mutate({ programId, layout: draft })}
            disabled={!dirty || !check.success || save.isPending}
          >
            Lưu mẫu giấy
          </Button>
          <Button onClick={() => change(baseline)} disabled={!dirty}>
            Bỏ thay đổi
          </Button>
          <Button
            onClick={() => {
              change({ ...defaultCertificateLayout(draft.paper, draft.orientation), mode: draft.mode, imageDataUrl: draft.imageDataUrl });
              setNotice('Đã đặt lại vị trí và cỡ chữ theo mẫu mặc định (chưa lưu).');
            }}
          >
            Vị trí mặc định
          </Button>
        </Box>
      </Paper>
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title="Mẫu giấy chưa lưu"
        confirmLabel="Rời đi, bỏ thay đổi"
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        Những thay đổi trên mẫu giấy chưa được lưu sẽ mất.
      </ConfirmDialog>
    </Box>
  );
}
