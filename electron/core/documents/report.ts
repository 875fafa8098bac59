import type { Figures, Report } from '../../../shared/contract/reports';
import { formatNumber, formatPercent } from '../../../shared/domain/format';
import { programShortName } from '../../../shared/domain/program-label';
import { classificationBaseText, classificationColumns, compositionColumns, gradedCount, shareText, UNITS_NOTE, type BreakdownColumn } from '../../../shared/domain/report-breakdown';
import { closingHtml, escapeHtml, partyHeaderHtml, partyPage, superiorInText, type IssuingBody } from './party-document';
import { reportChartsHtml } from './report-charts';

/**
 * "BÁO CÁO Kết quả công tác đào tạo, bồi dưỡng …" in the Party's format: the header, the title, a
 * section per table with the previous period beside the current one, bar charts drawn as SVG, the
 * amendments to closed years, and the signature. Landscape, so the tables keep their columns; rows
 * are kept low and each table's header repeats on every page it runs onto.
 */

export interface ReportDoc {
  body: IssuingBody;
  date: string;
  report: Report;
}

const n = (v: number) => formatNumber(v);
const td = (v: string, cls = 'num') => `<td class="${cls}">${v}</td>`;

interface Head {
  header: string;
  /** Columns side by side with the same group share one heading cell above theirs. */
  group?: string;
  width: string;
}

function headRows(cols: Head[]): string {
  if (!cols.some((c) => c.group)) return `<tr>${cols.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const top: string[] = [];
  for (let i = 0; i < cols.length; ) {
    const c = cols[i]!;
    if (!c.group) {
      top.push(`<th rowspan="2">${escapeHtml(c.header)}</th>`);
      i++;
      continue;
    }
    let span = 1;
    while (cols[i + span]?.group === c.group) span++;
    top.push(`<th colspan="${span}">${escapeHtml(c.group)}</th>`);
    i += span;
  }
  return `<tr>${top.join('')}</tr><tr>${cols.filter((c) => c.group).map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr>`;
}

/** Rows grouped in bodies: a program's row and its previous period's under it never part across pages. */
function table(cols: Head[], bodies: string[][][]): string {
  return `<table class="grid report"><colgroup>${cols.map((c) => `<col style="width:${c.width}">`).join('')}</colgroup><thead>${headRows(cols)}</thead>
${bodies.map((rows) => `<tbody${rows.length > 1 ? ' class="keep"' : ''}>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody>`).join('\n')}</table>`;
}

const sumCells = (cells: string[]) => cells.map((c) => c.replace('<td class="num">', '<td class="num sum">'));

/** The total never stands alone at the top of a page: it keeps the last row with it. */
function totalWithLast(bodies: string[][][]): string[][][] {
  if (bodies.length < 2) return bodies;
  return [...bodies.slice(0, -2), [...bodies[bodies.length - 2]!, ...bodies[bodies.length - 1]!]];
}

function programRows(report: Report, cells: (f: Figures, prev: Figures) => string[]): string[][][] {
  return totalWithLast([
    ...report.programs.map((p) => [[`<td>${escapeHtml(p.name)}</td>`, ...cells(p.current, p.previous)]]),
    [[`<td class="sum">Cộng</td>`, ...sumCells(cells(report.total.current, report.total.previous))]],
  ]);
}

type Named = { name: string; current: Figures; previous: Figures };

/** Each program's row, and under it in italics the same figures of the previous period. */
function withPreviousRows(report: Report, programs: Named[], cells: (f: Figures) => string[]): string[][][] {
  const rows = [...programs, { name: 'Cộng', ...report.total }];
  return totalWithLast(rows.map((p, i) => {
    const total = i === rows.length - 1;
    const main = [`<td class="${total ? 'sum' : ''}">${escapeHtml(p.name)}</td>`, ...(total ? sumCells(cells(p.current)) : cells(p.current))];
    const prev = [`<td class="prev">${escapeHtml(report.previous.label)}</td>`, ...cells(p.previous).map((c) => c.replace('<td class="num">', '<td class="num prev">'))];
    return [main, prev];
  }));
}

/** "60 (50,0%)": count and share, either half kept whole when the cell wraps. */
function countShareCell(c: BreakdownColumn, f: Figures): string {
  const base = c.base(f);
  const count = c.count(f);
  return td(base > 0 ? `<span class="nw">${n(count)}</span> <span class="nw share">(${shareText(count, base)})</span>` : n(count));
}

export function buildReportHtml(doc: ReportDoc): string {
  const r = doc.report;
  const cur = r.period.label, prev = r.previous.label;
  const legend = `<p class="legend">Kỳ báo cáo: ${escapeHtml(cur)} (${escapeHtml(r.period.from.split('-').reverse().join('/'))} – ${escapeHtml(r.period.to.split('-').reverse().join('/'))}); so sánh với ${escapeHtml(prev.toLocaleLowerCase('vi'))}.</p>`;
  const planShare = (f: Figures) => (f.planned > 0 ? formatPercent(f.opened / f.planned, 2) : '—');
  const overview = table(
    [
      { header: 'Chương trình', width: '27%' },
      { group: 'Số lớp', header: 'Kế hoạch', width: '7%' },
      { group: 'Số lớp', header: 'Đã mở', width: '7%' },
      { group: 'Số lớp', header: '% kế hoạch', width: '8.5%' },
      { group: 'Lượt học viên', header: 'Học', width: '7.5%' },
      { group: 'Lượt học viên', header: 'Hoàn thành', width: '8.5%' },
      { group: 'Lượt học viên', header: 'Cấp GCN', width: '7.5%' },
      { header: 'Số người', width: '8%' },
      { group: prev, header: 'Lớp mở', width: '8%' },
      { group: prev, header: 'Lượt học viên', width: '11%' },
    ],
    programRows(r, (f, p) => [td(n(f.planned)), td(n(f.opened)), td(planShare(f)), td(n(f.enrollments)), td(n(f.completed)), td(n(f.certified)), td(n(f.people)), td(n(p.opened)), td(n(p.enrollments))]),
  );
  const pending = r.pendingClasses > 0 ? `<p class="note">Chưa tính ${n(r.pendingClasses)} lớp dự kiến chưa có quyết định mở lớp.</p>` : '';
  const breakdownTable = (columns: BreakdownColumn[], programs: Named[], first: { header: string; value: (f: Figures) => number }) =>
    table(
      [{ header: 'Chương trình', width: '22%' }, { header: first.header, width: '8%' }, ...columns.map((c) => ({ group: c.group, header: c.header, width: `${(70 / columns.length).toFixed(2)}%` }))],
      withPreviousRows(r, programs, (f) => [td(n(first.value(f))), ...columns.map((c) => countShareCell(c, f))]),
    );
  const composition = compositionColumns(r.ageBands);
  const ageStart = composition.findIndex((c) => c.group === 'Độ tuổi');
  const enrolled = { header: 'Lượt học viên', value: (f: Figures) => f.enrollments };
  const graded = r.programs.filter((p) => gradedCount(p.current) + gradedCount(p.previous) > 0);
  const classification = r.classificationLabels.length
    ? `${breakdownTable(classificationColumns(r.classificationLabels), graded, { header: 'Hoàn thành có xếp loại', value: gradedCount })}
<p class="note">${escapeHtml(classificationBaseText(r.total.current))}</p>`
    : '<p>Các chương trình trong kỳ không xếp loại.</p>';
  // Per program (by its short name) for the period, then the period's total and the previous one's.
  const places = (title: string, rows: { name: string; current: number; previous: number; byProgram: Record<string, number> }[]) => {
    const k = r.programs.length;
    return table(
      [
        { header: title, width: '26%' },
        ...r.programs.map((p) => ({ group: 'Lượt học viên theo chương trình', header: programShortName(p.name), width: `${(56 / k).toFixed(2)}%` })),
        { header: `Cộng ${cur}`, width: '9%' },
        { header: prev, width: '9%' },
      ],
      rows.map((x) => [[`<td>${escapeHtml(x.name)}</td>`, ...r.programs.map((p) => td(n(x.byProgram[String(p.programId)] ?? 0))), td(n(x.current)), td(n(x.previous))]]),
    );
  };
  const lecturers = r.lecturers.length
    ? table(
        [{ header: 'Giảng viên', width: '40%' }, ...['Số tiết', 'Định mức', '% định mức', `Số tiết ${prev}`].map((header) => ({ header, width: '15%' }))],
        r.lecturers.map((l) => [[`<td>${escapeHtml(l.name)}</td>`, td(n(l.periods)), td(l.norm === null ? '—' : n(l.norm)), td(l.percent === null ? '—' : formatPercent(l.percent / 100, 1)), td(n(l.previousPeriods))]]),
      )
    : '<p>Không có buổi giảng nào được phân công trong kỳ.</p>';
  const amendments = r.amendments.length
    ? `<h2>VI. ĐIỀU CHỈNH SỐ LIỆU CÁC NĂM ĐÃ KHÓA SỔ</h2>${table(
        [['Năm', '7%'], ['Chương trình', '25%'], ['Chỉ tiêu', '16%'], ['Đã báo cáo', '10%'], ['Nay là', '10%'], ['Lý do', '32%']].map(([header, width]) => ({ header: header!, width: width! })),
        r.amendments.map((a) => [[td(String(a.year), 'center'), `<td>${escapeHtml(a.program)}</td>`, `<td>${escapeHtml(a.figure)}</td>`, td(n(a.before)), td(n(a.after)), `<td>${a.reasons.map(escapeHtml).join('<br>') || 'Không ghi lý do'}</td>`]]),
      )}`
    : '';
  const t = r.total.current;
  const summary = `<p>Trong ${escapeHtml(cur.toLocaleLowerCase('vi'))}, Trung tâm mở ${n(t.opened)} lớp${t.planned ? ` trên ${n(t.planned)} lớp theo kế hoạch, đạt ${formatPercent(t.opened / t.planned, 2)}` : ''}, với ${n(t.enrollments)} lượt học viên (${n(t.people)} người); ${n(t.completed)} lượt hoàn thành chương trình, ${n(t.certified)} lượt được cấp giấy chứng nhận. So với ${escapeHtml(prev.toLocaleLowerCase('vi'))}: ${n(r.total.previous.opened)} lớp, ${n(r.total.previous.enrollments)} lượt học viên.</p>`;
  const bodyHtml = `${partyHeaderHtml(doc.body, { number: `${'\u00a0'.repeat(8)}-BC/${doc.body.docCode}`, date: doc.date })}
<div class="doc-type">BÁO CÁO</div>
<div class="doc-subject">Kết quả công tác đào tạo, bồi dưỡng ${escapeHtml(cur.toLocaleLowerCase('vi'))}</div>
<div class="dashes">-----</div>
${legend}
<h2>I. KẾT QUẢ CHUNG</h2>
${summary}
${overview}
<p class="note">${escapeHtml(UNITS_NOTE)}</p>
${pending}
${reportChartsHtml(r)}
<h2>II. THÀNH PHẦN HỌC VIÊN</h2>
<p class="note">Số lượt và tỉ lệ trên tổng lượt học viên của từng dòng.</p>
${breakdownTable(composition.slice(0, ageStart), r.programs, enrolled)}
<div class="gap"></div>
${breakdownTable(composition.slice(ageStart), r.programs, enrolled)}
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
h2 { font-size: 13.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.legend { text-indent: 0; font-style: italic; text-align: center; }
p.note { text-indent: 0; font-size: 11pt; font-style: italic; margin: 1mm 0 2mm; }
.grid.report { font-size: 11pt; line-height: 1.15; }
.grid.report th { font-size: 10.5pt; padding: 2pt 3pt; }
.grid.report td { padding: 1.5pt 3pt; }
.grid.report td.num { text-align: right; }
.grid.report td.sum { font-weight: bold; }
.grid.report td.prev { font-style: italic; font-size: 10pt; padding-left: 8pt; }
.grid.report .nw { white-space: nowrap; }
.grid.report .share { font-size: 9.5pt; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 6mm; margin-top: 3mm; }
.chart-box { break-inside: avoid; }
.chart { width: 100%; height: auto; max-height: 75mm; font-family: Tinos, 'Times New Roman', serif; }
.gap { height: 3mm; }
`;
