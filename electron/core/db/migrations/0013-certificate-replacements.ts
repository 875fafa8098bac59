import type { Migration } from './index';

/**
 * Every certificate row is listed with the number that replaced it (`replaces_id = c.id`), which
 * without an index scanned the whole table per row: quadratic in a register, and slowest exactly
 * where registers are long.
 */
export const m0013_certificate_replacements: Migration = {
  version: 13,
  name: 'index of reissued certificates',
  up(db) {
    db.exec('CREATE INDEX certificates_replaces ON certificates (replaces_id) WHERE replaces_id IS NOT NULL');
  },
};
