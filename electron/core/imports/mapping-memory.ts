/**
 * The clerk's corrections to the column mapping, remembered per header spelling (issue 14): a cell
 * that titles its Party cell column «Đơn vị» sends every list that way, and the built-in guess
 * («Đơn vị công tác») would be wrong every time. Only choices that differ from the guess are kept, so
 * the note «theo lần nhập trước» marks exactly the clerk's own corrections, and choosing the guess
 * again forgets the correction. Kept in `settings` as one JSON object, header key → choice.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { columnMappingSchema, type ColumnMapping } from '../../../shared/contract/imports';
import type { ImportField } from '../../../shared/domain/learner-fields';
import { normalizeHeader } from '../io/header-spellings';
import { deleteSettingsStartingWith, readSetting, writeSetting } from './store';

const SETTINGS_KEY = 'import.headerMappings';
/** The memory before issue 14, one mapping per whole header row; dropped on the next commit. */
const LEGACY_PREFIX = 'import-mapping:';
/** Far more spellings than any centre meets; the oldest correction goes first. */
const MAX_HEADERS = 500;

const choiceSchema = columnMappingSchema
  .omit({ col: true })
  .strict()
  .refine((c) => c.sexMark === undefined || c.field === 'sex');
export type HeaderChoice = z.infer<typeof choiceSchema>;

/** A column of the file as the detector saw it: its printed header and what the header proposes. */
export interface GuessedColumn {
  col: number;
  header: string;
  guess: ColumnMapping;
  /** The field the header names but an earlier column took (see DetectedColumn). */
  repeatOf?: ImportField | undefined;
}

/** With the memory applied: `proposed` is what the app suggests apart from this header's own memory. */
export interface ProposedColumn extends GuessedColumn {
  proposed: ColumnMapping;
  mapping: ColumnMapping;
  remembered: boolean;
}

/** Trimmed, folded (case, diacritics, đ), punctuation and repeated spaces gone: «Đơn vị» and «Đơn vị công tác» stay apart. */
export function headerKey(header: string): string {
  return normalizeHeader(header);
}

function choiceOf(m: Pick<ColumnMapping, 'field' | 'sexMark'>): HeaderChoice {
  return m.field === 'sex' && m.sexMark ? { field: 'sex', sexMark: m.sexMark } : { field: m.field };
}

function sameChoice(a: Pick<ColumnMapping, 'field' | 'sexMark'>, b: Pick<ColumnMapping, 'field' | 'sexMark'>): boolean {
  const x = choiceOf(a);
  const y = choiceOf(b);
  return x.field === y.field && x.sexMark === y.sexMark;
}

/**
 * Keys printed over one column only. A header repeated in the file ("Họ và tên" over its two split
 * columns) holds different things in each, so one remembered choice cannot stand for it.
 */
function singleKeys(columns: GuessedColumn[]): Set<string> {
  const counts = new Map<string, number>();
  for (const c of columns) {
    const key = headerKey(c.header);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n === 1).map(([k]) => k));
}

/**
 * The remembered choices, each checked on its own: an entry naming a field the app no longer has,
 * or a value edited by hand into nonsense, is left out rather than trusted.
 */
export function readHeaderMemory(db: Database): Map<string, HeaderChoice> {
  const memory = new Map<string, HeaderChoice>();
  const value = readSetting(db, SETTINGS_KEY);
  if (value === null) return memory;
  let stored: unknown;
  try {
    stored = JSON.parse(value);
  } catch {
    return memory;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return memory;
  for (const [key, value] of Object.entries(stored)) {
    const choice = choiceSchema.safeParse(value);
    if (choice.success && key !== '' && key === headerKey(key)) memory.set(key, choiceOf(choice.data));
  }
  return memory;
}

const slot = (m: ColumnMapping) => `${m.field}:${m.sexMark ?? ''}`;

/**
 * Each column's mapping for the mapping step: the clerk's remembered choice before the guess. A list
 * fills each field from one column, so a remembered field displaces the same field guessed for
 * another column, and a field the memory moved away goes to the next column whose header names it
 * («Đơn vị» remembered as the Party cell frees «Đơn vị công tác» to be the workplace).
 */
export function applyHeaderMemory(columns: GuessedColumn[], memory: Map<string, HeaderChoice>): ProposedColumn[] {
  const single = singleKeys(columns);
  const out: ProposedColumn[] = columns.map((c) => {
    const key = headerKey(c.header);
    const choice = single.has(key) ? memory.get(key) : undefined;
    const remembered = choice !== undefined && !sameChoice(choice, c.guess);
    return { ...c, proposed: c.guess, mapping: remembered ? { col: c.col, ...choice } : c.guess, remembered };
  });
  const taken = new Set(out.filter((c) => c.remembered && c.mapping.field).map((c) => slot(c.mapping)));
  for (const c of out) {
    if (!c.remembered && c.mapping.field && taken.has(slot(c.mapping))) c.mapping = c.proposed = { col: c.col, field: null };
  }
  const used = new Set(out.filter((c) => c.mapping.field).map((c) => slot(c.mapping)));
  for (const c of out) {
    if (c.remembered || c.mapping.field || !c.repeatOf || used.has(slot({ col: c.col, field: c.repeatOf }))) continue;
    c.mapping = c.proposed = { col: c.col, field: c.repeatOf };
    used.add(slot(c.mapping));
  }
  return out;
}

/**
 * Records what the clerk confirmed. Called inside the import's commit transaction, so a cancelled
 * or refused import leaves the memory as it was.
 */
export function rememberHeaderChoices(db: Database, columns: ProposedColumn[], mapping: ColumnMapping[]): void {
  const memory = readHeaderMemory(db);
  const single = singleKeys(columns);
  for (const c of columns) {
    const key = headerKey(c.header);
    if (!single.has(key)) continue;
    const chosen = choiceOf(mapping.find((m) => m.col === c.col) ?? { field: null });
    // Deleted first so a correction confirmed again counts as the newest. Agreeing with either the
    // header's own reading or the proposal around the memory is no correction of this header.
    memory.delete(key);
    if (!sameChoice(chosen, c.guess) && !sameChoice(chosen, c.proposed)) memory.set(key, chosen);
  }
  for (const key of memory.keys()) {
    if (memory.size <= MAX_HEADERS) break;
    memory.delete(key);
  }
  writeSetting(db, SETTINGS_KEY, memory.size === 0 ? null : JSON.stringify(Object.fromEntries(memory)));
  deleteSettingsStartingWith(db, LEGACY_PREFIX);
}
