/**
 * Clerk-configurable patterns for certificate serial and register numbers ("{seq}/GCN-TTCT",
 * "{year}.{seq:4}"). Patterns are checked when the clerk saves them, so formatting never meets a bad
 * one at print time.
 */

export const PATTERN_MAX_LENGTH = 60;
const MAX_PAD = 8;

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'seq'; pad: number }
  | { kind: 'year' }
  | { kind: 'yy' };

type Parsed = { ok: true; parts: Part[] } | { ok: false; message: string };

// Letters are checked on the NFC form: every Vietnamese letter has a precomposed code point, so a
// pattern typed with combining marks (some Windows keyboards) is accepted like the precomposed one.
const LITERAL = /^[\p{L}0-9 /\-._]$/u;

function parseToken(body: string): Part | string {
  if (body === 'seq') return { kind: 'seq', pad: 0 };
  if (body === 'year') return { kind: 'year' };
  if (body === 'yy') return { kind: 'yy' };
  const pad = /^seq:(\d+)$/.exec(body);
  if (pad) {
    const n = Number(pad[1]);
    if (n >= 1 && n <= MAX_PAD) return { kind: 'seq', pad: n };
    return `Số chữ số trong «{${body}}» phải từ 1 đến ${MAX_PAD}`;
  }
  return `Không hiểu «{${body}}» trong mẫu số`;
}

function parse(raw: string): Parsed {
  const pattern = raw.normalize('NFC');
  if (pattern.trim() === '') return { ok: false, message: 'Mẫu số không được để trống' };
  const length = [...pattern].length;
  if (length > PATTERN_MAX_LENGTH) {
    return { ok: false, message: `Mẫu số dài quá ${PATTERN_MAX_LENGTH} ký tự (hiện có ${length})` };
  }
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
    if (c === '}') return { ok: false, message: 'Mẫu số có dấu «}» mà không có dấu «{» mở trước nó' };
    if (c === '{') {
      const close = chars.indexOf('}', i + 1);
      const reopen = chars.indexOf('{', i + 1);
      if (close < 0 || (reopen >= 0 && reopen < close)) {
        const upTo = reopen >= 0 && (close < 0 || reopen < close) ? reopen : chars.length;
        return { ok: false, message: `Mẫu số thiếu dấu «}» đóng sau «${chars.slice(i, upTo).join('')}»` };
      }
      const token = parseToken(chars.slice(i + 1, close).join(''));
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
        message: `Mẫu số không được có ký tự «${shown}»: chỉ dùng chữ, chữ số, dấu cách và / - . _`,
      };
    }
    text += c;
    i += 1;
  }
  if (text) parts.push({ kind: 'text', text });

  if (parts.filter((p) => p.kind === 'seq').length !== 1) {
    return { ok: false, message: 'Mẫu số phải có đúng một {seq}' };
  }
  return { ok: true, parts };
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
  return /\{(?:year|yy)\}/.test(pattern);
}
