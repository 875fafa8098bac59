import type { Database } from 'better-sqlite3-multiple-ciphers';
import { m0001_initial } from './0001-initial';
import { m0002_seed_programs } from './0002-seed-programs';
import { m0003_learners } from './0003-learners';
import { m0004_search_in_list_order } from './0004-search-in-list-order';
import { m0005_classes } from './0005-classes';
import { m0006_enrollments } from './0006-enrollments';
import { m0007_enrollment_sites } from './0007-enrollment-sites';
import { m0008_certificates } from './0008-certificates';
import { m0009_certificate_layouts } from './0009-certificate-layouts';
import { m0010_trusted_keys } from './0010-trusted-keys';
import { m0011_reports } from './0011-reports';
import { m0012_year_figures } from './0012-year-figures';
import { m0013_certificate_replacements } from './0013-certificate-replacements';
import { m0014_search_ranking } from './0014-search-ranking';
import { m0015_theory_levels } from './0015-theory-levels';
import { m0016_study_sessions } from './0016-study-sessions';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Ordered; a version is never edited once released: add a new one instead. */
export const MIGRATIONS: readonly Migration[] = [
  m0001_initial,
  m0002_seed_programs,
  m0003_learners,
  m0004_search_in_list_order,
  m0005_classes,
  m0006_enrollments,
  m0007_enrollment_sites,
  m0008_certificates,
  m0009_certificate_layouts,
  m0010_trusted_keys,
  m0011_reports,
  m0012_year_figures,
  m0013_certificate_replacements,
  m0014_search_ranking,
  m0015_theory_levels,
  m0016_study_sessions,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
