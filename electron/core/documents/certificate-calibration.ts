import {
  CERTIFICATE_FIELD_LABELS,
  pageSizeMm,
  type CertificateLayout,
  type PrinterOffset,
} from '../../../shared/domain/certificate-layout';
import { formatNumber } from '../../../shared/domain/format';
import { lineHeightMm, linesAvailable, page } from './certificate';
import { escapeHtml } from './party-document';
import { mm } from './qr-svg';

/** The calibration page for pre-printed forms: the certificate's sheet as a ruler, its fields marked. */

export interface CalibrationDoc {
  layout: CertificateLayout;
  offset: PrinterOffset;
}

function signed(v: number): string {
  const text = formatNumber(Math.abs(v), Number.isInteger(v) ? 0 : 1);
  return v > 0 ? `+${text}` : v < 0 ? `−${text}` : text;
}

const CALIBRATION_CSS = `
.ruler { position: absolute; left: 0; top: 0; }
.ruler text { font-family: Tinos, 'Times New Roman', serif; }
.note { position: absolute; font-size: 9.5pt; line-height: 1.3; background: #fff; padding: 1mm 2mm; border: 0.2mm solid #000; }
.note b { font-size: 11pt; }
`;

const NOTE = { width: 88, height: 22 };

/** The first place (top to bottom, left to right, inside the rulers) where the note covers no field. */
function noteSpot(layout: CertificateLayout, W: number, H: number): { x: number; y: number } {
  const boxes = layout.fields.map((f) => ({
    x0: f.x - 5,
    y0: f.y - 5,
    x1: f.x + Math.max(f.width, 45),
    y1: f.y + (f.key === 'qr' ? f.width : Math.max(5, lineHeightMm(f.fontSize) * linesAvailable(f, layout))) + 1,
  }));
  const free = (x: number, y: number) => boxes.every((b) => x + NOTE.width <= b.x0 || x >= b.x1 || y + NOTE.height <= b.y0 || y >= b.y1);
  for (let y = 12; y + NOTE.height <= H - 12; y += 2) {
    const centred = (W - NOTE.width) / 2;
    if (free(centred, y)) return { x: centred, y };
    for (let x = 12; x + NOTE.width <= W - 12; x += 2) if (free(x, y)) return { x, y };
  }
  return { x: (W - NOTE.width) / 2, y: 12 };
}

/**
 * A ruler grid with crosshairs where each field starts, printed through the same offset as the
 * certificates: held against a form (or measured with a ruler), it shows how far the printer is off.
 */
export function buildCalibrationHtml(doc: CalibrationDoc): string {
  const { layout, offset } = doc;
  const { width: W, height: H } = pageSizeMm(layout.paper, layout.orientation);
  const svg: string[] = [];
  // 10 mm grid, the 50 mm lines a little darker.
  for (let x = 10; x < W; x += 10)
    svg.push(`<line x1="${x}" y1="0" x2="${x}" y2="${H}" stroke="${x % 50 ? '#bbb' : '#777'}" stroke-width="${x % 50 ? 0.12 : 0.2}"/>`);
  for (let y = 10; y < H; y += 10)
    svg.push(`<line x1="0" y1="${y}" x2="${W}" y2="${y}" stroke="${y % 50 ? '#bbb' : '#777'}" stroke-width="${y % 50 ? 0.12 : 0.2}"/>`);
  // 1 mm ticks on all four edges, longer every 5 and 10 mm.
  const tick = (i: number) => (i % 10 === 0 ? 5 : i % 5 === 0 ? 3.5 : 2);
  const ticks: string[] = [];
  for (let x = 1; x < W; x++) {
    const t = tick(x);
    ticks.push(`M${x} 0v${t}M${x} ${H}v-${t}`);
  }
  for (let y = 1; y < H; y++) {
    const t = tick(y);
    ticks.push(`M0 ${y}h${t}M${W} ${y}h-${t}`);
  }
  svg.push(`<path d="${ticks.join('')}" stroke="#000" stroke-width="0.15" fill="none"/>`);
  for (let x = 10; x < W; x += 10) {
    svg.push(`<text x="${x}" y="8.2" font-size="2.6" text-anchor="middle">${x}</text>`);
    svg.push(`<text x="${x}" y="${H - 6}" font-size="2.6" text-anchor="middle">${x}</text>`);
  }
  for (let y = 10; y < H; y += 10) {
    svg.push(`<text x="6.2" y="${y + 0.9}" font-size="2.6">${y}</text>`);
    svg.push(`<text x="${W - 6.2}" y="${y + 0.9}" font-size="2.6" text-anchor="end">${y}</text>`);
  }
  // Each field: crosshair at (x, y), the field's width as a dashed line, and its name.
  for (const f of layout.fields) {
    const name = CERTIFICATE_FIELD_LABELS[f.key];
    svg.push(
      `<g stroke="#c00000" stroke-width="0.25" fill="none">` +
        `<path d="M${f.x - 4} ${f.y}h8M${f.x} ${f.y - 4}v8"/><circle cx="${f.x}" cy="${f.y}" r="1.5"/>` +
        (f.key === 'qr'
          ? `<rect x="${f.x}" y="${f.y}" width="${f.width}" height="${f.width}" stroke-dasharray="1 1"/>`
          : `<path d="M${f.x} ${f.y}h${f.width}" stroke-dasharray="1.5 1"/>`) +
        `</g>`,
      `<text x="${f.x + 1.8}" y="${f.y + 3.6}" font-size="2.9" fill="#c00000">${escapeHtml(name)} (${formatNumber(f.x, Number.isInteger(f.x) ? 0 : 1)}; ${formatNumber(f.y, Number.isInteger(f.y) ? 0 : 1)})</text>`,
    );
  }
  const paperName = `${layout.paper} ${layout.orientation === 'landscape' ? 'ngang' : 'dọc'}`;
  const spot = noteSpot(layout, W, H);
  const note = `<div class="note" style="left:${mm(spot.x)};top:${mm(spot.y)};width:${NOTE.width}mm;">
<b>TRANG CÂN CHỈNH MÁY IN</b> — ${escapeHtml(paperName)} (${W} × ${H} mm)<br>
Độ lệch máy in: ngang ${escapeHtml(signed(offset.x))} mm, dọc ${escapeHtml(signed(offset.y))} mm<br>
Dấu chữ thập đỏ là góc trên bên trái của từng trường; đặt trang lên phôi, soi đèn để so.
</div>`;
  const body = `<section class="sheet"><div class="content" style="position:absolute;left:${mm(offset.x)};top:${mm(offset.y)};width:${mm(W)};height:${mm(H)};">
<svg class="ruler" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}mm" height="${H}mm">
${svg.join('\n')}
</svg>
${note}
</div></section>`;
  return page('Trang cân chỉnh máy in', W, H, CALIBRATION_CSS, body);
}
