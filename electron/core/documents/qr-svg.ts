import QRCode from 'qrcode';

/** Millimetres for CSS, at most two decimals: 12.5 → "12.5mm". */
export function mm(v: number): string {
  return `${Math.round(v * 100) / 100}mm`;
}

/**
 * The QR as an SVG path, one rectangle per run of dark modules, with the standard four-module quiet
 * zone inside the field's width. Nothing is fetched or drawn on a canvas.
 */
export function qrSvg(text: string, widthMm: number, style = ''): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const runs: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      runs.push(`M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`);
    }
  }
  const side = n + 2 * quiet;
  return (
    `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${mm(widthMm)}" height="${mm(widthMm)}" ` +
    `shape-rendering="crispEdges" data-modules="${n}" style="${style}" role="img" aria-label="Mã QR xác minh">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${runs.join('')}"/></svg>`
  );
}
