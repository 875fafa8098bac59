import { foldText } from './text';

/**
 * Clerk-configurable patterns for certificate serial and register numbers. The clerk writes the parts
 * in words — «[số]/[năm]/GCN», «[năm].[số 4 chữ số]» — and the app stores the older, shorter form
 * («{seq}/{year}/GCN», «{year}.{seq:4}») that saved settings already use; both are read. Patterns are
 * checked when saved, so formatting never meets a bad one at print time.
 */

export const PATTERN_MAX_LENGTH = 60;
const MAX_PAD = 8;

type Part = { kind: 'text'; text: string } | { kind: 'seq'; pad: number } | { kind: 'year' } | { kind: 'yy' };

type Parsed = { ok: true; parts: Part[] } | { ok: false; message: string };

/** The parts a clerk can put in a pattern, as written on screen and by the buttons that insert them. */
export const PATTERN_PARTS = [
  { token: '[số]', label: 'Số thứ tự', example: '12' },
  { token: '[số 4 chữ số]', label: 'Số thứ tự 4 chữ số', example: '0012' },
  { token: '[năm]', label: 'Năm', example: '2026' },
  { token: '[năm 2 số]', label: 'Năm 2 chữ số', example: '26' },
] as const;

const PARTS_HINT = 'dùng [số], [số 4 chữ số], [năm] hoặc [năm 2 số]';

// Letters are checked on the NFC form: every Vietnamese letter has a precomposed code point, so a
// pattern typed with combining marks (some Windows keyboards) is accepted like the precomposed one.
const LITERAL = /^[\p{L}0-9 /\-._]$/u;

/** A part in the stored form: {seq}, {seq:4}, {year}, {yy}. */
function storedToken(body: string, raw: string): Part | string {
  if (body === 'seq') return { kind: 'seq', pad: 0 };
  if (body === 'year') return { kind: 'year' };
  if (body === 'yy') return { kind: 'yy' };
  const pad = /^seq:(\d+)$/.exec(body);
  if (pad) return padded(Number(pad[1]), raw);
  return `Không hiểu «${raw}» trong mẫu số; ${PARTS_HINT}`;
}

/** A part in the clerk's words, any case, with or without marks: [số], [số 4 chữ số], [năm], [năm 2 số]. */
function clerkToken(body: string, raw: string): Part | string {
  const words = foldText(body).replace(/\s+/g, ' ').trim();
  if (words === 'so' || words === 'so thu tu') return { kind: 'seq', pad: 0 };
  if (words === 'nam') return { kind: 'year' };
  if (/^nam 2( chu)?( so)?$/.test(words)) return { kind: 'yy' };
  const pad = /^so (?:thu tu )?(\d+)(?: chu so)?$/.exec(words);
  if (pad) return padded(Number(pad[1]), raw);
  return `Không hiểu «${raw}» trong mẫu số; ${PARTS_HINT}`;
}

function padded(n: number, raw: string): Part | string {
  if (n >= 1 && n <= MAX_PAD) return { kind: 'seq', pad: n };
  return `Số chữ số trong «${raw}» phải từ 1 đến ${MAX_PAD}`;
}

const CLOSERS: Record<string, string> = { '{': '}', '[': ']' };

function parse(raw: string): Parsed {
  const pattern = raw.normalize('NFC');
  if (pattern.trim() === '') return { ok: false, message: 'Mẫu số không được để trống' };
  // A number printed with a leading or trailing space looks identical to one without, but would not
  // match it when searched or verified.
  if (pattern !== pattern.trim()) {
    return { ok: false, message: 'Mẫu số không được bắt đầu hay kết thúc bằng dấu cách' };
  }

  const parts: Part[] = [];
  let text = '';
  let i = 0;
  const chars = [...pattern];
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '}' || c === ']') {
      const opener = c === '}' ? '{' : '[';
      return { ok: false, message: `Mẫu số có dấu «${c}» mà không có dấu «${opener}» mở trước nó` };
    }
    const closer = CLOSERS[c];
    if (closer) {
      const close = chars.indexOf(closer, i + 1);
      const reopen = chars.findIndex((ch, j) => j > i && (ch === '{' || ch === '['));
      if (close < 0 || (reopen >= 0 && reopen < close)) {
        const upTo = reopen >= 0 && (close < 0 || reopen < close) ? reopen : chars.length;
        return { ok: false, message: `Mẫu số thiếu dấu «${closer}» đóng sau «${chars.slice(i, upTo).join('')}»` };
      }
      const body = chars.slice(i + 1, close).join('');
      const rawToken = chars.slice(i, close + 1).join('');
      const token = c === '{' ? storedToken(body, rawToken) : clerkToken(body, rawToken);
      if (typeof token === 'string') return { ok: false, message: token };
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push(token);
      i = close + 1;
      continue;
    }
    if (!LITERAL.test(c)) {
      const shown = /\s/u.test(c) || /\p{C}/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c;
      return {
        ok: false,
        message: `Mẫu số không được có ký tự «${shown}»: chỉ dùng chữ, chữ số, dấu cách, / - . _ và các phần trong ngoặc vuông`,
      };
    }
    text += c;
    i += 1;
  }
  if (text) parts.push({ kind: 'text', text });

  if (parts.filter((p) => p.kind === 'seq').length !== 1) {
    return { ok: false, message: 'Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]' };
  }
  // The limit is on what is stored and printed, not on the words the clerk wrote for the parts.
  const length = [...write(parts, 'stored')].length;
  if (length > PATTERN_MAX_LENGTH) return { ok: false, message: `Mẫu số dài quá ${PATTERN_MAX_LENGTH} ký tự (hiện có ${length})` };
  return { ok: true, parts };
}

function write(parts: Part[], form: 'stored' | 'clerk'): string {
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text;
        case 'seq':
          if (form === 'stored') return p.pad ? `{seq:${p.pad}}` : '{seq}';
          return p.pad ? `[số ${p.pad} chữ số]` : '[số]';
        case 'year':
          return form === 'stored' ? '{year}' : '[năm]';
        case 'yy':
          return form === 'stored' ? '{yy}' : '[năm 2 số]';
      }
    })
    .join('');
}

/** The stored form of a valid pattern written either way; an invalid one is returned as it is. */
export function storedPattern(pattern: string): string {
  const parsed = parse(pattern);
  return parsed.ok ? write(parsed.parts, 'stored') : pattern;
}

/** The pattern as the clerk reads and edits it: «[số]/[năm]/GCN». */
export function clerkPattern(pattern: string): string {
  const parsed = parse(pattern);
  return parsed.ok ? write(parsed.parts, 'clerk') : pattern;
}

/** Null when the pattern can be used, otherwise the reason in Vietnamese for the clerk. */
export function patternError(pattern: string): string | null {
  const parsed = parse(pattern);
  return parsed.ok ? null : parsed.message;
}

/**
 * Throws on a bad pattern or values: patterns are validated when saved, so reaching here with one is
 * a bug, and printing a wrong number on a certificate is worse than failing.
 */
export function formatCertNumber(pattern: string, v: { seq: number; year: number }): string {
  const parsed = parse(pattern);
  if (!parsed.ok) throw new Error(`Invalid certificate number pattern ${JSON.stringify(pattern)}: ${parsed.message}`);
  if (!Number.isSafeInteger(v.seq) || v.seq < 1) throw new RangeError(`Invalid certificate sequence ${v.seq}`);
  if (!Number.isInteger(v.year) || v.year < 1000 || v.year > 9999) throw new RangeError(`Invalid year ${v.year}`);
  return parsed.parts
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text;
        // Padding is a minimum width: a sequence that outgrows it is printed in full, never cut.
        case 'seq':
          return String(v.seq).padStart(p.pad, '0');
        case 'year':
          return String(v.year);
        case 'yy':
          return String(v.year % 100).padStart(2, '0');
      }
    })
    .join('');
}

/**
 * True when the pattern carries the year, so numbers stay distinct after the sequence restarts each
 * January. False means the same number would be issued again next year; the caller warns about it.
 */
export function patternHasYear(pattern: string): boolean {
  const parsed = parse(pattern);
  if (parsed.ok) return parsed.parts.some((p) => p.kind === 'year' || p.kind === 'yy');
  return /\{(?:year|yy)\}|\[\s*n[aă]m/iu.test(pattern);
}
