import type { Figures, Report } from '../../../shared/contract/reports';
import { formatNumber, formatPercent } from '../../../shared/domain/format';
import { closingHtml, escapeHtml, partyHeaderHtml, partyPage, superiorInText, type IssuingBody } from './party-document';

/**
 * "BÁO CÁO Kết quả công tác đào tạo, bồi dưỡng …" in the Party's format: the header, the title, a
 * section per table with the previous period beside the current one, bar charts drawn as SVG, the
 * amendments to closed years, and the signature. Landscape, so the tables keep their columns.
 */

export interface ReportDoc {
  body: IssuingBody;
  date: string;
  report: Report;
}

const n = (v: number) => formatNumber(v);
const pct = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole, 2) : '');
const td = (v: string, cls = 'num') => `<td class="${cls}">${v}</td>`;

function table(head: string[], rows: string[][], widths?: string[]): string {
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}">`).join('')}</colgroup>` : '';
  return `<table class="grid report">${cols}<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n')}</tbody></table>`;
}

function programRows(report: Report, cells: (f: Figures, prev: Figures) => string[]): string[][] {
  return [
    ...report.programs.map((p) => [`<td>${escapeHtml(p.name)}</td>`, ...cells(p.current, p.previous)]),
    [`<td class="sum">Cộng</td>`, ...cells(report.total.current, report.total.previous).map((c) => c.replace('<td class="num">', '<td class="num sum">'))],
  ];
}

/** Each program's row, and under it in italics the same figures of the previous period. */
function withPreviousRows(report: Report, cells: (f: Figures) => string[]): string[][] {
  const rows = [...report.programs, { name: 'Cộng', ...report.total }];
  return rows.flatMap((p, i) => {
    const total = i === rows.length - 1;
    const main = [`<td class="${total ? 'sum' : ''}">${escapeHtml(p.name)}</td>`, ...cells(p.current).map((c) => (total ? c.replace('<td class="num">', '<td class="num sum">') : c))];
    const prev = [`<td class="prev">${escapeHtml(report.previous.label)}</td>`, ...cells(p.previous).map((c) => c.replace('<td class="num">', '<td class="num prev">'))];
    return [main, prev];
  });
}

const PALETTE = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#9e9d24'];

/** A grouped bar chart as inline SVG: categories along the bottom, one bar per series, a legend. */
export function barChartSvg(title: string, categories: string[], series: { name: string; values: number[] }[]): string {
  const W = 160, H = 86, left = 13, right = 3, top = 9, bottom = 17;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = 10 ** Math.floor(Math.log10(max));
  const tick = [1, 2, 5, 10].map((m) => m * step).find((t) => max / t <= 5)!;
  // Room above the tallest bar for its value.
  const top_ = (Math.floor(max / tick) + 1) * tick;
  const plotW = W - left - right, plotH = H - top - bottom;
  const groupW = plotW / Math.max(1, categories.length);
  const barW = Math.min(9, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => top + plotH - (v / top_) * plotH;
  const parts: string[] = [`<text x="${W / 2}" y="5" text-anchor="middle" font-size="4.6" font-weight="bold">${escapeHtml(title)}</text>`];
  for (let t = 0; t <= top_; t += tick) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(t)}" y2="${y(t)}" stroke="#ccc" stroke-width="0.2"/>`);
    parts.push(`<text x="${left - 1}" y="${y(t) + 1}" text-anchor="end" font-size="3.6">${n(t)}</text>`);
  }
  categories.forEach((c, i) => {
    const gx = left + i * groupW + (groupW - barW * series.length) / 2;
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      parts.push(`<rect x="${gx + j * barW}" y="${y(v)}" width="${barW * 0.9}" height="${top + plotH - y(v)}" fill="${PALETTE[j % PALETTE.length]}"/>`);
      if (v > 0 && series.length * categories.length <= 24) parts.push(`<text x="${gx + j * barW + barW * 0.45}" y="${y(v) - 0.8}" text-anchor="middle" font-size="3.2">${n(v)}</text>`);
    });
    // Long labels ("ĐV chính thức") go on two lines when the groups are narrow.
    const words = c.split(' ');
    const lines = words.length > 1 && c.length * 1.7 > groupW ? [words.slice(0, Math.ceil(words.length / 2)).join(' '), words.slice(Math.ceil(words.length / 2)).join(' ')] : [c];
    const cx = left + i * groupW + groupW / 2;
    parts.push(`<text x="${cx}" y="${top + plotH + 4}" text-anchor="middle" font-size="3.2">${lines.map((l, k) => `<tspan x="${cx}" dy="${k ? 3.4 : 0}">${escapeHtml(l)}</tspan>`).join('')}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#000" stroke-width="0.3"/>`);
  let lx = left;
  series.forEach((s, j) => {
    parts.push(`<rect x="${lx}" y="${H - 5}" width="3" height="3" fill="${PALETTE[j % PALETTE.length]}"/><text x="${lx + 4}" y="${H - 2.4}" font-size="3.4">${escapeHtml(s.name)}</text>`);
    lx += 7 + s.name.length * 1.8;
  });
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}">${parts.join('')}</svg>`;
}

function charts(report: Report): string {
  const codes = report.programs.map((p) => p.code);
  const multiYear = report.years.length > 1;
  const perYear = multiYear
    ? [
        barChartSvg(
          'Số lớp mở theo năm',
          report.years.map((y) => String(y.year)),
          report.programs.map((p, i) => ({ name: p.code, values: report.years.map((y) => y.programs[i]?.classes ?? 0) })),
        ),
        barChartSvg(
          'Lượt học viên theo năm',
          report.years.map((y) => String(y.year)),
          report.programs.map((p, i) => ({ name: p.code, values: report.years.map((y) => y.programs[i]?.enrollments ?? 0) })),
        ),
      ]
    : [
        barChartSvg('Số lớp mở theo chương trình', codes, [
          { name: report.previous.label, values: report.programs.map((p) => p.previous.opened) },
          { name: report.period.label, values: report.programs.map((p) => p.current.opened) },
        ]),
        barChartSvg('Lượt học viên theo chương trình', codes, [
          { name: report.previous.label, values: report.programs.map((p) => p.previous.enrollments) },
          { name: report.period.label, values: report.programs.map((p) => p.current.enrollments) },
        ]),
      ];
  const t = report.total.current;
  const composition = barChartSvg('Thành phần học viên', ['Nữ', 'DTTS', 'ĐV chính thức', 'ĐV dự bị', 'Quần chúng', ...report.ageBands.slice(0, -1)], [
    { name: report.period.label, values: [t.women, t.minority, t.party.chinh_thuc, t.party.du_bi, t.party.quan_chung, ...t.ages.slice(0, -1)] },
  ]);
  return `<div class="charts">${perYear.join('')}${composition}</div>`;
}

export function buildReportHtml(doc: ReportDoc): string {
  const r = doc.report;
  const cur = r.period.label, prev = r.previous.label;
  const legend = `<p class="legend">Kỳ báo cáo: ${escapeHtml(cur)} (${escapeHtml(r.period.from.split('-').reverse().join('/'))} – ${escapeHtml(r.period.to.split('-').reverse().join('/'))}); so sánh với ${escapeHtml(prev.toLocaleLowerCase('vi'))}.</p>`;
  const overview = table(
    ['Chương trình', 'Kế hoạch (lớp)', 'Mở (lớp)', '% kế hoạch', 'Lượt học viên', 'Số người', 'Hoàn thành', 'Cấp GCN', `Lớp mở ${prev}`, `Lượt HV ${prev}`],
    programRows(r, (f, p) => [td(n(f.planned)), td(n(f.opened)), td(f.planned > 0 ? pct(f.opened, f.planned) : '—'), td(n(f.enrollments)), td(n(f.people)), td(n(f.completed)), td(n(f.certified)), td(n(p.opened)), td(n(p.enrollments))]),
    ['25%', '7.5%', '7%', '8%', '8%', '7.5%', '8%', '7.5%', '10%', '11.5%'],
  );
  const composition = table(
    ['Chương trình', 'Lượt HV', 'Nữ', 'Dân tộc thiểu số', 'ĐV chính thức', 'ĐV dự bị', 'Quần chúng', 'Chưa rõ', ...r.ageBands],
    withPreviousRows(r, (f) => [td(n(f.enrollments)), td(`${n(f.women)}<br><small>${pct(f.women, f.enrollments)}</small>`), td(`${n(f.minority)}<br><small>${pct(f.minority, f.enrollments)}</small>`), td(n(f.party.chinh_thuc)), td(n(f.party.du_bi)), td(n(f.party.quan_chung)), td(n(f.party.unknown)), ...f.ages.map((a) => td(n(a)))]),
    ['20%', ...Array<string>(7 + r.ageBands.length).fill(`${(80 / (7 + r.ageBands.length)).toFixed(2)}%`)],
  );
  const classification = r.classificationLabels.length
    ? table(
        ['Chương trình', 'Hoàn thành', ...r.classificationLabels],
        withPreviousRows(r, (f) => [td(n(f.completed)), ...r.classificationLabels.map((l) => td(`${n(f.classifications[l] ?? 0)}${f.completed ? `<br><small>${pct(f.classifications[l] ?? 0, f.completed)}</small>` : ''}`))]),
        ['30%', ...Array<string>(1 + r.classificationLabels.length).fill(`${(70 / (1 + r.classificationLabels.length)).toFixed(2)}%`)],
      )
    : '<p>Các chương trình trong kỳ không xếp loại.</p>';
  // Per program (by its code) for the period, then the period's total and the previous one's.
  const places = (title: string, rows: { name: string; current: number; previous: number; byProgram: Record<string, number> }[]) => {
    const k = r.programs.length;
    const w = `${(60 / (k + 2)).toFixed(2)}%`;
    return table(
      [title, ...r.programs.map((p) => p.code), `Cộng ${cur}`, prev],
      rows.map((x) => [`<td>${escapeHtml(x.name)}</td>`, ...r.programs.map((p) => td(n(x.byProgram[String(p.programId)] ?? 0))), td(n(x.current)), td(n(x.previous))]),
      ['40%', ...Array<string>(k + 2).fill(w)],
    );
  };
  const lecturers = r.lecturers.length
    ? table(
        ['Giảng viên', 'Số tiết', 'Định mức', '% định mức', `Số tiết ${prev}`],
        r.lecturers.map((l) => [`<td>${escapeHtml(l.name)}</td>`, td(n(l.periods)), td(l.norm === null ? '—' : n(l.norm)), td(l.percent === null ? '—' : formatPercent(l.percent / 100, 1)), td(n(l.previousPeriods))]),
        ['40%', '15%', '15%', '15%', '15%'],
      )
    : '<p>Không có buổi giảng nào được phân công trong kỳ.</p>';
  const amendments = r.amendments.length
    ? `<h2>VI. ĐIỀU CHỈNH SỐ LIỆU CÁC NĂM ĐÃ KHÓA SỔ</h2>${table(
        ['Năm', 'Chương trình', 'Chỉ tiêu', 'Đã báo cáo', 'Nay là', 'Lý do'],
        r.amendments.map((a) => [td(String(a.year), 'center'), `<td>${escapeHtml(a.program)}</td>`, `<td>${escapeHtml(a.figure)}</td>`, td(n(a.before)), td(n(a.after)), `<td>${a.reasons.map(escapeHtml).join('<br>') || 'Không ghi lý do'}</td>`]),
        ['7%', '25%', '16%', '10%', '10%', '32%'],
      )}`
    : '';
  const t = r.total.current;
  const summary = `<p>Trong ${escapeHtml(cur.toLocaleLowerCase('vi'))}, Trung tâm mở ${n(t.opened)} lớp${t.planned ? ` trên ${n(t.planned)} lớp theo kế hoạch, đạt ${pct(t.opened, t.planned)}` : ''}, với ${n(t.enrollments)} lượt học viên (${n(t.people)} người); ${n(t.completed)} lượt hoàn thành chương trình, ${n(t.certified)} lượt được cấp giấy chứng nhận. So với ${escapeHtml(prev.toLocaleLowerCase('vi'))}: ${n(r.total.previous.opened)} lớp, ${n(r.total.previous.enrollments)} lượt học viên.</p>`;
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: `${'\u00a0'.repeat(8)}-BC/${doc.body.docCode}`, date: doc.date })}
<div class="doc-type">BÁO CÁO</div>
<div class="doc-subject">Kết quả công tác đào tạo, bồi dưỡng ${escapeHtml(cur.toLocaleLowerCase('vi'))}</div>
<div class="dashes">-----</div>
${legend}
<h2>I. KẾT QUẢ CHUNG</h2>
${summary}
${overview}
${charts(r)}
<h2>II. THÀNH PHẦN HỌC VIÊN</h2>
${composition}
<h2>III. KẾT QUẢ HỌC TẬP</h2>
${classification}
<h2>IV. HỌC VIÊN THEO ĐỊA BÀN VÀ TỔ CHỨC CƠ SỞ ĐẢNG</h2>
${places('Xã, phường', r.communes)}
<div class="gap"></div>
${places('Tổ chức cơ sở đảng', r.baseOrgs)}
<h2>V. GIẢNG DẠY</h2>
${lecturers}
${amendments}
${closingHtml(doc.body, [`${superiorInText(doc.body.superior)} (b/c)`, 'Lưu Trung tâm'])}`;
  return partyPage({ title: `Báo cáo kết quả đào tạo, bồi dưỡng — ${cur}`, bodyHtml, orientation: 'landscape', extraCss: REPORT_CSS });
}

const REPORT_CSS = `
h2 { font-size: 13.5pt; margin: 5mm 0 2mm; break-after: avoid; }
.legend { text-indent: 0; font-style: italic; text-align: center; }
.grid.report { font-size: 11.5pt; }
.grid.report th { font-size: 11pt; }
.grid.report td.num { text-align: right; }
.grid.report td.sum { font-weight: bold; }
.grid.report td.prev { font-style: italic; font-size: 10.5pt; padding-left: 8pt; }
.grid.report small { font-size: 9.5pt; font-style: italic; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; margin-top: 4mm; break-inside: avoid; }
.chart { width: 100%; height: auto; font-family: Tinos, 'Times New Roman', serif; }
.gap { height: 3mm; }
`;
