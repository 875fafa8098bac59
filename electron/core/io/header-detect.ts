/**
 * Finds the learner table in a sheet: lists arrive under a Party header, a title and a date line,
 * with one- or two-row column headers and sometimes a row of column numbers. Each column gets the
 * field its header proposes; the clerk confirms or corrects the mapping.
 */
import type { ImportField, Sex } from '../../../shared/domain/learner-fields';
import { parseLooseDate } from '../../../shared/domain/partial-date';
import { addressPartMeaning, headerMeaning, isAddressPartHeader, normalizeHeader, type HeaderMeaning } from './header-spellings';
import type { CellRange, CellValue, RawSheet } from './raw-sheet';

export interface DetectedColumn {
  col: number;
  /** As printed; a sub-header is shown under its parent: "Ngày, tháng, năm sinh / Nam". */
  header: string;
  field: ImportField | null;
  /**
   * Set when the column holds a mark (x) for people of this sex, as in "Giới tính" over "Nam" | "Nữ":
   * both such columns carry field 'sex'.
   */
  sexMark?: Sex;
  /**
   * The field the header names, left to the clerk because an earlier column names it too («Đơn vị»
   * and «Đơn vị công tác»); it is this column's if the clerk maps the earlier one elsewhere.
   */
  repeatOf?: ImportField;
}

export interface DetectedTable {
  /** 0-based, like RawSheet.cells. */
  headerRow: number;
  headerRowCount: 1 | 2;
  firstDataRow: number;
  columns: DetectedColumn[];
  /** The headers folded and joined with '|': the same form sent again gets the same signature. */
  signature: string;
}

/** Lists start within the first rows; a header further down is not worth the false matches. */
const SCAN_ROWS = 30;
/** Rows looked at to tell dates from x marks under a lone "Nam" | "Nữ" pair. */
const SNIFF_ROWS = 30;
/** Widest span a parent header with no known meaning may have ("Trình độ" over its kinds). */
const MAX_UNKNOWN_SPAN = 5;

const NAME_FIELDS: ImportField[] = ['fullName', 'familyAndMiddle', 'given'];
const BIRTH_FIELDS: ImportField[] = ['birthDate', 'birthDateMale', 'birthDateFemale'];

/** A header position: `parent` is the text of a cell spanning several columns, `own` the cell itself. */
interface Slot {
  col: number;
  parent: string;
  own: string;
  /** The first column of the parent's span, so the span's columns can be read together. */
  group: number;
}

interface Candidate {
  headerRow: number;
  headerRowCount: 1 | 2;
  slots: Slot[];
  /** Parents over sub-headers that mean nothing known: a title line right above the header looks like one. */
  unknownParents: number;
}

class Grid {
  readonly width: number;
  private readonly merged = new Map<string, CellRange>();

  constructor(readonly sheet: RawSheet) {
    let width = sheet.colCount;
    for (const m of sheet.merges) {
      if (m.top > SCAN_ROWS + 2) continue;
      width = Math.max(width, m.right + 1);
      for (let r = m.top; r <= Math.min(m.bottom, SCAN_ROWS + 2); r++) {
        for (let c = m.left; c <= m.right; c++) this.merged.set(`${r},${c}`, m);
      }
    }
    this.width = width;
  }

  value(r: number, c: number): CellValue {
    return this.sheet.cells[r]?.[c] ?? null;
  }

  /** Any value counts, dates too: a data row under a header must never look like blank sub-headers. */
  text(r: number, c: number): string {
    const v = this.value(r, c);
    if (v === null || typeof v === 'string') return v ?? '';
    return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  }

  merge(r: number, c: number): CellRange | undefined {
    return this.merged.get(`${r},${c}`);
  }

  /** The text a clerk sees in a cell: a merged range shows its first cell's text only there. */
  ownText(r: number, c: number): string {
    const m = this.merge(r, c);
    return m && (m.top !== r || m.left !== c) ? '' : this.text(r, c);
  }
}

function oneRow(grid: Grid, r: number): Candidate {
  const slots: Slot[] = [];
  for (let c = 0; c < grid.width; c++) {
    const m = grid.merge(r, c);
    if (m && m.top < r) continue;
    if (m && m.right > m.left) {
      const parent = grid.text(r, m.left);
      if (parent) slots.push({ col: c, parent, own: '', group: m.left });
      continue;
    }
    const own = grid.text(r, c);
    if (own) slots.push({ col: c, parent: '', own, group: c });
  }
  return { headerRow: r, headerRowCount: 1, slots, unknownParents: 0 };
}

/**
 * Reads rows r and r+1 as one header: cells merged down over both rows, and parent cells spanning
 * several columns over their sub-headers. CSV loses the merges, so an unmerged parent followed by
 * blank cells over sub-headers counts too. Null when row r+1 is data rather than sub-headers.
 */
function twoRows(grid: Grid, r: number): Candidate | null {
  if (r + 1 >= grid.sheet.rowCount) return null;
  const slots: Slot[] = [];
  let merged = false;
  let recognisedChild = false;
  let open: { parent: string; group: number } | null = null;
  for (let c = 0; c < grid.width; c++) {
    const m = grid.merge(r, c);
    const bottom = grid.ownText(r + 1, c);
    if (m && m.top === r && m.bottom > r) {
      merged = true;
      open = null;
      const master = grid.text(r, m.left);
      if (c === m.left) slots.push({ col: c, parent: '', own: master, group: c });
      else slots.push({ col: c, parent: master, own: '', group: m.left });
      continue;
    }
    if (m && m.top === r && m.right > m.left) {
      merged = true;
      open = null;
      if (headerMeaning(bottom)) recognisedChild = true;
      slots.push({ col: c, parent: grid.text(r, m.left), own: bottom, group: m.left });
      continue;
    }
    const top = m && m.top < r ? '' : grid.text(r, c);
    const nextStartsChildren = !grid.merge(r, c + 1) && !grid.text(r, c + 1) && grid.ownText(r + 1, c + 1) !== '';
    if (top && bottom) {
      if (!nextStartsChildren) return null;
      open = { parent: top, group: c };
    } else if (!bottom || top) {
      open = null;
    }
    if (open && bottom) {
      if (headerMeaning(bottom)) recognisedChild = true;
      slots.push({ col: c, parent: open.parent, own: bottom, group: open.group });
    } else if (top || bottom) {
      slots.push({ col: c, parent: '', own: top || bottom, group: c });
    }
  }
  if (!(merged || recognisedChild) || looksLikeTitle(slots)) return null;
  const parents = new Set(slots.filter((s) => s.parent && s.own && !headerMeaning(s.parent)).map((s) => s.group));
  return { headerRow: r, headerRowCount: 2, slots, unknownParents: parents.size };
}

/**
 * A title ("DANH SÁCH TRÍCH NGANG …") or date line merged across the width, right above the header
 * row, would otherwise read as a parent over every column.
 */
function looksLikeTitle(slots: Slot[]): boolean {
  const spans = new Map<number, Slot[]>();
  for (const s of slots) spans.set(s.group, [...(spans.get(s.group) ?? []), s]);
  if (spans.size < 2) return true;
  return [...spans.values()].some((span) => span.length > MAX_UNKNOWN_SPAN && !headerMeaning(span[0]!.parent));
}

/** "1 | 2 | 3 …" or "(1) | (2) …" or "A | B | 1 …" printed under the headers. */
function isColumnNumberRow(grid: Grid, r: number): boolean {
  const row = grid.sheet.cells[r];
  if (!row) return false;
  const filled = row.filter((v) => v !== null);
  return (
    filled.length >= 3 &&
    filled.every((v) =>
      typeof v === 'number' ? Number.isInteger(v) && v >= 0 && v < 100 : typeof v === 'string' && /^\(?(\d{1,2}|[A-Z])\)?$/.test(v),
    )
  );
}

/** Most filled cells under the columns parse as dates (rather than x marks). */
function holdsDates(grid: Grid, cols: number[], firstDataRow: number): boolean {
  let dates = 0;
  let others = 0;
  const last = Math.min(grid.sheet.rowCount, firstDataRow + SNIFF_ROWS);
  for (let r = firstDataRow; r < last; r++) {
    for (const c of cols) {
      const v = grid.value(r, c);
      if (v === null) continue;
      // A 1 under the sex is a mark (lists add them up), not the serial for 01/01/1900.
      const date = typeof v === 'number' ? v >= 1900 && parseLooseDate(v).ok : parseLooseDate(v).ok;
      if (date) dates++;
      else others++;
    }
  }
  return dates > 0 && dates >= others;
}

/** `part`: one part of a split home-place address; several such columns are joined, not repeats. */
type Resolved = { field: ImportField | null; sexMark?: Sex; repeatOf?: ImportField; part?: boolean };

/** A meaning that stands for a field on its own (not 'stt', nor a sub-header needing a parent). */
function asField(m: HeaderMeaning | null): ImportField | null {
  return m === null || m === 'stt' || m === 'nam' || m === 'nu' || m === 'du_bi' || m === 'chinh_thuc' || m === 'ignored' ? null : m;
}

function resolve(grid: Grid, slots: Slot[], firstDataRow: number): Resolved[] {
  const out: Resolved[] = slots.map((s) => {
    const parent = s.parent ? headerMeaning(s.parent) : null;
    const own = s.own ? headerMeaning(s.own) : null;
    if (!s.own) return { field: null };
    if (own === 'nam' || own === 'nu') {
      if (parent === 'sex') return { field: 'sex', sexMark: own };
      if (parent && BIRTH_FIELDS.includes(parent as ImportField)) {
        return { field: own === 'nam' ? 'birthDateMale' : 'birthDateFemale' };
      }
      return { field: null };
    }
    if (own === 'du_bi' || own === 'chinh_thuc') {
      const underAdmission = parent === 'admissionDate' || parent === 'confirmationDate';
      if (underAdmission || holdsDates(grid, [s.col], firstDataRow)) {
        return { field: own === 'du_bi' ? 'admissionDate' : 'confirmationDate' };
      }
      return { field: null };
    }
    // "Tỉnh/Thành phố" under "Quê quán", or "Quê quán - Tỉnh/Thành phố" in one cell.
    const part = addressPartMeaning(parent, s.own);
    const field = asField(part ?? own);
    return field === 'homePlace' && (part !== null || isAddressPartHeader(s.own)) ? { field, part: true } : { field };
  });
  resolveSpans(slots, out);
  resolveLoneSexPair(grid, slots, out, firstDataRow);
  return out;
}

/**
 * A header spanning columns without sub-headers: "Họ và tên" over two columns is the usual split
 * into family-and-middle and given name; any other header goes to its span's first column.
 */
function resolveSpans(slots: Slot[], out: Resolved[]): void {
  const spans = new Map<number, number[]>();
  slots.forEach((s, i) => {
    if (s.parent && !s.own) spans.set(s.group, [...(spans.get(s.group) ?? []), i]);
  });
  for (const indexes of spans.values()) {
    const field = asField(headerMeaning(slots[indexes[0]!]!.parent));
    if (field === 'fullName' && indexes.length === 2) {
      out[indexes[0]!] = { field: 'familyAndMiddle' };
      out[indexes[1]!] = { field: 'given' };
    } else {
      out[indexes[0]!] = { field };
    }
  }
}

/**
 * "Nam" | "Nữ" with no telling parent: dates under them are birth dates written under the sex,
 * anything else (x marks) marks the sex. A separate birth date column settles it as marks.
 */
function resolveLoneSexPair(grid: Grid, slots: Slot[], out: Resolved[], firstDataRow: number): void {
  const lone = slots
    .map((s, i) => ({ s, i, m: headerMeaning(s.own) }))
    .filter(({ i, m }) => (m === 'nam' || m === 'nu') && out[i]!.field === null);
  if (lone.length === 0) return;
  const hasBirth = out.some((r) => r.field !== null && BIRTH_FIELDS.includes(r.field));
  const dates =
    !hasBirth &&
    holdsDates(
      grid,
      lone.map(({ s }) => s.col),
      firstDataRow,
    );
  for (const { i, m } of lone) {
    const sex: Sex = m === 'nam' ? 'nam' : 'nu';
    out[i] = dates ? { field: sex === 'nam' ? 'birthDateMale' : 'birthDateFemale' } : { field: 'sex', sexMark: sex };
  }
}

/** One column per field: a repeated header keeps its first column and leaves the others to the clerk. */
function dropRepeats(out: Resolved[]): void {
  const seen = new Set<string>();
  for (const r of out) {
    if (r.field === null || r.part) continue;
    const key = `${r.field}:${r.sexMark ?? ''}`;
    if (seen.has(key)) {
      if (!r.sexMark) r.repeatOf = r.field;
      r.field = null;
      delete r.sexMark;
    } else seen.add(key);
  }
}

function headerText(s: Slot): string {
  if (s.parent && s.own) return `${s.parent} / ${s.own}`;
  return s.parent || s.own;
}

/** Columns with data but no header are listed too, so the clerk can still map them. */
function unnamedColumns(grid: Grid, slots: Slot[], firstDataRow: number): Slot[] {
  const named = new Set(slots.map((s) => s.col));
  const extra: Slot[] = [];
  const last = Math.min(grid.sheet.rowCount, firstDataRow + SNIFF_ROWS);
  for (let c = 0; c < grid.width; c++) {
    if (named.has(c)) continue;
    for (let r = firstDataRow; r < last; r++) {
      if (grid.value(r, c) !== null) {
        extra.push({ col: c, parent: '', own: '', group: c });
        break;
      }
    }
  }
  return extra;
}

function build(grid: Grid, cand: Candidate): DetectedTable {
  const afterHeader = cand.headerRow + cand.headerRowCount;
  const firstDataRow = isColumnNumberRow(grid, afterHeader) ? afterHeader + 1 : afterHeader;
  const slots = [...cand.slots, ...unnamedColumns(grid, cand.slots, firstDataRow)].sort((a, b) => a.col - b.col);
  const resolved = resolve(grid, slots, firstDataRow);
  dropRepeats(resolved);
  const columns = slots.map((s, i): DetectedColumn => {
    const r = resolved[i]!;
    const col: DetectedColumn = { col: s.col, header: headerText(s), field: r.field };
    if (r.sexMark) col.sexMark = r.sexMark;
    if (r.repeatOf) col.repeatOf = r.repeatOf;
    return col;
  });
  return {
    headerRow: cand.headerRow,
    headerRowCount: cand.headerRowCount,
    firstDataRow,
    columns,
    signature: columns.map((c) => normalizeHeader(c.header)).join('|'),
  };
}

/** Fields proposed, less half a point per unknown parent, so a real header beats a title read as a parent. */
function score(table: DetectedTable, cand: Candidate): number {
  const fields = new Set(table.columns.map((c) => c.field).filter((f): f is ImportField => f !== null));
  return NAME_FIELDS.some((f) => fields.has(f)) ? fields.size - cand.unknownParents / 2 : 0;
}

/** The best-scoring header row among the first rows; null when no row names a name column. */
export function detectTable(sheet: RawSheet): DetectedTable | null {
  const grid = new Grid(sheet);
  let best: { table: DetectedTable; score: number } | null = null;
  for (let r = 0; r < Math.min(SCAN_ROWS, sheet.rowCount); r++) {
    const cand = twoRows(grid, r) ?? oneRow(grid, r);
    const table = build(grid, cand);
    const s = score(table, cand);
    if (s > 0 && (!best || s > best.score)) best = { table, score: s };
  }
  return best?.table ?? null;
}
