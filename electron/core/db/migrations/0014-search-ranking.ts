import { refillSearchIndex } from '../../learners/search-index-store';
import type { Migration } from './index';

/**
 * The full-text index keeps the name, the name as spelled and the other words (birth year, unit)
 * apart, so a search ranks name matches first from the index alone (search-document.ts). Only the
 * index changes: the people table is as it was. Unit words now carry a one-letter mark, so prefixes
 * of five letters get an index too: "ǂthon"* read from it streams in list order, where without it
 * FTS5 gathers all 600,000 entries of a 1M registry first. A later change to the document comes with
 * a migration of its own that refills the index again.
 */
export const m0014_search_ranking: Migration = {
  version: 14,
  name: 'search ranking',
  up(db) {
    db.exec(`
      DROP TABLE people_fts;
      CREATE VIRTUAL TABLE people_fts USING fts5 (
        search_text, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4 5'
      );
    `);
    refillSearchIndex(db);
  },
};
