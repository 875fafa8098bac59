import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';
import type { z } from 'zod';
import type { PersonRow, SearchCursor, searchFilters, searchInput } from '../../../shared/contract/learners';
import { readPeople, toRow } from './person-store';
import { matchAll, parseSearch, rankTiers, type ParsedSearch } from './search-query';

type Filters = z.output<typeof searchFilters>;
type SearchArgs = z.output<typeof searchInput>;
type Hit = { id: number; rank: number; tier: number };

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

/** Every typed ID number as a prefix of a CCCD or a Party card, as conditions to append to a WHERE. */
function idsSql(ids: string[]): { idSql: string; idParams: string[] } {
  const conditions = ids.map(idPrefixSql);
  return { idSql: conditions.map((c) => ` AND ${c.sql}`).join(''), idParams: conditions.flatMap((c) => c.params) };
}

/**
 * A search with an ID number: the people whose CCCD or Party card starts with the typed digits come
 * from those indexes; if they are few, they are checked and sorted into list order, and if they are
 * many, the list is walked in order with the same conditions. Not ranked: an ID names one person.
 */
function searchById(db: Database, s: ParsedSearch, f: ReturnType<typeof filterSql>, afterRank: number, want: number): Hit[] {
  const { idSql, idParams } = idsSql(s.ids);
  const longest = s.ids.reduce((a, b) => (b.length > a.length ? b : a));
  const end = `${longest}\uffff`;
  const words = [...s.words.map((w) => w.folded), ...s.unitWords, ...s.numbers];
  const few =
    (
      cachedStatement(
        db,
        `SELECT count(*) AS n FROM (
         SELECT id FROM (SELECT id FROM people WHERE merged_into_id IS NULL AND citizen_id >= ? AND citizen_id < ? LIMIT ${ID_CANDIDATES})
         UNION SELECT id FROM (SELECT id FROM people WHERE merged_into_id IS NULL AND party_card >= ? AND party_card < ? LIMIT ${ID_CANDIDATES}))`,
      ).get(longest, end, longest, end) as { n: number }
    ).n < ID_CANDIDATES;
  if (few) {
    // The planner will not combine two indexes for an OR; a UNION of two index ranges does.
    const rows = cachedStatement(
      db,
      `SELECT p.id, p.sort_rank AS rank, 0 AS tier, p.search_text FROM people p
         WHERE p.id IN (
           SELECT id FROM people WHERE merged_into_id IS NULL AND citizen_id >= ? AND citizen_id < ?
           UNION SELECT id FROM people WHERE merged_into_id IS NULL AND party_card >= ? AND party_card < ?)
         AND p.sort_rank > ? ${idSql} ${f.sql}`,
    ).all(longest, end, longest, end, afterRank, ...idParams, ...f.params) as (Hit & { search_text: string })[];
    return rows
      .filter((r) => words.length === 0 || wordsMatch(words, r.search_text))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, want)
      .map(({ id, rank, tier }) => ({ id, rank, tier }));
  }
  const match = matchAll(s);
  if (match !== null) return ftsPage(db, { tier: 0, match }, idSql, [...idParams, ...f.params], f.sql, afterRank, want);
  return cachedStatement(
    db,
    `SELECT p.id, p.sort_rank AS rank, 0 AS tier FROM people p INDEXED BY people_rank
       WHERE p.merged_into_id IS NULL AND p.sort_rank > ? ${idSql} ${f.sql} ORDER BY p.sort_rank LIMIT ?`,
  ).all(afterRank, ...idParams, ...f.params, want) as Hit[];
}

/** Matches of one full-text query in list order after a rank: FTS5 hands them over in rowid (= rank) order. */
function ftsPage(
  db: Database,
  t: { tier: number; match: string },
  idSql: string,
  params: unknown[],
  filter: string,
  afterRank: number,
  want: number,
): Hit[] {
  return cachedStatement(
    db,
    `SELECT p.id, f.rowid AS rank, ${t.tier} AS tier FROM people_fts f JOIN people p ON p.sort_rank = f.rowid AND p.merged_into_id IS NULL
       WHERE people_fts MATCH ? AND f.rowid > ? ${idSql} ${filter} ORDER BY f.rowid LIMIT ?`,
  ).all(t.match, afterRank, ...params, want) as Hit[];
}

/**
 * One page of a search after `after`: ranked by tier (search-query.ts), list order (given name, then
 * family name) within a tier. Each tier is a full-text query keyed by list position, so it reads
 * matches in order and stops after one page however common the word; the cursor carries the tier,
 * and a page that empties one tier goes on with the next from its start. With nothing typed, the
 * rank index does the same.
 */
export function searchPeople(db: Database, args: SearchArgs): { rows: PersonRow[]; next: SearchCursor | null } {
  const hits = findHits(db, args);
  const page = hits.slice(0, args.limit);
  const byId = readPeople(
    db,
    page.map((h) => h.id),
  );
  const last = page[page.length - 1];
  return {
    rows: page.map((h) => toRow(byId.get(h.id)!)),
    next: hits.length > args.limit && last ? { tier: last.tier, rank: last.rank } : null,
  };
}

/**
 * The index reads of a search: one page (plus one, to know there is more) of ids, best tier first.
 * `ranked: false` gives plain list order (exports).
 */
export function findHits(db: Database, args: SearchArgs, options: { ranked?: boolean } = {}): Hit[] {
  const s = parseSearch(args.q);
  const f = filterSql(args.filters);
  const after = args.after ?? { tier: 0, rank: 0 };
  const want = args.limit + 1;
  if (s.ids.length > 0) return searchById(db, s, f, after.rank, want);
  const all = matchAll(s);
  if (all === null) {
    return cachedStatement(
      db,
      `SELECT p.id, p.sort_rank AS rank, 0 AS tier FROM people p
         WHERE p.merged_into_id IS NULL AND p.sort_rank > ? ${f.sql} ORDER BY p.sort_rank LIMIT ?`,
    ).all(after.rank, ...f.params, want) as Hit[];
  }
  const tiers = options.ranked === false ? [{ tier: 0, match: all }] : rankTiers(s);
  const hits: Hit[] = [];
  for (const t of tiers) {
    if (t.tier < after.tier) continue;
    hits.push(...ftsPage(db, t, '', f.params, f.sql, t.tier === after.tier ? after.rank : 0, want - hits.length));
    if (hits.length >= want) break;
  }
  return hits;
}

export function countPeople(db: Database, q: string, filters: Filters): number {
  const s = parseSearch(q);
  const f = filterSql(filters);
  const { idSql, idParams } = idsSql(s.ids);
  const match = matchAll(s);
  if (match === null) {
    // The whole registry: the compact rank index counts a million people in ~20 ms, the table in ~150.
    const index = idParams.length === 0 && f.params.length === 0 ? 'INDEXED BY people_rank' : '';
    return (
      cachedStatement(db, `SELECT count(*) AS n FROM people p ${index} WHERE p.merged_into_id IS NULL ${idSql} ${f.sql}`).get(
        ...idParams,
        ...f.params,
      ) as { n: number }
    ).n;
  }
  if (f.params.length === 0 && idParams.length === 0) {
    return (cachedStatement(db, 'SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH ?').get(match) as { n: number }).n;
  }
  return (
    cachedStatement(
      db,
      `SELECT count(*) AS n FROM people_fts f JOIN people p ON p.sort_rank = f.rowid AND p.merged_into_id IS NULL
         WHERE people_fts MATCH ? ${idSql} ${f.sql}`,
    ).get(match, ...idParams, ...f.params) as { n: number }
  ).n;
}

/** Every matching id in list order, for exports: a list on paper reads in its usual order, not by relevance. */
export function allMatchingIds(db: Database, q: string, filters: Filters, max: number): number[] {
  const out: number[] = [];
  let after: SearchCursor | null = null;
  for (;;) {
    const hits: Hit[] = findHits(db, { q, filters, after, limit: 500 }, { ranked: false });
    out.push(...hits.slice(0, 500).map((h) => h.id));
    if (hits.length <= 500 || out.length >= max) return out.slice(0, max);
    after = { tier: 0, rank: hits[499]!.rank };
  }
}
