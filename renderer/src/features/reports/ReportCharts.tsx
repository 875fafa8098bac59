import { Box } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsText, type ChartsTextProps } from '@mui/x-charts/ChartsText';
import { createContext, useContext } from 'react';
import type { Report } from '../../../../shared/contract/reports';
import { formatNumber } from '../../../../shared/domain/format';
import { programShortName, wrapWords } from '../../../../shared/domain/program-label';
import { Section } from './NumTable';

const valueFormatter = (v: number | null) => (v === null ? '' : formatNumber(v));
/** Every category gets its label: none is dropped to make room. */
const everyLabel = () => true;
/** Room for a program's name on three lines beside its bars. */
const NAME_WIDTH = 190;
const NAME_CHARS = 24;

/**
 * The chart measures a tick label as one line and cuts it to the axis width, so a wrapped name would
 * lose its end: the axis carries a short key ("p12") and this label draws the name in its place.
 */
const NamesByKey = createContext<ReadonlyMap<string, string>>(new Map());

function ProgramTickLabel(props: ChartsTextProps) {
  const names = useContext(NamesByKey);
  return <ChartsText {...props} text={names.get(props.text) ?? props.text} />;
}

/**
 * Classes and learners per program (per year for a span of years), and the learners' composition.
 * Programs are named by their (short) names, wrapped beside horizontal bars, so each keeps its label
 * however many there are.
 */
export function ReportCharts({ report }: { report: Report }) {
  const multiYear = report.years.length > 1;
  const names = report.programs.map((p) => programShortName(p.name));
  const keys = report.programs.map((p) => `p${p.programId}`);
  const wrapped = new Map(keys.map((k, i) => [k, wrapWords(names[i]!, NAME_CHARS, 3).join('\n')]));
  const fullNames = new Map(keys.map((k, i) => [k, report.programs[i]!.name]));
  const programHeight = 80 + report.programs.length * 60;
  const perProgram = (what: 'opened' | 'enrollments') => (
    <BarChart
      height={programHeight}
      layout="horizontal"
      yAxis={[
        {
          scaleType: 'band',
          data: keys,
          width: NAME_WIDTH,
          tickLabelInterval: everyLabel,
          tickLabelStyle: { fontSize: 12 },
          valueFormatter: (key: string, context) => (context.location === 'tick' ? key : (fullNames.get(key) ?? key)),
        },
      ]}
      slots={{ axisTickLabel: ProgramTickLabel }}
      xAxis={[{ valueFormatter: (v: number) => formatNumber(v), tickMinStep: 1 }]}
      series={[
        { label: report.previous.label, data: report.programs.map((p) => p.previous[what]), valueFormatter },
        { label: report.period.label, data: report.programs.map((p) => p.current[what]), valueFormatter },
      ]}
    />
  );
  const perYear = (what: 'classes' | 'enrollments') => (
    <BarChart
      height={300 + Math.ceil(report.programs.length / 2) * 22}
      xAxis={[{ scaleType: 'band', data: report.years.map((y) => String(y.year)), tickLabelInterval: everyLabel }]}
      yAxis={[{ valueFormatter: (v: number) => formatNumber(v), tickMinStep: 1 }]}
      series={report.programs.map((p, i) => ({
        label: names[i]!,
        stack: 'all',
        data: report.years.map((y) => y.programs[i]?.[what] ?? 0),
        valueFormatter,
      }))}
    />
  );
  const t = report.total.current;
  // Two short lines each, so neighbouring groups never run into one another.
  const composition = ['Nữ', 'Dân tộc thiểu số', 'Đảng viên chính thức', 'Đảng viên dự bị', 'Quần chúng', ...report.ageBands].map((l) =>
    wrapWords(l, 10, 2).join('\n'),
  );
  const classesTitle = multiYear ? 'Số lớp mở theo năm' : 'Số lớp mở theo chương trình';
  const learnersTitle = multiYear ? 'Lượt học viên theo năm' : 'Lượt học viên theo chương trình';
  return (
    <NamesByKey.Provider value={wrapped}>
      <Section title="Biểu đồ">
        <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 2 }}>
          <Box role="figure" aria-label={classesTitle}>
            <Box sx={{ fontWeight: 600, textAlign: 'center' }}>{classesTitle}</Box>
            {multiYear ? perYear('classes') : perProgram('opened')}
          </Box>
          <Box role="figure" aria-label={learnersTitle}>
            <Box sx={{ fontWeight: 600, textAlign: 'center' }}>{learnersTitle}</Box>
            {multiYear ? perYear('enrollments') : perProgram('enrollments')}
          </Box>
          <Box role="figure" aria-label="Thành phần học viên" sx={{ gridColumn: { md: '1 / -1' } }}>
            <Box sx={{ fontWeight: 600, textAlign: 'center' }}>Thành phần học viên ({report.period.label}, lượt)</Box>
            <BarChart
              height={280}
              xAxis={[{ scaleType: 'band', data: composition, tickLabelInterval: everyLabel, tickLabelStyle: { fontSize: 12 } }]}
              yAxis={[{ valueFormatter: (v: number) => formatNumber(v), tickMinStep: 1 }]}
              series={[
                {
                  label: 'Lượt học viên',
                  data: [t.women, t.minority, t.party.chinh_thuc, t.party.du_bi, t.party.quan_chung, ...t.ages],
                  valueFormatter,
                },
              ]}
              hideLegend
            />
          </Box>
        </Box>
      </Section>
    </NamesByKey.Provider>
  );
}
