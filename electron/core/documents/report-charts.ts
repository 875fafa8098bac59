import type { Report } from '../../../shared/contract/reports';
import { formatNumber } from '../../../shared/domain/format';
import { programShortName, wrapWords } from '../../../shared/domain/program-label';
import { escapeHtml } from './party-document';

/**
 * The printed report's bar charts as inline SVG, sized in millimetres so that two sit side by side on
 * a landscape page and each keeps to a fixed height: a chart never pushes half a page of white ahead
 * of it. Programs are named (short name, wrapped) beside horizontal bars, never by their code.
 */

const PALETTE = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#9e9d24'];
const n = (v: number) => formatNumber(v);

interface Series {
  name: string;
  values: number[];
}

function niceTop(max: number): { top: number; tick: number } {
  const m = Math.max(1, max);
  const step = 10 ** Math.floor(Math.log10(m));
  const tick = [1, 2, 5, 10].map((k) => k * step).find((t) => m / t <= 5)!;
  return { top: (Math.floor(m / tick) + 1) * tick, tick };
}

function legend(series: Series[], x0: number, y: number): string {
  let x = x0;
  return series
    .map((s, j) => {
      const part = `<rect x="${x}" y="${y - 2.6}" width="3" height="3" fill="${PALETTE[j % PALETTE.length]}"/><text x="${x + 4}" y="${y}" font-size="3.4">${escapeHtml(s.name)}</text>`;
      x += 8 + s.name.length * 1.7;
      return part;
    })
    .join('');
}

/** Every chart is 160 mm wide, so that two sit side by side on a landscape page. */
const W = 160;

/**
 * A chart of the series: its title on top, the plot `draw` lays out on the scale's top and tick (from
 * the largest value), and the legend along the bottom from `legendX`.
 */
function chartSvg(title: string, H: number, series: Series[], legendX: number, draw: (max: number, tick: number) => string[]): string {
  const { top: max, tick } = niceTop(Math.max(0, ...series.flatMap((s) => s.values)));
  const parts = [
    `<text x="${W / 2}" y="5" text-anchor="middle" font-size="4.4" font-weight="bold">${escapeHtml(title)}</text>`,
    ...draw(max, tick),
    legend(series, legendX, H - 2),
  ];
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}">${parts.join('')}</svg>`;
}

/** Categories down the left (wrapped names), one bar per series to the right, the values at the bar ends. */
export function horizontalBarSvg(title: string, categories: string[], series: Series[]): string {
  // The margins around the plot, in mm: the names on the left need the room.
  const [left, right, top, bottom] = [44, 8, 9, 12];
  const rowH = Math.max(7, 2.4 + 3.2 * series.length);
  const H = top + bottom + rowH * Math.max(1, categories.length);
  return chartSvg(title, H, series, left, (max, tick) => {
    const plotW = W - left - right;
    const x = (v: number) => left + (v / max) * plotW;
    const barH = Math.min(3.2, (rowH - 2) / Math.max(1, series.length));
    const parts: string[] = [];
    for (let t = 0; t <= max; t += tick) {
      parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${H - bottom}" stroke="#ccc" stroke-width="0.2"/>`);
      parts.push(`<text x="${x(t)}" y="${H - bottom + 3.6}" text-anchor="middle" font-size="3.2">${n(t)}</text>`);
    }
    categories.forEach((c, i) => {
      const y0 = top + i * rowH;
      const lines = wrapWords(c, 26, 2);
      const cy = y0 + rowH / 2 - ((lines.length - 1) * 3.4) / 2 + 1.1;
      parts.push(
        `<text x="${left - 1.5}" y="${cy}" text-anchor="end" font-size="3.2">${lines.map((l, k) => `<tspan x="${left - 1.5}" dy="${k ? 3.4 : 0}">${escapeHtml(l)}</tspan>`).join('')}</text>`,
      );
      const gy = y0 + (rowH - barH * series.length) / 2;
      series.forEach((s, j) => {
        const v = s.values[i] ?? 0;
        const y = gy + j * barH;
        parts.push(`<rect x="${left}" y="${y}" width="${x(v) - left}" height="${barH * 0.9}" fill="${PALETTE[j % PALETTE.length]}"/>`);
        parts.push(`<text x="${x(v) + 0.8}" y="${y + barH * 0.8}" font-size="2.8">${n(v)}</text>`);
      });
    });
    parts.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${H - bottom}" stroke="#000" stroke-width="0.3"/>`);
    return parts;
  });
}

/** Categories along the bottom (years, or the composition's groups), one bar per series. */
export function columnBarSvg(title: string, categories: string[], series: Series[]): string {
  // A fixed height, and the margins around the plot in mm.
  const [H, left, right, top, bottom] = [80, 13, 3, 9, 17];
  return chartSvg(title, H, series, left, (max, tick) => {
    const plotW = W - left - right,
      plotH = H - top - bottom;
    const groupW = plotW / Math.max(1, categories.length);
    const barW = Math.min(9, (groupW * 0.8) / Math.max(1, series.length));
    const y = (v: number) => top + plotH - (v / max) * plotH;
    const parts: string[] = [];
    for (let t = 0; t <= max; t += tick) {
      parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(t)}" y2="${y(t)}" stroke="#ccc" stroke-width="0.2"/>`);
      parts.push(`<text x="${left - 1}" y="${y(t) + 1}" text-anchor="end" font-size="3.2">${n(t)}</text>`);
    }
    categories.forEach((c, i) => {
      const gx = left + i * groupW + (groupW - barW * series.length) / 2;
      series.forEach((s, j) => {
        const v = s.values[i] ?? 0;
        parts.push(
          `<rect x="${gx + j * barW}" y="${y(v)}" width="${barW * 0.9}" height="${top + plotH - y(v)}" fill="${PALETTE[j % PALETTE.length]}"/>`,
        );
        if (v > 0 && series.length * categories.length <= 24)
          parts.push(`<text x="${gx + j * barW + barW * 0.45}" y="${y(v) - 0.8}" text-anchor="middle" font-size="2.8">${n(v)}</text>`);
      });
      const lines = wrapWords(c, Math.max(6, Math.floor(groupW / 1.6)), 2);
      const cx = left + i * groupW + groupW / 2;
      parts.push(
        `<text x="${cx}" y="${top + plotH + 4}" text-anchor="middle" font-size="3">${lines.map((l, k) => `<tspan x="${cx}" dy="${k ? 3.3 : 0}">${escapeHtml(l)}</tspan>`).join('')}</text>`,
      );
    });
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#000" stroke-width="0.3"/>`);
    return parts;
  });
}

export function reportChartsHtml(report: Report): string {
  const names = report.programs.map((p) => programShortName(p.name));
  const years = report.years.map((y) => String(y.year));
  const perProgram =
    report.years.length > 1
      ? [
          columnBarSvg(
            'Số lớp mở theo năm',
            years,
            report.programs.map((_, i) => ({ name: names[i]!, values: report.years.map((y) => y.programs[i]?.classes ?? 0) })),
          ),
          columnBarSvg(
            'Lượt học viên theo năm',
            years,
            report.programs.map((_, i) => ({ name: names[i]!, values: report.years.map((y) => y.programs[i]?.enrollments ?? 0) })),
          ),
        ]
      : [
          horizontalBarSvg('Số lớp mở theo chương trình', names, [
            { name: report.previous.label, values: report.programs.map((p) => p.previous.opened) },
            { name: report.period.label, values: report.programs.map((p) => p.current.opened) },
          ]),
          horizontalBarSvg('Lượt học viên theo chương trình', names, [
            { name: report.previous.label, values: report.programs.map((p) => p.previous.enrollments) },
            { name: report.period.label, values: report.programs.map((p) => p.current.enrollments) },
          ]),
        ];
  const t = report.total.current;
  const composition = columnBarSvg(
    'Thành phần học viên (lượt)',
    ['Nữ', 'Dân tộc thiểu số', 'ĐV chính thức', 'ĐV dự bị', 'Quần chúng', ...report.ageBands.slice(0, -1)],
    [
      {
        name: report.period.label,
        values: [t.women, t.minority, t.party.chinh_thuc, t.party.du_bi, t.party.quan_chung, ...t.ages.slice(0, -1)],
      },
    ],
  );
  return `<div class="charts">${[...perProgram, composition].map((svg) => `<div class="chart-box">${svg}</div>`).join('')}</div>`;
}
