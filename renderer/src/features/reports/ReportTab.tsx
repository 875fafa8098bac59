import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportPeriod } from '../../../../shared/contract/reports';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDateTime } from '../../../../shared/domain/format';
import { api } from '../../api';
import { downloadBase64 } from '../../components/download';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { periodFromParams, periodToParams } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ReportCharts } from './ReportCharts';
import { Amendments, ReportTables } from './ReportTables';

export function ReportTab() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInVietnam(new Date()).slice(0, 4));
  const period = periodFromParams(params, thisYear);
  const setPeriod = (p: ReportPeriod) => setParams({ tab: 'bao-cao', ...periodToParams(p) }, { replace: true });
  const settings = useQuery({ queryKey: ['reports.settings'], queryFn: () => api.reports.settings({}) });
  const first = settings.data?.firstYear ?? thisYear;
  const years = Array.from({ length: Math.max(1, thisYear + 1 - Math.min(first, thisYear) + 1) }, (_, i) => thisYear + 1 - i);
  const report = useQuery({ queryKey: ['reports.get', period], queryFn: () => api.reports.get({ period }), placeholderData: keepPreviousData, retry: false });
  const [showPrint, setShowPrint] = useState(false);
  const preview = useQuery({ queryKey: ['reports.preview', period], queryFn: () => api.reports.preview({ period }), enabled: showPrint && report.isSuccess });
  const xlsx = useMutation({ mutationFn: () => api.reports.xlsx({ period }), onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64) });
  const pdf = useMutation({ mutationFn: () => api.reports.pdf({ period }), onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64, 'application/pdf') });
  const r = report.isError ? null : report.data;
  const exportError = xlsx.error ?? pdf.error;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <PeriodPicker period={period} years={years} onChange={setPeriod} />
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<VisibilityIcon />} onClick={() => setShowPrint((v) => !v)} disabled={!r}>
          {showPrint ? 'Ẩn bản in' : 'Xem bản in'}
        </Button>
        <Button startIcon={<GridOnIcon />} onClick={() => xlsx.mutate()} disabled={!r || xlsx.isPending}>Xuất Excel</Button>
        <Button variant="contained" startIcon={<PictureAsPdfIcon />} onClick={() => pdf.mutate()} disabled={!r || pdf.isPending}>Lưu PDF</Button>
      </Paper>
      {report.isError && <Alert severity="info">{report.error.message}</Alert>}
      {exportError && <Alert severity="error">{exportError.message}</Alert>}
      {r && (
        <>
          <Typography variant="body2" color="text.secondary">
            {r.period.label}: từ {r.period.from.split('-').reverse().join('/')} đến {r.period.to.split('-').reverse().join('/')}, so sánh với {r.previous.label.toLocaleLowerCase('vi')}.
            {r.closedYears.length > 0 && ` Đã khóa sổ: ${r.closedYears.map((c) => `năm ${c.year} (${formatDateTime(c.closedAt)})`).join(', ')}.`}
          </Typography>
          <Amendments report={r} />
          {showPrint && preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={900} />}
          {showPrint && preview.isError && <Alert severity="error">{preview.error.message}</Alert>}
          <ReportTables report={r} charts={<ReportCharts report={r} />} />
        </>
      )}
    </Box>
  );
}
