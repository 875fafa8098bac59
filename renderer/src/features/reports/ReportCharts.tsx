import { Box } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { Report } from '../../../../shared/contract/reports';
import { formatNumber } from '../../../../shared/domain/format';
import { Section } from './ReportTables';

const valueFormatter = (v: number | null) => (v === null ? '' : formatNumber(v));

/** Classes and learners per program (per year for a span of years), and the learners' composition. */
export function ReportCharts({ report }: { report: Report }) {
  const multiYear = report.years.length > 1;
  const codes = report.programs.map((p) => p.code);
  const perProgram = (what: 'opened' | 'enrollments') => (
    <BarChart
      height={260}
      xAxis={[{ scaleType: 'band', data: codes }]}
      yAxis={[{ valueFormatter: (v: number) => formatNumber(v), tickMinStep: 1 }]}
      series={[
        { label: report.previous.label, data: report.programs.map((p) => p.previous[what]), valueFormatter },
        { label: report.period.label, data: report.programs.map((p) => p.current[what]), valueFormatter },
      ]}
    />
  );
  const perYear = (what: 'classes' | 'enrollments') => (
    <BarChart
      height={260}
      xAxis={[{ scaleType: 'band', data: report.years.map((y) => String(y.year)) }]}
      yAxis={[{ valueFormatter: (v: number) => formatNumber(v), tickMinStep: 1 }]}
      series={report.programs.map((p, i) => ({ label: p.code, stack: 'all', data: report.years.map((y) => y.programs[i]?.[what] ?? 0), valueFormatter }))}
    />
  );
  const t = report.total.current;
  const composition = ['Nữ', 'DTTS', 'ĐV chính thức', 'ĐV dự bị', 'Quần chúng', ...report.ageBands];
  return (
    <Section title="Biểu đồ">
      <Box sx={{ display: 'grid', gridTemplateColumns: { lg: '1fr 1fr 1fr' }, gap: 2 }}>
        <Box role="figure" aria-label={multiYear ? 'Số lớp mở theo năm' : 'Số lớp mở theo chương trình'}>
          <Box sx={{ fontWeight: 600, textAlign: 'center' }}>{multiYear ? 'Số lớp mở theo năm' : 'Số lớp mở theo chương trình'}</Box>
          {multiYear ? perYear('classes') : perProgram('opened')}
        </Box>
        <Box role="figure" aria-label={multiYear ? 'Lượt học viên theo năm' : 'Lượt học viên theo chương trình'}>
          <Box sx={{ fontWeight: 600, textAlign: 'center' }}>{multiYear ? 'Lượt học viên theo năm' : 'Lượt học viên theo chương trình'}</Box>
          {multiYear ? perYear('enrollments') : perProgram('enrollments')}
        </Box>
        <Box role="figure" aria-label="Thành phần học viên">
          <Box sx={{ fontWeight: 600, textAlign: 'center' }}>Thành phần học viên ({report.period.label})</Box>
          <BarChart
            height={260}
            layout="horizontal"
            yAxis={[{ scaleType: 'band', data: composition, width: 110 }]}
            xAxis={[{ valueFormatter: (v: number) => formatNumber(v), tickMinStep: 1 }]}
            series={[{ label: 'Lượt học viên', data: [t.women, t.minority, t.party.chinh_thuc, t.party.du_bi, t.party.quan_chung, ...t.ages], valueFormatter }]}
            hideLegend
          />
        </Box>
      </Box>
    </Section>
  );
}
