import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Box, Button, CircularProgress, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { StudyScope } from '../../../../shared/contract/studies';
import { formatDate } from '../../../../shared/domain/format';
import { api } from '../../api';
import { useAppStatus } from '../../app/useAppStatus';
import { downloadBase64 } from '../../components/download';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { YearSelector } from '../../components/YearSelector';
import { ParticipationTable } from './ParticipationTable';
import { useYearParam } from './params';
import { useBaseOrgs, useStudyPreview, useStudyReport, useStudySessions } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

const KINDS = [
  { value: 'buoi', label: 'Một buổi học tập' },
  { value: 'nam', label: 'Cả năm, theo tổ chức' },
  { value: 'to-chuc', label: 'Một tổ chức cơ sở đảng' },
] as const;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The participation report: one session, a year per organisation, or one organisation's sessions; saved as Excel, PDF or Word. */
export function ParticipationTab() {
  const [year, , params, update] = useYearParam();
  const kind = KINDS.find((k) => k.value === params.get('pham-vi'))?.value ?? 'nam';
  const sessions = useStudySessions(year);
  const orgs = useBaseOrgs();
  const sessionId = Number(params.get('buoi')) || sessions.data?.[0]?.id || null;
  const unitId = Number(params.get('to-chuc')) || orgs.data?.[0]?.id || null;
  const scope: StudyScope | null =
    kind === 'nam'
      ? { kind: 'year', year }
      : kind === 'buoi'
        ? sessionId
          ? { kind: 'session', id: sessionId }
          : null
        : unitId
          ? { kind: 'org', unitId, year }
          : null;
  const report = useStudyReport(scope);
  const [showPrint, setShowPrint] = useState(false);
  const preview = useStudyPreview(scope, showPrint);
  const xlsx = useMutation({
    mutationFn: (s: StudyScope) => api.studies.xlsx({ scope: s }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64),
  });
  const pdf = useMutation({
    mutationFn: (s: StudyScope) => api.studies.pdf({ scope: s }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/pdf'),
  });
  const docx = useMutation({
    mutationFn: (s: StudyScope) => api.studies.docx({ scope: s }),
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, DOCX),
  });
  const print = useMutation({ mutationFn: (s: StudyScope) => api.studies.print({ scope: s }) });
  const status = useAppStatus();
  const key = JSON.stringify(scope);
  const mine = (m: { variables?: StudyScope }) => JSON.stringify(m.variables) === key;
  const busy = [xlsx, pdf, docx, print].some((m) => m.isPending) ? 'Đang tạo tệp báo cáo…' : null;
  const saved = [xlsx, pdf, docx].filter((m) => m.isSuccess && mine(m)).sort((a, b) => b.submittedAt - a.submittedAt)[0]?.data?.fileName;
  const exportError = [xlsx, pdf, docx, print].find((m) => m.isError && mine(m))?.error;
  const r = scope && report.data && JSON.stringify(report.data.scope) === key ? report.data : null;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 1.5, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          select
          label="Báo cáo theo"
          value={kind}
          onChange={(e) => update({ 'pham-vi': e.target.value })}
          sx={{ width: 240 }}
        >
          {KINDS.map((k) => (
            <MenuItem key={k.value} value={k.value}>
              {k.label}
            </MenuItem>
          ))}
        </TextField>
        <YearSelector year={year} onChange={(y) => update({ nam: String(y), buoi: '' })} />
        {kind === 'buoi' && (
          <TextField
            size="small"
            select
            label="Buổi học tập"
            value={sessionId ?? ''}
            onChange={(e) => update({ buoi: e.target.value })}
            sx={{ width: 330 }}
            disabled={!sessions.data?.length}
          >
            {(sessions.data ?? []).map((s) => (
              <MenuItem key={s.id} value={s.id}>
                {formatDate(s.date)} — {s.title}
              </MenuItem>
            ))}
          </TextField>
        )}
        {kind === 'to-chuc' && (
          <TextField
            size="small"
            select
            label="Tổ chức cơ sở đảng"
            value={unitId ?? ''}
            onChange={(e) => update({ 'to-chuc': e.target.value })}
            sx={{ width: 320 }}
            disabled={!orgs.data?.length}
          >
            {(orgs.data ?? []).map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {o.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<VisibilityIcon />} onClick={() => setShowPrint((v) => !v)} disabled={!r}>
          {showPrint ? 'Ẩn bản in' : 'Xem bản in'}
        </Button>
        <Button startIcon={<GridOnIcon />} onClick={() => scope && xlsx.mutate(scope)} disabled={!r || busy !== null}>
          Xuất Excel
        </Button>
        <Button startIcon={<DescriptionIcon />} onClick={() => scope && docx.mutate(scope)} disabled={!r || busy !== null}>
          Lưu Word
        </Button>
        <Button
          variant={status.data?.canPrint ? 'outlined' : 'contained'}
          startIcon={<PictureAsPdfIcon />}
          onClick={() => scope && pdf.mutate(scope)}
          disabled={!r || busy !== null}
        >
          Lưu PDF
        </Button>
        {status.data?.canPrint && (
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => scope && print.mutate(scope)} disabled={!r || busy !== null}>
            In
          </Button>
        )}
      </Paper>
      <Box role="status" aria-live="polite" sx={{ display: 'grid', gap: 1, '&:empty': { display: 'none' } }}>
        {busy && (
          <Alert severity="info" icon={<CircularProgress size={20} aria-hidden />}>
            {busy} Xin chờ trong giây lát.
          </Alert>
        )}
        {!busy && saved && <Alert severity="success">Đã lưu tệp {saved}.</Alert>}
        {!busy && print.isSuccess && mine(print) && <Alert severity="success">Đã gửi báo cáo tới máy in.</Alert>}
      </Box>
      {!busy && exportError && <Alert severity="error">{exportError.message}</Alert>}
      {kind === 'buoi' && sessions.data?.length === 0 && <Alert severity="info">Năm {year} chưa có buổi học tập nào.</Alert>}
      <ErrorAlert error={report.error} />
      {r && (
        <>
          <Box>
            <Typography variant="h2" sx={{ fontSize: '1.1rem' }}>
              {r.heading}
            </Typography>
            {r.facts.map((f) => (
              <Typography key={f} variant="body2" color="text.secondary">
                {f}
              </Typography>
            ))}
          </Box>
          {showPrint && preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={700} />}
          {showPrint && preview.isError && <Alert severity="error">{preview.error.message}</Alert>}
          <ParticipationTable report={r} />
        </>
      )}
    </Box>
  );
}
