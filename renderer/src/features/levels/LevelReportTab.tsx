import ArticleIcon from '@mui/icons-material/Article';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Box, Button, CircularProgress, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { NOMINEE_RESULT_LABELS, type LevelReport, type LevelReportRow } from '../../../../shared/contract/levels';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { THEORY_LEVEL_LABELS, THEORY_LEVELS } from '../../../../shared/domain/learner-fields';
import { PrintPreviewFrame } from '../../components/PrintPreviewFrame';
import { YearSelector } from '../../components/YearSelector';
import { shareText, thisYear } from './labels';
import { useLevelFile, useLevelPreview, useLevelReport } from './queries';
import type { FileKind } from '../../data/useDownload';
import { ErrorAlert } from '../../components/form/ErrorAlert';

const BUSY: Record<FileKind, string> = { pdf: 'Đang tạo tệp PDF…', xlsx: 'Đang tạo tệp Excel…', docx: 'Đang tạo tệp Word…' };

/** The year in the address (?nam=2025), so "back" returns to it; this year when absent. */
export function useYearParam(tab: string): [number, (y: number) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || thisYear();
  return [year, (y) => setParams({ ...(tab ? { tab } : {}), nam: String(y) }, { replace: true })];
}

export function LevelReportTab() {
  const [year, setYear] = useYearParam('');
  const now = thisYear();
  const report = useLevelReport(year);
  const [showPrint, setShowPrint] = useState(false);
  const preview = useLevelPreview(year, showPrint);
  const save = useLevelFile();
  const r = report.data?.year === year ? report.data : undefined;
  const forYear = save.variables?.year === year;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper sx={{ p: 1.5, display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="span">Năm báo cáo</Typography>
        <YearSelector year={year} onChange={(y) => setYear(Math.min(y, now))} />
        {r && (
          <Typography variant="body2" color="text.secondary">
            Số liệu tính đến ngày {formatDate(r.asOf)}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<VisibilityIcon />} onClick={() => setShowPrint((v) => !v)} disabled={!r}>
          {showPrint ? 'Ẩn bản in' : 'Xem bản in'}
        </Button>
        <Button startIcon={<GridOnIcon />} onClick={() => save.mutate({ kind: 'xlsx', year })} disabled={!r || save.isPending}>
          Xuất Excel
        </Button>
        <Button startIcon={<ArticleIcon />} onClick={() => save.mutate({ kind: 'docx', year })} disabled={!r || save.isPending}>
          Lưu Word
        </Button>
        <Button
          variant="contained"
          startIcon={<PictureAsPdfIcon />}
          onClick={() => save.mutate({ kind: 'pdf', year })}
          disabled={!r || save.isPending}
        >
          Lưu PDF
        </Button>
      </Paper>
      <Box role="status" aria-live="polite" sx={{ display: 'grid', gap: 1, '&:empty': { display: 'none' } }}>
        {save.isPending && (
          <Alert severity="info" icon={<CircularProgress size={20} aria-hidden />}>
            {BUSY[save.variables.kind]} Xin chờ trong giây lát.
          </Alert>
        )}
        {save.isSuccess && forYear && <Alert severity="success">Đã lưu tệp {save.data.file.fileName}.</Alert>}
      </Box>
      <ErrorAlert error={forYear && save.error} />
      <ErrorAlert error={report.error} />
      {report.isFetching && !r && (
        <Alert severity="info" icon={<CircularProgress size={20} aria-hidden />}>
          Đang tính trình độ của cán bộ, đảng viên năm {year}…
        </Alert>
      )}
      {showPrint && preview.data && <PrintPreviewFrame title={preview.data.title} html={preview.data.html} height={700} />}
      <ErrorAlert error={showPrint && preview.error} />
      {r && <ReportBody report={r} />}
    </Box>
  );
}

function ReportBody({ report }: { report: LevelReport }) {
  return (
    <>
      <Typography variant="h2">Trình độ so với chỉ tiêu</Typography>
      {report.targets.length === 0 && (
        <Alert severity="info">Chưa nhập chỉ tiêu nào cho năm {report.year}; hãy nhập ở thẻ «Chỉ tiêu».</Alert>
      )}
      {report.targets.map((t) => (
        <Paper key={t.id} sx={{ p: 1.5 }} component="section" aria-label={t.scopeLabel}>
          <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 0.5 }}>
            {t.scopeLabel}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }} data-testid={`target-${t.id}-summary`}>
            Đạt {formatNumber(t.total.achieved)}/{formatNumber(t.total.people)} người ({shareText(t.total.share)}) —{' '}
            {t.total.gap === 0 ? 'đạt chỉ tiêu' : `còn thiếu ${formatNumber(t.total.gap)} người`}
          </Typography>
          <TargetTable rows={t.rows} total={t.total} percent={t.percent} minLevel={THEORY_LEVEL_LABELS[t.minLevel]} />
        </Paper>
      ))}
      <Typography variant="h2">Cử đi đào tạo năm {report.year}</Typography>
      {report.nominations.length === 0 && (
        <Typography color="text.secondary">Năm {report.year} chưa cử ai đi học tại trường chính trị.</Typography>
      )}
      {report.nominations.map((n) => (
        <Paper key={n.id} sx={{ p: 1.5 }}>
          <Typography sx={{ fontWeight: 600 }}>
            {THEORY_LEVEL_LABELS[n.level]} — {n.school}, {n.course}
            {n.decisionNumber && ` (Quyết định số ${n.decisionNumber}${n.decisionDate ? ` ngày ${formatDate(n.decisionDate)}` : ''})`}
          </Typography>
          <Typography variant="body2">
            {n.people.map((p) => `${p.fullName} (${NOMINEE_RESULT_LABELS[p.result].toLocaleLowerCase('vi')})`).join(', ') ||
              'Chưa có người nào.'}
          </Typography>
        </Paper>
      ))}
    </>
  );
}

function TargetTable(props: { rows: LevelReportRow[]; total: LevelReportRow; percent: number; minLevel: string }) {
  const cells = (r: LevelReportRow) => [
    formatNumber(r.people),
    ...THEORY_LEVELS.map((l) => formatNumber(r.levels[l])),
    formatNumber(r.achieved),
    shareText(r.share),
    `${props.percent}%`,
    formatNumber(r.gap),
  ];
  const heads = [
    'Số người',
    ...THEORY_LEVELS.map((l) => THEORY_LEVEL_LABELS[l]),
    `Đạt (${props.minLevel.toLocaleLowerCase('vi')} trở lên)`,
    'Tỷ lệ đạt',
    'Chỉ tiêu',
    'Còn thiếu',
  ];
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" sx={{ '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>Xã, phường</TableCell>
            <TableCell>Tổ chức cơ sở đảng</TableCell>
            {heads.map((h) => (
              <TableCell key={h} align="right">
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((r, i) => (
            <TableRow key={i}>
              <TableCell>{r.communeName}</TableCell>
              <TableCell>{r.baseUnitName}</TableCell>
              {cells(r).map((c, j) => (
                <TableCell key={j} align="right">
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow sx={{ '& td': { fontWeight: 700 } }}>
            <TableCell colSpan={2}>Cộng</TableCell>
            {cells(props.total).map((c, j) => (
              <TableCell key={j} align="right">
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
}
