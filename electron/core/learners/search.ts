import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { PersonRow, searchFilters, searchInput } from '../../../shared/contract/learners';
import { foldText } from '../../../shared/domain/text';
import { PERSON_SELECT, toPerson, toRow, type PersonDbRow } from './person-store';

type Filters = z.output<typeof searchFilters>;
type SearchArgs = z.output<typeof searchInput>;
type Cursor = { sortKey: string; id: number };

/**
 * How many rows the ordered scan may look at before the search switches to the full-text index.
 * Common words ("nguyen", "thi", a unit) are found within a few hundred rows of the ordered scan;
 * rare ones are few enough for FTS5 plus a sort of its matches.
 */
const SCAN_LIMIT = 2500;

export function queryTokens(q: string): string[] {
  return foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/** Same rule as the FTS5 prefix query: every token starts some word of the text. */
function matches(tokens: string[], text: string): boolean {
  const words = text.split(' ');
  return tokens.every((t) => words.some((w) => w.startsWith(t)));
}

function filterSql(f: Filters): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.unitId !== undefined) {
    parts.push('p.unit_id = ?');
    params.push(f.unitId);
  }
  if (f.partyStatus !== undefined) {
    parts.push('p.party_status = ?');
    params.push(f.partyStatus);
  }
  if (f.sex !== undefined) {
    parts.push('p.sex = ?');
    params.push(f.sex);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' AND ');
}

function fetchRows(db: Database, ids: number[]): (PersonRow & { sortKey: string })[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${PERSON_SELECT} WHERE p.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as PersonDbRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    return { ...toRow(toPerson(r)), sortKey: r.sort_key };
  });
}

/** One page in Vietnamese order (given name, then family name), after `after`. */
export function searchPeople(db: Database, args: SearchArgs): { rows: (PersonRow & { sortKey: string })[]; next: Cursor | null } {
  const tokens = queryTokens(args.q);
  const f = filterSql(args.filters);
  const after = args.after ?? { sortKey: '', id: 0 };
  const want = args.limit + 1;
  let ids: { id: number; sort_key: string }[] = [];

  const scan = db
    .prepare(
      `SELECT p.id, p.sort_key, p.search_text FROM people p
       WHERE p.merged_into_id IS NULL ${f.sql} AND (p.sort_key, p.id) > (?, ?)
       ORDER BY p.sort_key, p.id ${tokens.length === 0 ? 'LIMIT ?' : ''}`,
    )
    .bind(...f.params, after.sortKey, after.id, ...(tokens.length === 0 ? [want] : []));

  let exhausted = true;
  let scanned = 0;
  for (const row of scan.iterate() as IterableIterator<{ id: number; sort_key: string; search_text: string }>) {
    if (tokens.length === 0 || matches(tokens, row.search_text)) ids.push(row);
    if (ids.length === want) {
      exhausted = false;
      break;
    }
    if (++scanned >= SCAN_LIMIT && tokens.length > 0) {
      exhausted = false;
      break;
    }
  }

  if (!exhausted && ids.length < want) {
    ids = db
      .prepare(
        `SELECT p.id, p.sort_key FROM people_fts f JOIN people p ON p.id = f.rowid
         WHERE people_fts MATCH ? AND p.merged_into_id IS NULL ${f.sql} AND (p.sort_key, p.id) > (?, ?)
         ORDER BY p.sort_key, p.id LIMIT ?`,
      )
      .all(ftsQuery(tokens), ...f.params, after.sortKey, after.id, want) as { id: number; sort_key: string }[];
  }

  const page = ids.slice(0, args.limit);
  const last = page[page.length - 1];
  return {
    rows: fetchRows(
      db,
      page.map((r) => r.id),
    ),
    next: ids.length > args.limit && last ? { sortKey: last.sort_key, id: last.id } : null,
  };
}

export function countPeople(db: Database, q: string, filters: Filters): number {
  const tokens = queryTokens(q);
  const f = filterSql(filters);
  if (tokens.length === 0) {
    return (db.prepare(`SELECT count(*) AS n FROM people p WHERE p.merged_into_id IS NULL ${f.sql}`).get(...f.params) as { n: number }).n;
  }
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM people_fts f JOIN people p ON p.id = f.rowid
         WHERE people_fts MATCH ? AND p.merged_into_id IS NULL ${f.sql}`,
      )
      .get(ftsQuery(tokens), ...f.params) as { n: number }
  ).n;
}

/** Every matching id in list order, for exports. */
export function allMatchingIds(db: Database, q: string, filters: Filters, max: number): number[] {
  const out: number[] = [];
  let after: Cursor | null = null;
  for (;;) {
    const page = searchPeople(db, { q, filters, after, limit: 500 });
    out.push(...page.rows.map((r) => r.id));
    if (!page.next || out.length >= max) return out.slice(0, max);
    after = page.next;
  }
}
