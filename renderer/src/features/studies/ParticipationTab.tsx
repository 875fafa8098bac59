import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Box, Button, CircularProgress, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { StudyScope } from '../../../../shared/contract/studies';
import { formatDate } from '../../../../shared/domain/format';
import { useAppStatus } from '../../app/queries';
import { useDownload } from '../../data/useDownload';
import { ChoiceSelect } from '../../components/form/ChoiceSelect';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { YearSelector } from '../../components/YearSelector';
import { ParticipationTable } from './ParticipationTable';
import { useYearParam } from './params';
import { useBaseOrgs, usePrintStudy, useStudyPreview, useStudyReport, useStudySessions } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

const KINDS = [
  { value: 'buoi', label: 'Một buổi học tập' },
  { value: 'nam', label: 'Cả năm, theo tổ chức' },
  { value: 'to-chuc', label: 'Một tổ chức cơ sở đảng' },
] as const;

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
  const xlsx = useDownload('studies.xlsx', 'xlsx');
  const pdf = useDownload('studies.pdf', 'pdf');
  const docx = useDownload('studies.docx', 'docx');
  const print = usePrintStudy();
  const status = useAppStatus();
  const key = JSON.stringify(scope);
  const mine = (m: { variables?: { scope: StudyScope } }) => JSON.stringify(m.variables?.scope) === key;
  const busy = [xlsx, pdf, docx, print].some((m) => m.isPending) ? 'Đang tạo tệp báo cáo…' : null;
  const saved = [xlsx, pdf, docx].filter((m) => m.isSuccess && mine(m)).sort((a, b) => b.submittedAt - a.submittedAt)[0]?.data?.fileName;
  const exportError = [xlsx, pdf, docx, print].find((m) => m.isError && mine(m))?.error;
  const r = scope && report.data && JSON.stringify(report.data.scope) === key ? report.data : null;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 1.5, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <ChoiceSelect
          size="small"
          label="Báo cáo theo"
          value={kind}
          onChange={(e) => update({ 'pham-vi': e.target.value })}
          sx={{ width: 240 }}
          choices={KINDS}
        />
        <YearSelector year={year} onChange={(y) => update({ nam: String(y), buoi: '' })} />
        {kind === 'buoi' && (
          <ChoiceSelect
            size="small"
            label="Buổi học tập"
            value={sessionId ?? ''}
            onChange={(e) => update({ buoi: e.target.value })}
            sx={{ width: 330 }}
            disabled={!sessions.data?.length}
            choices={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${formatDate(s.date)} — ${s.title}` }))}
          />
        )}
        {kind === 'to-chuc' && (
          <ChoiceSelect
            size="small"
            label="Tổ chức cơ sở đảng"
            value={unitId ?? ''}
            onChange={(e) => update({ 'to-chuc': e.target.value })}
            sx={{ width: 320 }}
            disabled={!orgs.data?.length}
            choices={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<VisibilityIcon />} onClick={() => setShowPrint((v) => !v)} disabled={!r}>
          {showPrint ? 'Ẩn bản in' : 'Xem bản in'}
        </Button>
        <Button startIcon={<GridOnIcon />} onClick={() => scope && xlsx.mutate({ scope })} disabled={!r || busy !== null}>
          Xuất Excel
        </Button>
        <Button startIcon={<DescriptionIcon />} onClick={() => scope && docx.mutate({ scope })} disabled={!r || busy !== null}>
          Lưu Word
        </Button>
        <Button
          variant={status.data?.canPrint ? 'outlined' : 'contained'}
          startIcon={<PictureAsPdfIcon />}
          onClick={() => scope && pdf.mutate({ scope })}
          disabled={!r || busy !== null}
        >
          Lưu PDF
        </Button>
        {status.data?.canPrint && (
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => scope && print.mutate({ scope })}
            disabled={!r || busy !== null}
          >
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
      <ErrorAlert error={!busy && exportError} />
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
          <ErrorAlert error={showPrint && preview.error} />
          <ParticipationTable report={r} />
        </>
      )}
    </Box>
  );
}
