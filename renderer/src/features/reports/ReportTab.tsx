import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useJob } from '../../data/useJob';
import { JobProgress } from '../../components/JobProgress';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useSearchParams } from 'react-router';
import type { ReportPeriod } from '../../../../shared/contract/reports';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDateTime, formatNumber } from '../../../../shared/domain/format';
import { useAppStatus } from '../../app/queries';
import { downloadBase64 } from '../../components/download';
import { ExportStatus } from '../../components/ExportStatus';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { periodFromParams, periodToParams } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ReportCharts } from './ReportCharts';
import { Amendments, ReportTables } from './ReportTables';
import {
  usePrepareReport,
  usePrintReport,
  useReport,
  useReportDocx,
  useReportPdf,
  useReportPreview,
  useReportSettings,
  useReportXlsx,
} from './queries';

export function ReportTab() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInVietnam(new Date()).slice(0, 4));
  const period = periodFromParams(params, thisYear);
  const setPeriod = (p: ReportPeriod) => setParams({ tab: 'bao-cao', ...periodToParams(p) }, { replace: true });
  const settings = useReportSettings();
  const first = settings.data?.firstYear ?? thisYear;
  const years = Array.from({ length: Math.max(1, thisYear + 1 - Math.min(first, thisYear) + 1) }, (_, i) => thisYear + 1 - i);
  const prepared = usePrepared(period);
  const report = useReport(period, prepared.ready);
  const [showPrint, setShowPrint] = useState(false);
  const preview = useReportPreview(period, showPrint && report.isSuccess);
  // Each export remembers the period it was made for: its message goes away when the period changes.
  const xlsx = useReportXlsx({ onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64) });
  const pdf = useReportPdf({ onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/pdf') });
  const word = useReportDocx({
    onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  });
  const print = usePrintReport();
  const status = useAppStatus();
  const r = report.isError || !prepared.ready ? null : report.data;
  const key = JSON.stringify(period);
  const forPeriod = <T,>(m: { variables?: { period: ReportPeriod }; data?: T }) =>
    m.variables && JSON.stringify(m.variables.period) === key ? m.data : undefined;
  const exportError = [xlsx, pdf, word, print].find((m) => m.isError && JSON.stringify(m.variables?.period) === key)?.error;
  const busy = pdf.isPending
    ? 'Đang tạo tệp PDF của báo cáo…'
    : word.isPending
      ? 'Đang tạo tệp Word của báo cáo…'
      : xlsx.isPending
        ? 'Đang tạo tệp Excel của báo cáo…'
        : print.isPending
          ? 'Đang gửi báo cáo tới máy in…'
          : null;
  // The file saved last, of any kind.
  const saved = [pdf, word, xlsx].filter((m) => m.isSuccess && forPeriod(m)).sort((a, b) => b.submittedAt - a.submittedAt)[0]
    ?.data?.fileName;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <PeriodPicker period={period} years={years} onChange={setPeriod} />
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<VisibilityIcon />} onClick={() => setShowPrint((v) => !v)} disabled={!r}>
          {showPrint ? 'Ẩn bản in' : 'Xem bản in'}
        </Button>
        <Button startIcon={<GridOnIcon />} onClick={() => xlsx.mutate({ period })} disabled={!r || busy !== null}>
          Xuất Excel
        </Button>
        <Button
          variant={status.data?.canPrint ? 'outlined' : 'contained'}
          startIcon={<PictureAsPdfIcon />}
          onClick={() => pdf.mutate({ period })}
          disabled={!r || busy !== null}
        >
          Lưu PDF
        </Button>
        <Button startIcon={<DescriptionIcon />} onClick={() => word.mutate({ period })} disabled={!r || busy !== null}>
          Lưu Word (.docx)
        </Button>
        {status.data?.canPrint && (
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => print.mutate({ period })} disabled={!r || busy !== null}>
            In
          </Button>
        )}
      </Paper>
      {prepared.view}
      {prepared.ready && report.isError && <Alert severity="info">{report.error.message}</Alert>}
      <ExportStatus busy={busy} saved={saved} printed={Boolean(forPeriod(print)?.printed)} />
      {!busy && <ErrorAlert error={exportError} />}
      {r && (
        <>
          <Typography variant="body2" color="text.secondary">
            {r.period.label}: từ {r.period.from.split('-').reverse().join('/')} đến {r.period.to.split('-').reverse().join('/')}, so sánh
            với {r.previous.label.toLocaleLowerCase('vi')}.
            {r.closedYears.length > 0 &&
              ` Đã khóa sổ: ${r.closedYears.map((c) => `năm ${c.year} (${formatDateTime(c.closedAt)})`).join(', ')}.`}
          </Typography>
          <Amendments report={r} />
          {showPrint && preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={900} />}
          {showPrint && <ErrorAlert error={preview.error} />}
          <ReportTables report={r} charts={<ReportCharts report={r} />} />
        </>
      )}
    </Box>
  );
}

/**
 * A period whose figures are not cached yet (a ten-year report the first time) is summed in the
 * background with a progress bar and "Dừng"; a cached one is ready at once.
 */
function usePrepared(period: ReportPeriod): { ready: boolean; view: ReactNode } {
  const start = usePrepareReport(period);
  const started = start.data?.jobId ? { jobId: start.data.jobId, total: start.data.total } : null;
  const job = useJob({ status: 'reports.prepareStatus', cancel: 'reports.cancelPrepare' }, started);
  const jobId = started?.jobId ?? null;
  const { running, cancel } = job;
  // Leaving the period (or the page) while it is summed stops the work; what was done is kept.
  useEffect(() => {
    if (!running || !jobId) return;
    return () => void cancel().catch(() => undefined);
  }, [running, jobId, cancel]);
  const ready = start.isSuccess && (jobId === null || job.state?.status === 'done');
  let view: ReactNode = null;
  if (start.isError || job.error) view = <ErrorAlert error={start.error ?? job.error} />;
  else if (running && job.state) {
    const s = job.state;
    view = (
      <Paper sx={{ p: 2 }}>
        <JobProgress state={s} label="Tiến độ tổng hợp">
          Đang tổng hợp số liệu lần đầu cho kỳ này: {formatNumber(s.done)}/{formatNumber(s.total)} lớp. Lần sau mở ngay.
        </JobProgress>
        <Button sx={{ mt: 1 }} color="warning" onClick={() => void cancel()}>
          Dừng
        </Button>
      </Paper>
    );
  } else if (job.state && job.state.status !== 'done') {
    view = (
      <Alert severity="warning" action={<Button onClick={() => void start.refetch()}>Tổng hợp tiếp</Button>}>
        {job.state.message}
      </Alert>
    );
  }
  return { ready, view };
}
