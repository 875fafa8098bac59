import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { NextNumber } from '../../../shared/contract/certificates';
import { formatCertNumber, patternHasYear } from '../../../shared/domain/cert-numbering';
import { formatNumber } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { readSetting, writeSetting } from '../db/settings';
import { AppError } from '../errors';
import { settingsWithPrefix } from './settings-store';
import { lastIssued, numberHolder } from './store';

/**
 * Certificate sequence numbers: the next one is one past the highest issued, or the number the clerk set
 * to continue a paper register (a floor, kept per year in `settings`), whichever is higher. Serial and
 * register number share the one sequence, so one floor moves both.
 */

// The examples: a serial the clerk reads ("12/GCN-TTCT") and a register number that sorts.
const DEFAULT_SERIAL = '{seq}/{year}/GCN';
const DEFAULT_REGISTER = '{year}.{seq:4}';
const FLOOR_PREFIX = 'certificates.nextSeq.';
export const SERIAL_PATTERN_KEY = 'certificates.serialPattern';
export const REGISTER_PATTERN_KEY = 'certificates.registerPattern';

export function patterns(db: Database) {
  const serialPattern = readSetting(db, SERIAL_PATTERN_KEY) ?? DEFAULT_SERIAL;
  const registerPattern = readSetting(db, REGISTER_PATTERN_KEY) ?? DEFAULT_REGISTER;
  // The sequence restarts in January only if both numbers carry the year; otherwise it runs on, so a
  // number is never issued twice.
  return { serialPattern, registerPattern, yearly: patternHasYear(serialPattern) && patternHasYear(registerPattern) };
}

/** The serial and register number a sequence number takes in a year. */
export function numbersFor(p: ReturnType<typeof patterns>, seq: number, year: number): { serial: string; registerNo: string } {
  return { serial: formatCertNumber(p.serialPattern, { seq, year }), registerNo: formatCertNumber(p.registerPattern, { seq, year }) };
}

/** Floors set by the clerk, by year. A value that is not a whole number (a hand edit) counts as none. */
function floors(db: Database): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of settingsWithPrefix(db, FLOOR_PREFIX)) {
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
function floorFor(db: Database, year: number, yearly: boolean): number | null {
  const all = floors(db);
  if (yearly) return all.get(year) ?? null;
  const latest = Math.max(-Infinity, ...[...all.keys()].filter((y) => y <= year));
  return all.get(latest) ?? null;
}

export function nextSeq(db: Database, year: number, yearly: boolean): number {
  const issued = (lastIssued(db, year, yearly)?.seq ?? 0) + 1;
  return Math.max(issued, floorFor(db, year, yearly) ?? 1);
}

export function nextNumber(db: Database, year: number): NextNumber {
  const p = patterns(db);
  const seq = nextSeq(db, year, p.yearly);
  const { serial, registerNo } = numbersFor(p, seq, year);
  return {
    year,
    yearly: p.yearly,
    nextSeq: seq,
    nextSerial: serial,
    nextRegisterNo: registerNo,
    lastIssued: lastIssued(db, year, p.yearly),
    floor: floorFor(db, year, p.yearly),
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
    const p = patterns(ctx.db);
    const last = lastIssued(ctx.db, year, p.yearly);
    if (last && input.nextSeq <= last.seq) {
      const from = formatNumber(last.seq + 1);
      refuse(
        p.yearly
          ? `Năm ${year} đã cấp đến số ${last.serial}; số tiếp theo phải từ ${from} trở lên`
          : `Đã cấp đến số ${last.serial} (năm ${last.year}); số thứ tự chạy liên tục qua các năm nên số tiếp theo phải từ ${from} trở lên`,
      );
    }
    // The sequence is past every row, but a number printed under an older pattern may still read the same.
    const { serial, registerNo } = numbersFor(p, input.nextSeq, year);
    const clash = numberHolder(ctx.db, serial, registerNo);
    if (clash) {
      refuse(
        clash.serial === serial
          ? `Số ${serial} đã cấp cho một giấy năm ${clash.year}; chọn số khác`
          : `Vào sổ số ${registerNo} đã có trong sổ năm ${clash.year}; chọn số khác`,
      );
    }
    const before = nextNumber(ctx.db, year);
    writeSetting(ctx.db, `${FLOOR_PREFIX}${year}`, String(input.nextSeq));
    const after = nextNumber(ctx.db, year);
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
