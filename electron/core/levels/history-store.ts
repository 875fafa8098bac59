import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { HistoryEntry } from '../../../shared/contract/levels';
import type { TheoryLevel } from '../../../shared/domain/learner-fields';
import { cachedStatement } from '../db/statements';

/** The SQL of a person's political-theory history and of everyone's level as of a date (see history.ts). */

// Every dated step up, as (person, level, date). Centre completions are read class first (only the
// few classes whose program grants a level and whose results are recognised), never by scanning every
// enrolment. An external diploma with only a year counts from 1 January of that year; a graduation
// from its diploma date; the level written on a person's record from the day it was written
// (theory_level_since). A merged-away record's written level is a step too (undated: '' comes before
// every date), so it counts for the record kept; a current record's undated level is read from its row.
const DATED_STEPS = `
  SELECT e.person_id AS pid, g.grants_level AS level, d.date AS date
    FROM programs g CROSS JOIN classes c ON c.program_id = g.id CROSS JOIN documents d ON d.id = c.results_decision_id
    CROSS JOIN enrollments e ON e.class_id = c.id
   WHERE g.grants_level IS NOT NULL AND c.status <> 'cancelled' AND e.status = 'enrolled' AND e.outcome = 'completed'
  UNION ALL
  SELECT person_id, level, coalesce(issue_date, printf('%04d-01-01', year)) FROM theory_diplomas
  UNION ALL
  SELECT n.person_id, t.level, n.diploma_date FROM theory_nominees n JOIN theory_nominations t ON t.id = n.nomination_id
   WHERE n.result = 'graduated'
  UNION ALL
  SELECT id, theory_level, theory_level_since FROM people WHERE theory_level_since IS NOT NULL
  UNION ALL
  SELECT id, theory_level, '' FROM people WHERE merged_into_id IS NOT NULL AND theory_level IS NOT NULL AND theory_level_since IS NULL`;

const RANK_SQL = `CASE level WHEN 'so_cap' THEN 1 WHEN 'trung_cap' THEN 2 WHEN 'cao_cap' THEN 3 WHEN 'cu_nhan' THEN 4 ELSE 0 END`;

/**
 * The highest level reached on or before `asOf` through a dated step, as a rank, by the current
 * record it now belongs to (a merged-away record's steps count for the record kept). Only people with
 * such a step are in the map: an undated level on a current person's row is read with the row (a million-person registry has
 * a few thousand steps, so this never walks the whole registry).
 */
export function stepRanksAsOf(db: Database, asOf: string): Map<number, number> {
  const rows = cachedStatement(
    db,
    `WITH RECURSIVE steps(pid, level, date) AS (${DATED_STEPS}),
       up(pid, id, next) AS (
         SELECT p.id, p.id, p.merged_into_id FROM people p WHERE p.id IN (SELECT pid FROM steps WHERE date <= ?)
         UNION ALL SELECT up.pid, p.id, p.merged_into_id FROM up JOIN people p ON p.id = up.next
       )
       SELECT up.id AS id, max(${RANK_SQL}) AS rank
         FROM steps s JOIN up ON up.pid = s.pid AND up.next IS NULL
        WHERE s.date <= ?
        GROUP BY up.id`,
  ).all(asOf, asOf) as { id: number; rank: number }[];
  return new Map(rows.map((r) => [r.id, r.rank]));
}

export interface EntryRow {
  source: HistoryEntry['source'];
  level: TheoryLevel;
  equivalent: number;
  date: string | null;
  place: string;
  number: string | null;
  note: string;
  diploma_id: number | null;
  extra: string | null;
  decision_number: number | null;
  issuing_body: string | null;
}

/** Every entry of one person's history, unsorted: the person's own and those of the records merged into them. */
export function historyRows(db: Database, personId: number): EntryRow[] {
  return cachedStatement(
    db,
    // The person and the records merged into them (down the chain only: a page reads one person, not everyone).
    `WITH RECURSIVE mine(id) AS (SELECT ? UNION ALL SELECT p.id FROM people p JOIN mine m ON p.merged_into_id = m.id)
       SELECT 'declared' AS source, theory_level AS level, 0 AS equivalent, theory_level_since AS date, '' AS place, NULL AS number, '' AS note,
              NULL AS diploma_id, NULL AS extra, NULL AS decision_number, NULL AS issuing_body
         FROM people WHERE id IN mine AND theory_level IS NOT NULL
       UNION ALL
       SELECT 'centre', g.grants_level, 0, d.date, c.name,
              (SELECT serial FROM certificates WHERE enrollment_id = e.id AND status = 'valid'), '', NULL, NULL, d.number, c.issuing_body_json
         FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN programs g ON g.id = c.program_id
         JOIN documents d ON d.id = c.results_decision_id
        WHERE e.person_id IN mine AND e.status = 'enrolled' AND e.outcome = 'completed' AND g.grants_level IS NOT NULL AND c.status <> 'cancelled'
       UNION ALL
       SELECT 'external', level, equivalent, coalesce(issue_date, printf('%04d', year)), school, nullif(number, ''), note, id, NULL, NULL, NULL
         FROM theory_diplomas WHERE person_id IN mine
       UNION ALL
       SELECT 'provincial', t.level, 0, n.diploma_date, t.school || ' — ' || t.course, n.diploma_number, '', NULL, n.result, NULL, NULL
         FROM theory_nominees n JOIN theory_nominations t ON t.id = n.nomination_id
        WHERE n.person_id IN mine`,
  ).all(personId) as EntryRow[];
}
