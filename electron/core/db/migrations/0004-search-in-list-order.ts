import type { Migration } from './index';

/**
 * The full-text index is keyed by each person's place in the Vietnamese list order (sort_rank), so a
 * search reads matches already in list order and stops after one page, however common the word.
 */
export const m0004_search_in_list_order: Migration = {
  version: 4,
  name: 'search in list order',
  up(db) {
    // Version 3 put ID numbers and phones into the search words; they now have indexes of their own.
    db.function('ttct_strip_ids', { deterministic: true }, (text: unknown) =>
      String(text)
        .split(' ')
        .filter((w) => !/^\d{5,}$/.test(w))
        .join(' '),
    );
    db.exec(`
      UPDATE people SET search_text = ttct_strip_ids(search_text);
      CREATE INDEX people_party_card ON people (party_card) WHERE party_card IS NOT NULL AND merged_into_id IS NULL;
      DROP TRIGGER people_fts_insert;
      DROP TRIGGER people_fts_delete;
      DROP TRIGGER people_fts_update;
      DROP TABLE people_fts;
      -- Member counts per unit read only this index.
      DROP INDEX people_unit;
      CREATE INDEX people_unit ON people (unit_id) WHERE merged_into_id IS NULL;
      ALTER TABLE people ADD COLUMN sort_rank INTEGER;
      -- Placing a new person reads the ranks of their neighbours in list order from this index alone.
      DROP INDEX people_sort;
      CREATE INDEX people_sort ON people (sort_key, id, sort_rank) WHERE merged_into_id IS NULL;
      CREATE UNIQUE INDEX people_rank ON people (sort_rank) WHERE merged_into_id IS NULL;
      CREATE VIRTUAL TABLE people_fts USING fts5 (
        search_text, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4'
      );
      -- Ranks: place in list order with gaps of 2^24 (kept here rather than shared, so this migration never changes).
      UPDATE people SET sort_rank = o.n * 16777216
        FROM (SELECT id, row_number() OVER (ORDER BY sort_key, id) AS n FROM people WHERE merged_into_id IS NULL) AS o
        WHERE o.id = people.id;
      INSERT INTO people_fts (rowid, search_text) SELECT sort_rank, search_text FROM people WHERE merged_into_id IS NULL;
    `);
  },
};
