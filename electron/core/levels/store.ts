import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type {
  diplomaInput,
  diplomaSchema,
  Nomination,
  nominationInput,
  PositionGroup,
  positionGroupInput,
  Target,
  targetInput,
} from '../../../shared/contract/levels';
import type { TheoryLevel } from '../../../shared/domain/learner-fields';
import { comparePeople, foldText, fullName } from '../../../shared/domain/text';
import { cachedStatement } from '../db/statements';
import { loadUnits } from './units-store';

/** The SQL of the levels capability's records (the history's is in history-store.ts, the units' in units-store.ts): rows in, contract shapes out. */

type Diploma = z.output<typeof diplomaSchema>;
type DiplomaData = z.output<typeof diplomaInput>;
type GroupData = z.output<typeof positionGroupInput>;
type TargetData = z.output<typeof targetInput>;
type NominationData = z.output<typeof nominationInput>;

/** Updates the row `id` or, without one, inserts it: the statements take the same named values (`@id` on update). */
function saveRow(db: Database, id: number | undefined, update: string, insert: string, values: Record<string, unknown>): number {
  if (id !== undefined) {
    cachedStatement(db, update).run({ ...values, id });
    return id;
  }
  return Number(cachedStatement(db, insert).run(values).lastInsertRowid);
}

export interface PersonFacts {
  id: number;
  name: string;
  birthDate: string | null;
  birthYear: number | null;
  mergedIntoId: number | null;
}

export function personFacts(db: Database, id: number): PersonFacts | null {
  const r = cachedStatement(db, 'SELECT id, family_and_middle, given, birth_date, birth_year, merged_into_id FROM people WHERE id = ?').get(
    id,
  ) as
    | {
        id: number;
        family_and_middle: string;
        given: string;
        birth_date: string | null;
        birth_year: number | null;
        merged_into_id: number | null;
      }
    | undefined;
  if (!r) return null;
  return {
    id: r.id,
    name: fullName({ familyAndMiddle: r.family_and_middle, given: r.given }),
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    mergedIntoId: r.merged_into_id,
  };
}

// ---- external diplomas

interface DiplomaRow {
  id: number;
  person_id: number;
  level: Diploma['level'];
  equivalent: number;
  school: string;
  year: number;
  number: string;
  issue_date: string | null;
  note: string;
}

const toDiploma = (r: DiplomaRow): Diploma => ({
  id: r.id,
  personId: r.person_id,
  level: r.level,
  equivalent: r.equivalent === 1,
  school: r.school,
  year: r.year,
  number: r.number,
  issueDate: r.issue_date,
  note: r.note,
});

export function getDiploma(db: Database, id: number): Diploma | null {
  const r = cachedStatement(db, 'SELECT * FROM theory_diplomas WHERE id = ?').get(id) as DiplomaRow | undefined;
  return r ? toDiploma(r) : null;
}

export function writeDiploma(db: Database, d: DiplomaData, now: string): number {
  const values = {
    person_id: d.personId,
    level: d.level,
    equivalent: d.equivalent ? 1 : 0,
    school: d.school,
    year: d.year,
    number: d.number,
    issue_date: d.issueDate,
    note: d.note,
    now,
  };
  return saveRow(
    db,
    d.id,
    `UPDATE theory_diplomas SET person_id = @person_id, level = @level, equivalent = @equivalent, school = @school, year = @year, number = @number,
         issue_date = @issue_date, note = @note, updated_at = @now WHERE id = @id`,
    `INSERT INTO theory_diplomas (person_id, level, equivalent, school, year, number, issue_date, note, created_at, updated_at)
       VALUES (@person_id, @level, @equivalent, @school, @year, @number, @issue_date, @note, @now, @now)`,
    values,
  );
}

export function deleteDiploma(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM theory_diplomas WHERE id = ?').run(id);
}

// ---- position groups

interface GroupRow {
  id: number;
  name: string;
  titles_json: string;
  target_count: number;
}

export function listGroups(db: Database): PositionGroup[] {
  const rows = cachedStatement(
    db,
    'SELECT g.id, g.name, g.titles_json, (SELECT count(*) FROM theory_targets t WHERE t.group_id = g.id) AS target_count FROM position_groups g ORDER BY g.id',
  ).all() as GroupRow[];
  return rows.map((r) => ({ id: r.id, name: r.name, titles: JSON.parse(r.titles_json) as string[], targetCount: r.target_count }));
}

export function getGroup(db: Database, id: number): PositionGroup | null {
  return listGroups(db).find((g) => g.id === id) ?? null;
}

export function groupByName(db: Database, name: string): { id: number } | undefined {
  return cachedStatement(db, 'SELECT id FROM position_groups WHERE name_key = ?').get(foldText(name)) as { id: number } | undefined;
}

export function writeGroup(db: Database, g: GroupData, now: string): number {
  const values = { name: g.name, name_key: foldText(g.name), titles_json: JSON.stringify(g.titles), now };
  return saveRow(
    db,
    g.id,
    'UPDATE position_groups SET name = @name, name_key = @name_key, titles_json = @titles_json, updated_at = @now WHERE id = @id',
    'INSERT INTO position_groups (name, name_key, titles_json, created_at, updated_at) VALUES (@name, @name_key, @titles_json, @now, @now)',
    values,
  );
}

export function groupExists(db: Database, id: number): boolean {
  return cachedStatement(db, 'SELECT 1 FROM position_groups WHERE id = ?').get(id) !== undefined;
}

export function deleteGroup(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM position_groups WHERE id = ?').run(id);
}

// ---- targets

interface TargetRow {
  id: number;
  year: number;
  group_id: number | null;
  group_name: string | null;
  base_unit_id: number | null;
  min_level: Target['minLevel'];
  percent: number;
}

export function listTargets(db: Database, year: number): Target[] {
  const rows = cachedStatement(
    db,
    `SELECT t.id, t.year, t.group_id, g.name AS group_name, t.base_unit_id, t.min_level, t.percent
         FROM theory_targets t LEFT JOIN position_groups g ON g.id = t.group_id
        WHERE t.year = ? ORDER BY t.id`,
  ).all(year) as TargetRow[];
  const units = loadUnits(db);
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    groupId: r.group_id,
    groupName: r.group_name,
    baseUnitId: r.base_unit_id,
    baseUnitName: r.base_unit_id === null ? null : (units.baseOf(r.base_unit_id)?.name ?? null),
    minLevel: r.min_level,
    percent: r.percent,
  }));
}

export function getTarget(db: Database, id: number): Target | null {
  const year = (cachedStatement(db, 'SELECT year FROM theory_targets WHERE id = ?').get(id) as { year: number } | undefined)?.year;
  return year === undefined ? null : (listTargets(db, year).find((t) => t.id === id) ?? null);
}

export function sameTarget(db: Database, t: TargetData): { id: number } | undefined {
  return cachedStatement(
    db,
    'SELECT id FROM theory_targets WHERE year = ? AND group_id IS ? AND base_unit_id IS ? AND min_level = ? AND id IS NOT ?',
  ).get(t.year, t.groupId, t.baseUnitId, t.minLevel, t.id ?? null) as { id: number } | undefined;
}

export function writeTarget(db: Database, t: TargetData, now: string): number {
  const values = { year: t.year, group_id: t.groupId, base_unit_id: t.baseUnitId, min_level: t.minLevel, percent: t.percent, now };
  return saveRow(
    db,
    t.id,
    'UPDATE theory_targets SET year = @year, group_id = @group_id, base_unit_id = @base_unit_id, min_level = @min_level, percent = @percent, updated_at = @now WHERE id = @id',
    'INSERT INTO theory_targets (year, group_id, base_unit_id, min_level, percent, created_at, updated_at) VALUES (@year, @group_id, @base_unit_id, @min_level, @percent, @now, @now)',
    values,
  );
}

export function deleteTarget(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM theory_targets WHERE id = ?').run(id);
}

// ---- nominations to the provincial school

interface NomineeRow {
  nomination_id: number;
  person_id: number;
  result: Nomination['people'][number]['result'];
  diploma_number: string | null;
  diploma_date: string | null;
  family_and_middle: string;
  given: string;
  birth_date: string | null;
  position: string;
  unit_id: number | null;
}

export function listNominations(db: Database, year: number, onlyId?: number): Nomination[] {
  const rows = cachedStatement(
    db,
    `SELECT id, year, level, school, course, decision_number AS decisionNumber, decision_date AS decisionDate, note FROM theory_nominations
      WHERE year = ? AND (? IS NULL OR id = ?) ORDER BY decision_date IS NULL, decision_date, id`,
  ).all(year, onlyId ?? null, onlyId ?? null) as Omit<Nomination, 'people'>[];
  if (rows.length === 0) return [];
  const nominees = cachedStatement(
    db,
    `SELECT n.*, p.family_and_middle, p.given, p.birth_date, p.position, p.unit_id
         FROM theory_nominees n JOIN people p ON p.id = n.person_id JOIN theory_nominations t ON t.id = n.nomination_id
        WHERE t.year = ? ORDER BY n.position`,
  ).all(year) as NomineeRow[];
  const units = loadUnits(db);
  return rows.map((r) => ({
    ...r,
    people: nominees
      .filter((n) => n.nomination_id === r.id)
      .map((n) => ({
        personId: n.person_id,
        fullName: fullName({ familyAndMiddle: n.family_and_middle, given: n.given }),
        birthDate: n.birth_date,
        position: n.position,
        baseUnitName: units.baseOf(n.unit_id)?.name ?? null,
        result: n.result,
        diplomaNumber: n.diploma_number ?? '',
        diplomaDate: n.diploma_date,
        sortName: { familyAndMiddle: n.family_and_middle, given: n.given },
      }))
      .sort((a, b) => comparePeople(a.sortName, b.sortName))
      .map(({ sortName: _sortName, ...p }) => p),
  }));
}

export function getNomination(db: Database, id: number): Nomination | null {
  const year = (cachedStatement(db, 'SELECT year FROM theory_nominations WHERE id = ?').get(id) as { year: number } | undefined)?.year;
  return year === undefined ? null : (listNominations(db, year, id)[0] ?? null);
}

export function writeNomination(db: Database, n: NominationData, now: string): number {
  const values = {
    year: n.year,
    level: n.level,
    school: n.school,
    course: n.course,
    decision_number: n.decisionNumber,
    decision_date: n.decisionDate,
    note: n.note,
    now,
  };
  const id = saveRow(
    db,
    n.id,
    `UPDATE theory_nominations SET year = @year, level = @level, school = @school, course = @course, decision_number = @decision_number,
         decision_date = @decision_date, note = @note, updated_at = @now WHERE id = @id`,
    `INSERT INTO theory_nominations (year, level, school, course, decision_number, decision_date, note, created_at, updated_at)
         VALUES (@year, @level, @school, @course, @decision_number, @decision_date, @note, @now, @now)`,
    values,
  );
  // A changed nomination's people are written again, in their new order.
  if (n.id !== undefined) cachedStatement(db, 'DELETE FROM theory_nominees WHERE nomination_id = ?').run(id);
  const insert = cachedStatement(
    db,
    'INSERT INTO theory_nominees (nomination_id, person_id, position, result, diploma_number, diploma_date) VALUES (?, ?, ?, ?, ?, ?)',
  );
  n.people.forEach((p, i) => {
    const graduated = p.result === 'graduated';
    insert.run(id, p.personId, i + 1, p.result, graduated ? p.diplomaNumber : null, graduated ? p.diplomaDate : null);
  });
  return id;
}

export function deleteNomination(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM theory_nominees WHERE nomination_id = ?').run(id);
  cachedStatement(db, 'DELETE FROM theory_nominations WHERE id = ?').run(id);
}

// ---- people in a report's scope

export interface ScopePerson {
  id: number;
  position: string;
  partyStatus: string | null;
  admissionDate: string | null;
  unitId: number | null;
  communeCode: string | null;
  /** The level on the record when it has no day (a record from before): it counts in every year. A dated one is a step (history.ts). */
  declared: TheoryLevel | null;
}

const SCOPE_COLUMNS = `id, position, party_status AS partyStatus, admission_date AS admissionDate, unit_id AS unitId, commune_code AS communeCode,
  CASE WHEN theory_level_since IS NULL THEN theory_level END AS declared`;

/**
 * The current people (merged-away records excluded) a year's targets can concern, one at a time: the
 * Party members, and, when a target is about a position group, everyone else with a position. A
 * registry of a million is mostly people with neither, so they are never read (partial indexes of 0015).
 */
export function* scopePeople(db: Database, withPositions: boolean): Generator<ScopePerson> {
  yield* db
    .prepare(`SELECT ${SCOPE_COLUMNS} FROM people WHERE merged_into_id IS NULL AND party_status IN ('du_bi', 'chinh_thuc')`)
    .iterate() as IterableIterator<ScopePerson>;
  if (!withPositions) return;
  yield* db
    .prepare(
      `SELECT ${SCOPE_COLUMNS} FROM people
        WHERE merged_into_id IS NULL AND position <> '' AND (party_status IS NULL OR party_status NOT IN ('du_bi', 'chinh_thuc'))`,
    )
    .iterate() as IterableIterator<ScopePerson>;
}
