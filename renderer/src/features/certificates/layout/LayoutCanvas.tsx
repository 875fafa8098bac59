import { Box } from '@mui/material';
import { useRef } from 'react';
import {
  CERTIFICATE_FIELD_LABELS,
  pageSizeMm,
  type CertificateField,
  type CertificateFieldKey,
  type CertificateLayout,
} from '../../../../../shared/domain/certificate-layout';
import { formatNumber } from '../../../../../shared/domain/format';

const PX_PER_MM = 96 / 25.4;
const PT_TO_MM = 25.4 / 72;
/** The print HTML's screen margin above the sheet (body padding), which the overlay must match. */
const SHEET_TOP_MM = 8;
const STEP = 0.5;

const snap = (v: number) => Math.round(v / STEP) * STEP;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** The height a field takes on the sheet: a QR is square, text one line (the signer's title two). */
export function fieldHeightMm(f: CertificateField): number {
  if (f.key === 'qr') return f.width;
  return f.fontSize * 1.25 * PT_TO_MM * (f.key === 'signerTitle' ? 2 : 1);
}

/** A layer over the sheet, placed and sized in millimetres. */
const layer = (x: number, y: number, width: number, height: number) =>
  ({ position: 'absolute', left: `${x}mm`, top: `${y}mm`, width: `${width}mm`, height: `${height}mm` }) as const;

const mmText = (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : 1);

/**
 * The print HTML itself (sample certificate or calibration page) in the sandboxed frame, with a
 * box over every field to drag or move with the arrow keys. The frame and the boxes share CSS
 * millimetres and one scale, so a box sits exactly where its text prints.
 */
export function LayoutCanvas(props: {
  layout: CertificateLayout;
  html: string | null;
  title: string;
  selected: CertificateFieldKey | null;
  invalid: ReadonlySet<CertificateFieldKey>;
  maxWidthPx: number;
  /** Where the boxes sit relative to the frame: the calibration page prints through the printer offset. */
  shift?: { x: number; y: number };
  onSelect: (key: CertificateFieldKey) => void;
  onMove: (key: CertificateFieldKey, x: number, y: number) => void;
}) {
  const { layout, html, selected, invalid } = props;
  const page = pageSizeMm(layout.paper, layout.orientation);
  const scale = Math.min(1, props.maxWidthPx / (page.width * PX_PER_MM));
  const drag = useRef<{ key: CertificateFieldKey; pointer: number; x0: number; y0: number; fx: number; fy: number } | null>(null);

  const moveTo = (f: CertificateField, x: number, y: number) => {
    // A size being typed (empty, or not a number yet) has no bounds to keep the field in: leave it be.
    const h = fieldHeightMm(f);
    if (![x, y, f.width, h].every(Number.isFinite)) return;
    props.onMove(f.key, clamp(snap(x), 0, page.width - f.width), clamp(snap(y), 0, page.height - h));
  };
  const endDrag = () => {
    drag.current = null;
  };
  const shift = props.shift ?? { x: 0, y: 0 };

  return (
    <Box
      sx={{
        position: 'relative',
        width: page.width * PX_PER_MM * scale,
        height: (page.height + 2 * SHEET_TOP_MM) * PX_PER_MM * scale,
        overflow: 'hidden',
        bgcolor: '#9e9e9e',
      }}
    >
      <Box sx={{ ...layer(0, 0, page.width, page.height + 2 * SHEET_TOP_MM), transform: `scale(${scale})`, transformOrigin: '0 0' }}>
        {html && (
          <Box
            component="iframe"
            title={`Xem trước: ${props.title}`}
            sandbox=""
            srcDoc={html}
            tabIndex={-1}
            // Taller than the clip so the frame never shows a scrollbar that would shift the sheet.
            sx={{ ...layer(0, 0, page.width, page.height + 4 * SHEET_TOP_MM), border: 0, pointerEvents: 'none' }}
          />
        )}
        <Box role="group" aria-label="Các trường trên mẫu giấy" sx={layer(shift.x, SHEET_TOP_MM + shift.y, page.width, page.height)}>
          {layout.fields.map((f) => {
            const isSelected = f.key === selected;
            const bad = invalid.has(f.key);
            return (
              <Box
                key={f.key}
                role="button"
                tabIndex={0}
                aria-pressed={isSelected}
                aria-label={`${CERTIFICATE_FIELD_LABELS[f.key]}: ngang ${mmText(f.x)} mm, dọc ${mmText(f.y)} mm`}
                title={`${CERTIFICATE_FIELD_LABELS[f.key]} — kéo để di chuyển, hoặc dùng phím mũi tên (Shift: 5 mm)`}
                onPointerDown={(e) => {
                  if (e.button !== 0) return;
                  e.currentTarget.setPointerCapture(e.pointerId);
                  e.currentTarget.focus();
                  props.onSelect(f.key);
                  drag.current = { key: f.key, pointer: e.pointerId, x0: e.clientX, y0: e.clientY, fx: f.x, fy: f.y };
                }}
                onPointerMove={(e) => {
                  const d = drag.current;
                  if (!d || d.pointer !== e.pointerId || d.key !== f.key) return;
                  // The button came up where we did not hear it (focus went elsewhere): the drag is over.
                  if (e.pointerType === 'mouse' && (e.buttons & 1) === 0) return endDrag();
                  const k = PX_PER_MM * scale;
                  moveTo(f, d.fx + (e.clientX - d.x0) / k, d.fy + (e.clientY - d.y0) / k);
                }}
                onPointerUp={endDrag}
                onPointerCancel={endDrag}
                onLostPointerCapture={endDrag}
                onFocus={() => props.onSelect(f.key)}
                onKeyDown={(e) => {
                  const step = e.shiftKey ? 5 : STEP;
                  const delta: Record<string, [number, number]> = {
                    ArrowLeft: [-step, 0],
                    ArrowRight: [step, 0],
                    ArrowUp: [0, -step],
                    ArrowDown: [0, step],
                  };
                  const d = delta[e.key];
                  if (!d) return;
                  e.preventDefault();
                  moveTo(f, f.x + d[0], f.y + d[1]);
                }}
                sx={{
                  position: 'absolute',
                  left: `${f.x}mm`,
                  top: `${f.y}mm`,
                  width: `${f.width}mm`,
                  height: `${fieldHeightMm(f)}mm`,
                  cursor: 'move',
                  touchAction: 'none',
                  outline: isSelected ? '0.6mm solid' : '0.25mm dashed',
                  outlineColor: bad ? 'error.main' : isSelected ? 'primary.main' : 'rgba(25, 118, 210, 0.7)',
                  bgcolor: isSelected ? 'rgba(183, 28, 28, 0.08)' : 'transparent',
                  '&:focus-visible': { outlineWidth: '0.8mm' },
                }}
              >
                <Box
                  component="span"
                  sx={{
                    position: 'absolute',
                    left: 0,
                    top: '-3.6mm',
                    fontSize: '2.6mm',
                    lineHeight: 1,
                    px: '0.6mm',
                    py: '0.3mm',
                    color: '#fff',
                    whiteSpace: 'nowrap',
                    bgcolor: bad ? 'error.main' : isSelected ? 'primary.main' : 'rgba(25, 118, 210, 0.85)',
                    display: isSelected || bad ? 'block' : 'none',
                  }}
                >
                  {CERTIFICATE_FIELD_LABELS[f.key]}
                </Box>
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
