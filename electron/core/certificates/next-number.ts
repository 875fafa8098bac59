import type { NextNumber } from '../../../shared/contract/certificates';
import { formatCertNumber, patternHasYear } from '../../../shared/domain/cert-numbering';
import { formatNumber } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';

/**
 * Certificate sequence numbers: the next one is one past the highest issued, or the number the clerk set
 * to continue a paper register (a floor, kept per year in `settings`), whichever is higher. Serial and
 * register number share the one sequence, so one floor moves both.
 */

// The examples: a serial the clerk reads ("12/GCN-TTCT") and a register number that sorts.
const DEFAULT_SERIAL = '{seq}/{year}/GCN';
const DEFAULT_REGISTER = '{year}.{seq:4}';
const FLOOR_PREFIX = 'certificates.nextSeq.';

function setting(ctx: AppCore, key: string, fallback: string): string {
  return (ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? fallback;
}

export function patterns(ctx: AppCore) {
  const serialPattern = setting(ctx, 'certificates.serialPattern', DEFAULT_SERIAL);
  const registerPattern = setting(ctx, 'certificates.registerPattern', DEFAULT_REGISTER);
  // The sequence restarts in January only if both numbers carry the year; otherwise it runs on, so a
  // number is never issued twice.
  return { serialPattern, registerPattern, yearly: patternHasYear(serialPattern) && patternHasYear(registerPattern) };
}

/** Floors set by the clerk, by year. A value that is not a whole number (a hand edit) counts as none. */
function floors(ctx: AppCore): Map<number, number> {
  const rows = ctx.db.prepare("SELECT key, value FROM settings WHERE key LIKE 'certificates.nextSeq.%'").all() as {
    key: string;
    value: string;
  }[];
  const out = new Map<number, number>();
  for (const r of rows) {
    const year = Number(r.key.slice(FLOOR_PREFIX.length));
    const seq = Number(r.value);
    if (Number.isInteger(year) && Number.isSafeInteger(seq) && seq >= 1) out.set(year, seq);
  }
  return out;
}

/**
 * The floor that applies to a year. When the sequence runs on across years, the one set for the latest
 * year up to this one holds: the paper register it continues did not restart either, and setting this
 * year's replaces (and may lower) an earlier year's.
 */
function floorFor(ctx: AppCore, year: number, yearly: boolean): number | null {
  const all = floors(ctx);
  if (yearly) return all.get(year) ?? null;
  const latest = Math.max(-Infinity, ...[...all.keys()].filter((y) => y <= year));
  return all.get(latest) ?? null;
}

/** The highest number issued that the year's sequence continues from: that year's, or any year's when it runs on. */
function lastIssued(ctx: AppCore, year: number, yearly: boolean): { seq: number; serial: string; year: number } | null {
  const q = yearly
    ? 'SELECT seq, serial, year FROM certificates WHERE year = ? ORDER BY seq DESC, id DESC LIMIT 1'
    : 'SELECT seq, serial, year FROM certificates WHERE ? IS NOT NULL ORDER BY seq DESC, id DESC LIMIT 1';
  return (ctx.db.prepare(q).get(year) as { seq: number; serial: string; year: number } | undefined) ?? null;
}

export function nextSeq(ctx: AppCore, year: number, yearly: boolean): number {
  const issued = (lastIssued(ctx, year, yearly)?.seq ?? 0) + 1;
  return Math.max(issued, floorFor(ctx, year, yearly) ?? 1);
}

export function nextNumber(ctx: AppCore, year: number): NextNumber {
  const p = patterns(ctx);
  const seq = nextSeq(ctx, year, p.yearly);
  return {
    year,
    yearly: p.yearly,
    nextSeq: seq,
    nextSerial: formatCertNumber(p.serialPattern, { seq, year }),
    nextRegisterNo: formatCertNumber(p.registerPattern, { seq, year }),
    lastIssued: lastIssued(ctx, year, p.yearly),
    floor: floorFor(ctx, year, p.yearly),
  };
}

function refuse(message: string): never {
  throw new AppError('NUMBER_TAKEN', `${message}. Chưa lưu gì.`, { nextSeq: message });
}

/**
 * Sets where a year's numbering continues. Never at or below a number already issued (that would go
 * backwards or give one number twice), so a floor set earlier may be lowered only down to one past the
 * last number issued. Audited with the floor before and after.
 */
export function setNextNumber(ctx: AppCore, input: { year: number; nextSeq: number }): NextNumber {
  return ctx.db.transaction(() => {
    const { year } = input;
    const p = patterns(ctx);
    const last = lastIssued(ctx, year, p.yearly);
    if (last && input.nextSeq <= last.seq) {
      const from = formatNumber(last.seq + 1);
      refuse(
        p.yearly
          ? `Năm ${year} đã cấp đến số ${last.serial}; số tiếp theo phải từ ${from} trở lên`
          : `Đã cấp đến số ${last.serial} (năm ${last.year}); số thứ tự chạy liên tục qua các năm nên số tiếp theo phải từ ${from} trở lên`,
      );
    }
    // The sequence is past every row, but a number printed under an older pattern may still read the same.
    const serial = formatCertNumber(p.serialPattern, { seq: input.nextSeq, year });
    const registerNo = formatCertNumber(p.registerPattern, { seq: input.nextSeq, year });
    const clash = ctx.db
      .prepare('SELECT serial, register_no, year FROM certificates WHERE serial = ? OR register_no = ? LIMIT 1')
      .get(serial, registerNo) as { serial: string; register_no: string; year: number } | undefined;
    if (clash) {
      refuse(
        clash.serial === serial
          ? `Số ${serial} đã cấp cho một giấy năm ${clash.year}; chọn số khác`
          : `Vào sổ số ${registerNo} đã có trong sổ năm ${clash.year}; chọn số khác`,
      );
    }
    const before = nextNumber(ctx, year);
    ctx.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(`${FLOOR_PREFIX}${year}`, String(input.nextSeq));
    const after = nextNumber(ctx, year);
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: `${FLOOR_PREFIX}${year}`,
      before: { floor: before.floor, nextSerial: before.nextSerial },
      after: { floor: input.nextSeq, nextSerial: after.nextSerial },
      reason: `Đặt số giấy chứng nhận tiếp theo của năm ${year}: ${after.nextSerial}`,
    });
    return after;
  })();
}
