/**
 * An import in progress: the opened file, and once analysed, each list row as read, matched and chosen.
 * Kept in memory per core for a few hours; nothing is written until the commit.
 */
import type { ColumnMapping, FontChoice, ImportRow } from '../../../shared/contract/imports';
import type { LegacyFont } from '../../../shared/domain/legacy-vietnamese';
import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import type { RawSheet, RawWorkbook } from '../io/raw-sheet';
import { centreProfileAt } from '../centre/store';
import { unitNameOf } from '../units/store';
import type { ProposedColumn } from './mapping-memory';
import { matchExisting, type Match } from './match';
import { interpretRow, type Interpreted, type RawRow, type RowContext } from './rows';

export interface RowState {
  raw: RawRow;
  result: Interpreted;
  match: Match;
  action: ImportRow['action'];
  edited: boolean;
  sameAsRow: number | null;
}

export interface Session {
  id: string;
  fileName: string;
  workbook: RawWorkbook;
  openedAt: number;
  /** Per sheet: each header and its built-in guess, to tell the clerk's corrections from agreement. */
  headers: ProposedColumn[][];
  /** Per sheet: its legacy font and the sheet converted to Unicode, else null. */
  legacy: ({ font: LegacyFont; sheet: RawSheet } | null)[];
  analysis: {
    sheet: number;
    fontChoice: FontChoice | null;
    mapping: ColumnMapping[];
    rows: Map<number, RowState>;
    defaultUnitId: number | null;
    registryVersion: string;
  } | null;
}

const SESSION_TTL_MS = 4 * 3600_000;
const sessions = new WeakMap<AppCore, Map<string, Session>>();

export function openSessions(ctx: AppCore): Map<string, Session> {
  let m = sessions.get(ctx);
  if (!m) sessions.set(ctx, (m = new Map()));
  for (const [id, s] of m) if (Date.now() - s.openedAt > SESSION_TTL_MS) m.delete(id);
  return m;
}

export function session(ctx: AppCore, id: string): Session {
  const s = openSessions(ctx).get(id);
  if (!s) throw new AppError('IMPORT_EXPIRED', 'Phiên nhập đã hết hạn hoặc đã hoàn tất; hãy chọn lại tệp.');
  return s;
}

export function rowState(ctx: AppCore, sessionId: string, rowNumber: number): { s: Session; row: RowState } {
  const s = session(ctx, sessionId);
  const row = s.analysis?.rows.get(rowNumber);
  if (!s.analysis || !row) throw new AppError('NOT_FOUND', `Không có dòng ${rowNumber} trong danh sách đang nhập.`);
  return { s, row };
}

export function rowContext(ctx: AppCore, defaultUnitId: number | null): RowContext {
  const profile = centreProfileAt(ctx.db, new Date().toISOString().slice(0, 10));
  const unitName = unitNameOf(ctx.db, defaultUnitId);
  if (defaultUnitId !== null && unitName === null) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị đã chọn.');
  return { db: ctx.db, now: ctx.now(), preferredCommunes: profile?.areaCommunes ?? [], defaultUnitId, defaultUnitName: unitName };
}

export function evaluate(ctx: AppCore, raw: RawRow, rc: RowContext): Pick<RowState, 'result' | 'match'> {
  const result = interpretRow(raw, rc);
  const match: Match = result.data ? matchExisting(ctx.db, result.data) : { status: 'new', match: null };
  if (match.conflict) {
    result.problems.push({ field: 'citizenId', cell: raw.cells.citizenId ?? null, message: match.conflict, severity: 'error' });
  }
  return { result, match };
}

function identity(state: Pick<RowState, 'result'>): string[] {
  const d = state.result.data;
  if (!d) return [];
  // Two lines are one person only on the same CCCD, or the same name and full birth date.
  const keys: string[] = [];
  if (d.birthDate?.length === 10) keys.push(`n:${foldText(`${d.familyAndMiddle} ${d.given}`)}:${d.birthDate}`);
  if (d.citizenId) keys.push(`c:${d.citizenId}`);
  return keys;
}

/** A person listed twice in the same file: the later line is skipped unless the clerk says otherwise. */
export function markRepeats(rows: Map<number, RowState>): void {
  const seen = new Map<string, number>();
  for (const [n, s] of rows) {
    s.sameAsRow = null;
    for (const key of identity(s)) {
      const first = seen.get(key);
      if (first !== undefined && first !== n) s.sameAsRow = first;
      else seen.set(key, n);
    }
  }
}

export function status(s: RowState): ImportRow['status'] {
  if (s.result.problems.some((p) => p.severity === 'error')) return 'error';
  if (s.sameAsRow !== null) return 'duplicate';
  return s.match.status;
}

export function toRow(s: RowState): ImportRow {
  const d = s.result.data;
  const repeat =
    s.sameAsRow !== null
      ? [{ field: null, cell: null, message: `Trùng với dòng ${s.sameAsRow} trong cùng tệp`, severity: 'warning' as const }]
      : [];
  return {
    rowNumber: s.raw.rowNumber,
    values: s.raw.values as Record<string, string>,
    fullName: d
      ? `${d.familyAndMiddle} ${d.given}`.trim()
      : (s.raw.values.fullName ?? `${s.raw.values.familyAndMiddle ?? ''} ${s.raw.values.given ?? ''}`.trim()),
    birthDate: d?.birthDate ?? null,
    sex: s.result.sex,
    unitName: s.result.unitName,
    status: status(s),
    action: s.action,
    match: s.match.match,
    problems: [...s.result.problems, ...repeat],
    edited: s.edited,
  };
}
