/**
 * Certificate layouts, one per program: the paper, the orientation, and where each variable field
 * prints, in millimetres from the top left corner of the sheet. "full" prints the whole design on
 * plain paper; "preprinted" prints only the variable values onto the centre's decorated forms (phôi).
 */
import { z } from 'zod';
import { labelled } from './labelled';

/** The fields a certificate prints, with the names the clerk sees in the layout editor and on the calibration page. */
export const { keys: CERTIFICATE_FIELD_KEYS, labels: CERTIFICATE_FIELD_LABELS } = labelled({
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  unitName: 'Đơn vị',
  programName: 'Chương trình',
  className: 'Lớp',
  classDates: 'Thời gian học',
  classification: 'Xếp loại',
  issueDateLine: 'Địa danh, ngày cấp',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
  serial: 'Số',
  registerNo: 'Vào sổ số',
  qr: 'Mã QR',
  checkCode: 'Mã tra cứu',
});

export const certificateFieldKey = z.enum(CERTIFICATE_FIELD_KEYS, { error: 'Trường in không hợp lệ' });
export type CertificateFieldKey = z.infer<typeof certificateFieldKey>;

export const PAPERS = ['A4', 'A5'] as const;
export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type CertificatePaper = (typeof PAPERS)[number];
export type CertificateOrientation = (typeof ORIENTATIONS)[number];

const PAPER_MM: Record<CertificatePaper, { short: number; long: number }> = {
  A4: { short: 210, long: 297 },
  A5: { short: 148, long: 210 },
};

/** Width and height of the sheet in millimetres: A5 landscape is 210 × 148. */
export function pageSizeMm(paper: CertificatePaper, orientation: CertificateOrientation): { width: number; height: number } {
  const p = PAPER_MM[paper];
  return orientation === 'landscape' ? { width: p.long, height: p.short } : { width: p.short, height: p.long };
}

/** The largest sheet (A4) bounds every coordinate; the layout checks against its own paper. */
const MAX_MM = 297;

const mm = (what: string) =>
  z
    .number({ error: `${what} phải là số (mm)` })
    .finite(`${what} phải là số (mm)`)
    .min(0, `${what} không được âm`)
    .max(MAX_MM, `${what} nằm ngoài trang giấy`);

export const certificateFieldSchema = z.object({
  key: certificateFieldKey,
  x: mm('Vị trí ngang'),
  y: mm('Vị trí dọc'),
  width: mm('Độ rộng').min(5, 'Độ rộng tối thiểu 5 mm'),
  fontSize: z
    .number({ error: 'Cỡ chữ phải là số' })
    .finite('Cỡ chữ phải là số')
    .min(6, 'Cỡ chữ từ 6 đến 40 pt')
    .max(40, 'Cỡ chữ từ 6 đến 40 pt'),
  bold: z.boolean(),
  italic: z.boolean(),
  align: z.enum(['left', 'center', 'right'], { error: 'Căn lề phải là trái, giữa hoặc phải' }),
});
export type CertificateField = z.infer<typeof certificateFieldSchema>;

export const IMAGE_INVALID_MESSAGE = 'Tệp ảnh không hợp lệ (chỉ nhận PNG hoặc JPEG)';
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
const IMAGE_DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/** The first bytes must match the declared type: a renamed SVG or HTML file is not an image we print. */
function imageProblem(url: string): string | null {
  const m = IMAGE_DATA_URL.exec(url);
  if (!m || m[2]!.length % 4 !== 0) return IMAGE_INVALID_MESSAGE;
  const data = m[2]!;
  const bytes = Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
  if (bytes > IMAGE_MAX_BYTES) return 'Ảnh quá lớn (tối đa 2 MB)';
  let head: string;
  try {
    head = atob(data.slice(0, 12));
  } catch {
    return IMAGE_INVALID_MESSAGE;
  }
  const png = head.startsWith('\x89PNG\r\n\x1a\n');
  const jpeg = head.startsWith('\xff\xd8\xff');
  if ((m[1] === 'png' && !png) || (m[1] === 'jpeg' && !jpeg)) return IMAGE_INVALID_MESSAGE;
  return null;
}

export const certificateImageSchema = z.string({ error: IMAGE_INVALID_MESSAGE }).superRefine((url, ctx) => {
  const problem = imageProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const certificateLayoutSchema = z
  .object({
    paper: z.enum(PAPERS, { error: 'Khổ giấy phải là A4 hoặc A5' }),
    orientation: z.enum(ORIENTATIONS, { error: 'Chọn khổ ngang hoặc khổ dọc' }),
    mode: z.enum(['full', 'preprinted'], { error: 'Chọn in toàn bộ hoặc in lên phôi' }),
    border: z.boolean(),
    imageDataUrl: certificateImageSchema.nullable(),
    fields: z.array(certificateFieldSchema).max(CERTIFICATE_FIELD_KEYS.length, 'Quá nhiều trường in'),
  })
  .superRefine((layout, ctx) => {
    const page = pageSizeMm(layout.paper, layout.orientation);
    const seen = new Set<CertificateFieldKey>();
    layout.fields.forEach((f, i) => {
      const name = CERTIFICATE_FIELD_LABELS[f.key];
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `Trường «${name}» đã có trên mẫu` });
      seen.add(f.key);
      if (f.x + f.width > page.width) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, f.x >= page.width ? 'x' : 'width'],
          message: `«${name}» vượt quá mép phải trang (rộng ${page.width} mm)`,
        });
      }
      // A QR is as tall as it is wide; text needs at least one line below its top.
      const bottom = f.y + (f.key === 'qr' ? f.width : (f.fontSize * 25.4) / 72);
      if (bottom > page.height) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'y'], message: `«${name}» vượt quá mép dưới trang (cao ${page.height} mm)` });
      }
    });
  });
export type CertificateLayout = z.infer<typeof certificateLayoutSchema>;

/** How far a printer shifts what it prints; added to every position. */
export const printerOffsetSchema = z.object({
  x: z
    .number({ error: 'Độ lệch phải là số (mm)' })
    .finite('Độ lệch phải là số (mm)')
    .min(-20, 'Độ lệch từ -20 đến 20 mm')
    .max(20, 'Độ lệch từ -20 đến 20 mm'),
  y: z
    .number({ error: 'Độ lệch phải là số (mm)' })
    .finite('Độ lệch phải là số (mm)')
    .min(-20, 'Độ lệch từ -20 đến 20 mm')
    .max(20, 'Độ lệch từ -20 đến 20 mm'),
});
export type PrinterOffset = z.infer<typeof printerOffsetSchema>;

interface Box {
  x: number;
  width: number;
}

/** What the full design prints besides the fields, scaled to the paper (mm, pt). */
export interface CertificateFrame {
  width: number;
  height: number;
  /** 1 for A5, about 1.41 for A4: font sizes scale with it. */
  scale: number;
  borderInset: number;
  header: { top: number; issuer: Box; party: Box; fontSize: number };
  title: { top: number; fontSize: number };
}

type Place = [x: number, y: number, width: number];

/**
 * A field of the plain-paper design: its look (size in pt on A5, style, alignment), the same whichever
 * way the sheet is turned, and where it sits on the A5 sheet in each orientation.
 */
type FieldSpec = [
  key: CertificateFieldKey,
  fontSize: number,
  style: '' | 'b' | 'i',
  align: CertificateField['align'],
  place: Record<CertificateOrientation, Place>,
];

// Designed on A5 (210 × 148 landscape, 148 × 210 portrait) and scaled for A4. The signature block
// leaves room for a hand signature and the round seal stamped over its left side.
const FRAMES: Record<CertificateOrientation, Omit<CertificateFrame, 'width' | 'height' | 'scale'>> = {
  landscape: {
    borderInset: 5,
    header: { top: 11, issuer: { x: 12, width: 84 }, party: { x: 104, width: 94 }, fontSize: 11 },
    title: { top: 27, fontSize: 22 },
  },
  portrait: {
    borderInset: 5,
    header: { top: 12, issuer: { x: 10, width: 62 }, party: { x: 74, width: 66 }, fontSize: 10 },
    title: { top: 38, fontSize: 22 },
  },
};

const FIELDS: FieldSpec[] = [
  ['fullName', 14, 'b', 'center', { landscape: [15, 39, 180], portrait: [12, 56, 124] }],
  ['birthDate', 13, '', 'center', { landscape: [15, 45.5, 180], portrait: [12, 66, 124] }],
  ['unitName', 13, '', 'center', { landscape: [15, 51.5, 180], portrait: [12, 73, 124] }],
  ['programName', 13, 'b', 'center', { landscape: [15, 57.5, 180], portrait: [12, 80, 124] }],
  ['className', 13, '', 'center', { landscape: [15, 69.5, 180], portrait: [12, 92.5, 124] }],
  ['classDates', 13, 'i', 'center', { landscape: [15, 75.5, 180], portrait: [12, 105, 124] }],
  ['classification', 13, 'b', 'center', { landscape: [15, 81.5, 180], portrait: [12, 112, 124] }],
  ['issueDateLine', 12, 'i', 'center', { landscape: [104, 90.5, 94], portrait: [58, 127, 84] }],
  ['signerTitle', 12, 'b', 'center', { landscape: [104, 96, 94], portrait: [58, 133, 84] }],
  ['signerName', 13, 'b', 'center', { landscape: [104, 132, 94], portrait: [58, 176, 84] }],
  ['qr', 10, '', 'left', { landscape: [14, 91, 30], portrait: [14, 135, 32] }],
  ['serial', 11, '', 'left', { landscape: [12, 124.5, 80], portrait: [12, 174, 46] }],
  ['registerNo', 11, '', 'left', { landscape: [12, 130, 80], portrait: [12, 180, 46] }],
  // Typed with the number on the Tra cứu screen by whoever cannot scan the QR.
  ['checkCode', 10, '', 'left', { landscape: [12, 135.5, 80], portrait: [12, 186, 46] }],
];

const round = (v: number, step: number) => Math.round(v / step) * step;

function scaled(paper: CertificatePaper, orientation: CertificateOrientation) {
  const page = pageSizeMm(paper, orientation);
  const reference = pageSizeMm('A5', orientation);
  const scale = page.width / reference.width;
  const L = (v: number) => round(v * scale, 0.5);
  const pt = (v: number) => round(v * scale, 0.5);
  return { page, scale, L, pt };
}

export function certificateFrame(paper: CertificatePaper, orientation: CertificateOrientation): CertificateFrame {
  const { page, scale, L, pt } = scaled(paper, orientation);
  const f = FRAMES[orientation];
  return {
    width: page.width,
    height: page.height,
    scale,
    borderInset: L(f.borderInset),
    header: {
      top: L(f.header.top),
      issuer: { x: L(f.header.issuer.x), width: L(f.header.issuer.width) },
      party: { x: L(f.header.party.x), width: L(f.header.party.width) },
      fontSize: pt(f.header.fontSize),
    },
    title: { top: L(f.title.top), fontSize: pt(f.title.fontSize) },
  };
}

/** A plain-paper design with every field placed; A5 landscape unless asked otherwise. */
export function defaultCertificateLayout(
  paper: CertificatePaper = 'A5',
  orientation: CertificateOrientation = 'landscape',
): CertificateLayout {
  const { L, pt } = scaled(paper, orientation);
  return {
    paper,
    orientation,
    mode: 'full',
    border: true,
    imageDataUrl: null,
    fields: FIELDS.map(([key, fontSize, style, align, place]) => {
      const [x, y, width] = place[orientation];
      return {
        key,
        x: L(x),
        y: L(y),
        width: L(width),
        fontSize: pt(fontSize),
        bold: style === 'b',
        italic: style === 'i',
        align,
      };
    }),
  };
}
