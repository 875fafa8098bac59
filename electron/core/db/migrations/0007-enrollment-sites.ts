import type { Migration } from './index';

export const m0007_enrollment_sites: Migration = {
  version: 7,
  name: 'connected site per learner in online classes',
  up(db) {
    // The site's place name, not a row id: class sites are rewritten on every class save, and a clerk
    // reads "Điểm cầu xã Ngọc Réo", not a number. A renamed site shows as unassigned until set again.
    db.exec('ALTER TABLE enrollments ADD COLUMN site TEXT');
  },
};
