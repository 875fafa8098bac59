import type { Database } from 'better-sqlite3-multiple-ciphers';
import { levelRank, NOMINEE_RESULT_LABELS, type HistoryEntry } from '../../../shared/contract/levels';
import { THEORY_LEVEL_LABELS, THEORY_LEVELS, type TheoryLevel } from '../../../shared/domain/learner-fields';
import { compareVi } from '../../../shared/domain/text';
import { decisionLabel } from '../classes/terms';
import { historyRows } from './history-store';

const docCodeOf = (issuingBody: string | null) => (issuingBody ? ((JSON.parse(issuingBody) as { docCode?: string }).docCode ?? '') : '');

/**
 * A person's political-theory level as a history, and the level of everyone as of a date. Nothing is
 * copied: Sơ cấp completed at the centre is read from the recognised results each time (an enrolment
 * «completed» in a class whose results decision is issued and whose program grants a level), so a
 * corrected result moves the level back by itself. A record merged into another brings its history.
 */

export function rankToLevel(rank: number): TheoryLevel {
  return THEORY_LEVELS[rank] ?? 'none';
}

/** Every entry of one person's history, newest first (the declared level last), with the level they hold today. */
export function personHistory(db: Database, personId: number, today: string): { current: TheoryLevel; entries: HistoryEntry[] } {
  const rows = historyRows(db, personId);
  const entries = rows.map((r): HistoryEntry => {
    const graduated = r.source !== 'provincial' || r.extra === 'graduated';
    return {
      source: r.source,
      level: r.level,
      equivalent: r.equivalent === 1,
      date: r.date,
      where:
        r.source === 'centre'
          ? `${r.place} (kết quả công nhận tại Quyết định số ${decisionLabel(r.decision_number!, docCodeOf(r.issuing_body))})`
          : r.place,
      diplomaNumber: r.number,
      // A nomination still under way (or not completed) is part of the story but raises nothing.
      note:
        r.source === 'provincial' && !graduated
          ? `Được cử đi học — ${NOMINEE_RESULT_LABELS[r.extra as keyof typeof NOMINEE_RESULT_LABELS].toLocaleLowerCase('vi')}`
          : r.note,
      diplomaId: r.diploma_id,
    };
  });
  // Newest first; a row without a date (a level on a record from before, a course still under way) goes last.
  entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || compareVi(a.where, b.where));
  // The level on the record counts from the day it was written; a record from before counts always.
  const reached = rows.filter((r) =>
    r.date === null ? r.source === 'declared' : r.date <= today && (r.source !== 'provincial' || r.extra === 'graduated'),
  );
  const rank = Math.max(0, ...reached.map((r) => levelRank(r.level)));
  return { current: rankToLevel(rank), entries };
}

export function levelLabel(level: TheoryLevel, equivalent = false): string {
  return `${THEORY_LEVEL_LABELS[level]}${equivalent ? ' (tương đương)' : ''}`;
}
