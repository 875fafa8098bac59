import type { Migration } from './index';

export const m0009_certificate_layouts: Migration = {
  version: 9,
  name: 'certificate layouts per program',
  up(db) {
    db.exec(`
      CREATE TABLE certificate_layouts (
        program_id INTEGER PRIMARY KEY REFERENCES programs (id),
        layout_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
