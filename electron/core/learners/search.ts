import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { PersonRow, searchFilters, searchInput } from '../../../shared/contract/learners';
import { foldText } from '../../../shared/domain/text';
import { PERSON_SELECT, toPerson, toRow, type PersonDbRow } from './person-store';

type Filters = z.output<typeof searchFilters>;
type SearchArgs = z.output<typeof searchInput>;
type Cursor = { rank: number };
type Hit = { id: number; rank: number };

export function queryTokens(q: string): string[] {
  return foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * CCCD numbers start with 0 (province codes 001–096) and Party card numbers are long; years and short
 * numbers ("thôn 05", "tổ 01") are words of the search text.
 */
function isIdToken(t: string): boolean {
  return /^\d+$/.test(t) && ((t.startsWith('0') && t.length >= 3) || t.length >= 5);
}

/** Every typed word must start some word of the person's search text. */
export function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' AND ');
}

function wordsMatch(tokens: string[], text: string): boolean {
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

/** Above this many people sharing an ID prefix, walking the list in order finds a page sooner than sorting them. */
const ID_CANDIDATES = 20_000;

function idPrefixSql(token: string): { sql: string; params: string[] } {
  const end = `${token}\uffff`;
  return {
    sql: '((p.citizen_id >= ? AND p.citizen_id < ?) OR (p.party_card >= ? AND p.party_card < ?))',
    params: [token, end, token, end],
  };
}

/**
 * A search with an ID number: the people whose CCCD or Party card starts with the typed digits come
 * from those indexes; if they are few, they are checked and sorted into list order, and if they are
 * many, the list is walked in order with the same conditions.
 */
function searchById(db: Database, idTokens: string[], words: string[], f: ReturnType<typeof filterSql>, afterRank: number, want: number): Hit[] {
  const conditions = idTokens.map(idPrefixSql);
  const idSql = conditions.map((c) => ` AND ${c.sql}`).join('');
  const idParams = conditions.flatMap((c) => c.params);
  const longest = idTokens.reduce((a, b) => (b.length > a.length ? b : a));
  const end = `${longest}\uffff`;
  const few = (db
    .prepare(
      `SELECT count(*) AS n FROM (
         SELECT id FROM (SELECT id FROM people WHERE merged_into_id IS NULL AND citizen_id >= ? AND citizen_id < ? LIMIT ${ID_CANDIDATES})
         UNION SELECT id FROM (SELECT id FROM people WHERE merged_into_id IS NULL AND party_card >= ? AND party_card < ? LIMIT ${ID_CANDIDATES}))`,
    )
    .get(longest, end, longest, end) as { n: number }).n < ID_CANDIDATES;
  if (few) {
    // The planner will not combine two indexes for an OR; a UNION of two index ranges does.
    const rows = db
      .prepare(
        `SELECT p.id, p.sort_rank AS rank, p.search_text FROM people p
         WHERE p.id IN (
           SELECT id FROM people WHERE merged_into_id IS NULL AND citizen_id >= ? AND citizen_id < ?
           UNION SELECT id FROM people WHERE merged_into_id IS NULL AND party_card >= ? AND party_card < ?)
         AND p.sort_rank > ? ${idSql} ${f.sql}`,
      )
      .all(longest, end, longest, end, afterRank, ...idParams, ...f.params) as (Hit & { search_text: string })[];
    return rows
      .filter((r) => words.length === 0 || wordsMatch(words, r.search_text))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, want);
  }
  if (words.length > 0) {
    return db
      .prepare(
        `SELECT p.id, f.rowid AS rank FROM people_fts f JOIN people p ON p.sort_rank = f.rowid AND p.merged_into_id IS NULL
         WHERE people_fts MATCH ? AND f.rowid > ? ${idSql} ${f.sql} ORDER BY f.rowid LIMIT ?`,
      )
      .all(ftsQuery(words), afterRank, ...idParams, ...f.params, want) as Hit[];
  }
  return db
    .prepare(
      `SELECT p.id, p.sort_rank AS rank FROM people p INDEXED BY people_rank
       WHERE p.merged_into_id IS NULL AND p.sort_rank > ? ${idSql} ${f.sql} ORDER BY p.sort_rank LIMIT ?`,
    )
    .all(afterRank, ...idParams, ...f.params, want) as Hit[];
}

/**
 * One page in list order (given name, then family name) after `after`. The full-text index is keyed
 * by list position, so FTS5 hands matches over in that order and the query stops after one page,
 * however common the word; with nothing typed, the rank index does the same.
 */
export function searchPeople(db: Database, args: SearchArgs): { rows: PersonRow[]; next: Cursor | null } {
  const hits = findHits(db, args);
  const page = hits.slice(0, args.limit);
  const rows = page.length
    ? (db.prepare(`${PERSON_SELECT} WHERE p.id IN (${page.map(() => '?').join(',')})`).all(...page.map((h) => h.id)) as PersonDbRow[])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = page[page.length - 1];
  return {
    rows: page.map((h) => toRow(toPerson(byId.get(h.id)!))),
    next: hits.length > args.limit && last ? { rank: last.rank } : null,
  };
}

/** The index reads of a search: one page (plus one, to know there is more) of ids in list order. */
export function findHits(db: Database, args: SearchArgs): Hit[] {
  const tokens = queryTokens(args.q);
  const idTokens = tokens.filter(isIdToken);
  const words = tokens.filter((t) => !isIdToken(t));
  const f = filterSql(args.filters);
  const afterRank = args.after?.rank ?? 0;
  const want = args.limit + 1;
  let hits: Hit[];
  if (idTokens.length > 0) {
    hits = searchById(db, idTokens, words, f, afterRank, want);
  } else if (words.length === 0) {
    hits = db
      .prepare(
        `SELECT p.id, p.sort_rank AS rank FROM people p
         WHERE p.merged_into_id IS NULL AND p.sort_rank > ? ${f.sql} ORDER BY p.sort_rank LIMIT ?`,
      )
      .all(afterRank, ...f.params, want) as Hit[];
  } else {
    hits = db
      .prepare(
        `SELECT p.id, f.rowid AS rank FROM people_fts f JOIN people p ON p.sort_rank = f.rowid AND p.merged_into_id IS NULL
         WHERE people_fts MATCH ? AND f.rowid > ? ${f.sql} ORDER BY f.rowid LIMIT ?`,
      )
      .all(ftsQuery(words), afterRank, ...f.params, want) as Hit[];
  }
  return hits;
}

export function countPeople(db: Database, q: string, filters: Filters): number {
  const tokens = queryTokens(q);
  const idTokens = tokens.filter(isIdToken);
  const words = tokens.filter((t) => !isIdToken(t));
  const f = filterSql(filters);
  const ids = idTokens.map(idPrefixSql);
  const idSql = ids.map((c) => ` AND ${c.sql}`).join('');
  const idParams = ids.flatMap((c) => c.params);
  if (words.length === 0) {
    // The whole registry: the compact rank index counts a million people in ~20 ms, the table in ~150.
    const index = idParams.length === 0 && f.params.length === 0 ? 'INDEXED BY people_rank' : '';
    return (db.prepare(`SELECT count(*) AS n FROM people p ${index} WHERE p.merged_into_id IS NULL ${idSql} ${f.sql}`).get(...idParams, ...f.params) as { n: number }).n;
  }
  if (f.params.length === 0 && idParams.length === 0) {
    return (db.prepare('SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH ?').get(ftsQuery(words)) as { n: number }).n;
  }
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM people_fts f JOIN people p ON p.sort_rank = f.rowid AND p.merged_into_id IS NULL
         WHERE people_fts MATCH ? ${idSql} ${f.sql}`,
      )
      .get(ftsQuery(words), ...idParams, ...f.params) as { n: number }
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
