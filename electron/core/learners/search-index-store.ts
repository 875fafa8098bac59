import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';
import { searchDocument, type DocumentSource } from './search-document';

/**
 * Active people carry a sort_rank: their place in list order, with gaps of 2^24 so a new person
 * usually fits between two neighbours without moving anyone. The full-text index uses the rank as
 * its rowid, so FTS5 returns matches in list order.
 */
export const RANK_SPACING = 2 ** 24;

const withDocumentFunction = new WeakSet<Database>();

/** Refills the full-text index from the people table, ranks as they are. */
export function refillSearchIndex(db: Database): void {
  if (!withDocumentFunction.has(db)) {
    db.function('ttct_search_document', { deterministic: true }, (family_and_middle, given, name_key, search_text) =>
      searchDocument({
        family_and_middle: String(family_and_middle),
        given: String(given),
        name_key: String(name_key),
        search_text: String(search_text),
      }),
    );
    withDocumentFunction.add(db);
  }
  db.exec(`
    INSERT INTO people_fts (people_fts) VALUES ('delete-all');
    INSERT INTO people_fts (rowid, search_text)
      SELECT sort_rank, ttct_search_document(family_and_middle, given, name_key, search_text) FROM people
      WHERE merged_into_id IS NULL AND sort_rank IS NOT NULL ORDER BY sort_rank;
  `);
}

/** Renumbers everyone in list order and refills the full-text index (bulk sample data, a crowded gap). */
export function rebuildSearchIndex(db: Database): void {
  db.exec(`
    UPDATE people SET sort_rank = NULL WHERE sort_rank IS NOT NULL;
    UPDATE people SET sort_rank = o.n * ${RANK_SPACING}
      FROM (SELECT id, row_number() OVER (ORDER BY sort_key, id) AS n FROM people WHERE merged_into_id IS NULL) AS o
      WHERE o.id = people.id;
  `);
  refillSearchIndex(db);
}

interface Placed extends DocumentSource {
  id: number;
  sort_key: string;
  sort_rank: number;
}

/**
 * Keeps sort_rank and the full-text index in step with the people table, for one batch of writes.
 * FTS5 flushes its pending data whenever a rowid arrives out of order, which turns a batch of
 * inserts at random list positions into one index segment each; so index changes are collected and
 * applied in rowid order by flush(), which the batch must call before its transaction ends.
 */
export function searchIndex(db: Database) {
  // Neighbours in list order. Many people share a sort key (there are thousands of Nguyễn Văn An), and
  // SQLite seeks a row-value comparison on its first column only, then walks every equal key; so look
  // among equal keys by id first, then seek the next distinct key: two exact index seeks.
  const cols = 'id, sort_key, sort_rank, search_text, family_and_middle, given, name_key';
  const active = 'merged_into_id IS NULL AND sort_rank IS NOT NULL';
  const sameBefore = cachedStatement(db, `SELECT ${cols} FROM people WHERE ${active} AND sort_key = ? AND id < ? ORDER BY id DESC LIMIT ?`);
  const less = cachedStatement(db, `SELECT ${cols} FROM people WHERE ${active} AND sort_key < ? ORDER BY sort_key DESC, id DESC LIMIT ?`);
  const sameAfter = cachedStatement(db, `SELECT ${cols} FROM people WHERE ${active} AND sort_key = ? AND id > ? ORDER BY id LIMIT ?`);
  const greater = cachedStatement(db, `SELECT ${cols} FROM people WHERE ${active} AND sort_key > ? ORDER BY sort_key, id LIMIT ?`);
  /** Up to n active people just before (nearest first) or just after the position of (key, id). */
  function neighbours(key: string, id: number, side: 'before' | 'after', n: number): Placed[] {
    const first = (side === 'before' ? sameBefore : sameAfter).all(key, id, n) as Placed[];
    if (first.length >= n) return first;
    return [...first, ...((side === 'before' ? less : greater).all(key, n - first.length) as Placed[])];
  }
  const setRank = cachedStatement(db, 'UPDATE people SET sort_rank = ? WHERE id = ?');
  const ftsInsertNow = cachedStatement(db, 'INSERT INTO people_fts (rowid, search_text) VALUES (?, ?)');
  const ftsDeleteNow = cachedStatement(db, 'DELETE FROM people_fts WHERE rowid = ?');
  // Ranks to remove from the index as it was before the batch, and entries to add.
  const deletes = new Set<number>();
  const inserts = new Map<number, string>();
  const ftsInsert = { run: (rank: number, p: DocumentSource) => void inserts.set(rank, searchDocument(p)) };
  const ftsDelete = {
    run: (rank: number) => {
      if (inserts.has(rank)) inserts.delete(rank);
      else deletes.add(rank);
    },
  };
  const row = cachedStatement(db, 'SELECT sort_key, search_text, sort_rank, family_and_middle, given, name_key FROM people WHERE id = ?');

  function rankValue(r: unknown): number | null {
    return (r as { sort_rank: number } | undefined)?.sort_rank ?? null;
  }

  /** Spreads the neighbours around a position evenly across the space they and their outer neighbours allow. */
  function respread(id: number, key: string, width: number): void {
    const left = neighbours(key, id, 'before', width + 1).reverse();
    const right = neighbours(key, id, 'after', width + 1);
    const lo = left.length > width ? left.shift()!.sort_rank : 0;
    const hi = right.length > width ? right.pop()!.sort_rank : (right[right.length - 1]?.sort_rank ?? lo) + RANK_SPACING * (width + 1);
    const moving = [...left, ...right];
    const step = Math.floor((hi - lo) / (moving.length + 2));
    if (step < 2) {
      if (left.length < width && right.length < width) {
        // Renumbering rewrites the whole index from the table: anything this batch had queued is in it.
        const waiting = pending.splice(0);
        deletes.clear();
        inserts.clear();
        for (const w of waiting) setRank.run(null, w);
        rebuildSearchIndex(db);
        return;
      }
      respread(id, key, width * 4);
      return;
    }
    for (const m of moving) ftsDelete.run(m.sort_rank);
    for (const m of moving) setRank.run(-m.id, m.id);
    moving.forEach((m, i) => {
      // The gap at the middle (between left and right) is where the person being placed goes.
      const rank = lo + step * (i + 1 + (i >= left.length ? 1 : 0));
      setRank.run(rank, m.id);
      ftsInsert.run(rank, m);
    });
  }

  function place(id: number, key: string, doc: DocumentSource): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      // A full renumbering during this batch has placed everyone already.
      if (rankValue(row.get(id)) !== null) return;
      const p = neighbours(key, id, 'before', 1)[0]?.sort_rank ?? 0;
      const n = neighbours(key, id, 'after', 1)[0]?.sort_rank ?? null;
      const rank = n === null ? p + RANK_SPACING : n - p >= 2 ? p + Math.floor((n - p) / 2) : null;
      if (rank !== null) {
        setRank.run(rank, id);
        ftsInsert.run(rank, doc);
        return;
      }
      respread(id, key, 256);
    }
    throw new Error(`Could not place person ${id} in list order`);
  }

  /** Newly written people awaiting a place; placed together at flush, in list order. */
  const pending: number[] = [];

  function before(a: { sort_key: string; id: number }, b: { sort_key: string; id: number }): boolean {
    return a.sort_key < b.sort_key || (a.sort_key === b.sort_key && a.id < b.id);
  }

  /**
   * Places a batch: sorted in list order, each run of new people that falls between the same two
   * placed neighbours is spread evenly across that gap, so a batch costs two index seeks per gap.
   */
  function placeAll(ids: number[]): void {
    const rows = ids
      .map((id) => ({ id, ...(row.get(id) as DocumentSource & { sort_key: string }) }))
      .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    let i = 0;
    while (i < rows.length) {
      const first = rows[i]!;
      if (rankValue(row.get(first.id)) !== null) {
        i++;
        continue;
      }
      const p = neighbours(first.sort_key, first.id, 'before', 1)[0]?.sort_rank ?? 0;
      const next = neighbours(first.sort_key, first.id, 'after', 1)[0] ?? null;
      let j = i + 1;
      while (j < rows.length && (next === null || before(rows[j]!, next))) j++;
      const count = j - i;
      const step = next === null ? RANK_SPACING : Math.floor((next.sort_rank - p) / (count + 1));
      if (step >= 1) {
        for (let k = 0; k < count; k++) {
          const r = rows[i + k]!;
          setRank.run(p + step * (k + 1), r.id);
          ftsInsert.run(p + step * (k + 1), r);
        }
      } else {
        for (let k = i; k < j; k++) place(rows[k]!.id, rows[k]!.sort_key, rows[k]!);
      }
      i = j;
    }
  }

  return {
    flush(): void {
      placeAll(pending.splice(0));
      for (const rank of [...deletes].sort((a, b) => a - b)) ftsDeleteNow.run(rank);
      for (const [rank, text] of [...inserts].sort((a, b) => a[0] - b[0])) ftsInsertNow.run(rank, text);
      deletes.clear();
      inserts.clear();
    },
    /** A new or returning (un-merged) person joins the list and the search (placed at flush). */
    add(id: number): void {
      pending.push(id);
    },
    /** Before a merge hides a person, or before their name changes. */
    remove(id: number): void {
      const waiting = pending.indexOf(id);
      if (waiting >= 0) pending.splice(waiting, 1);
      const rank = rankValue(row.get(id));
      if (rank !== null) {
        ftsDelete.run(rank);
        setRank.run(null, id);
      }
    },
    /** Same place in the list, new words (an edit that kept the name, a unit renamed); called after the row is written. */
    reindex(id: number, oldText: string, newText: string): void {
      const current = row.get(id) as (DocumentSource & { sort_rank: number | null }) | undefined;
      const rank = rankValue(current);
      if (rank === null || oldText === newText) return;
      ftsDelete.run(rank);
      ftsInsert.run(rank, current!);
    },
  };
}
