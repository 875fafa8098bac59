import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Person, PersonData, PersonRow } from '../../../shared/contract/learners';
import { ethnicityByCode } from '../../../shared/domain/ethnic-groups';
import { personSortKey } from '../../../shared/domain/sort-key';
import { foldText } from '../../../shared/domain/text';
import { communeByCode } from '../reference/communes';
import { nameFields } from '../db/name-columns';
import { cachedStatement } from '../db/statements';
import { searchText } from './search-document';
import { searchIndex } from './search-index-store';

export interface PersonDbRow {
  id: number;
  sort_rank: number | null;
  family_and_middle: string;
  given: string;
  sex: Person['sex'];
  birth_date: string | null;
  ethnicity_code: string | null;
  religion: string;
  home_place: string;
  commune_code: string | null;
  workplace: string;
  position: string;
  party_status: Person['partyStatus'];
  admission_date: string | null;
  confirmation_date: string | null;
  unit_id: number | null;
  unit_name: string | null;
  education_level: string;
  theory_level: Person['theoryLevel'];
  citizen_id: string | null;
  party_card: string | null;
  phone: string;
  notes: string;
  merged_into_id: number | null;
  created_at: string;
  updated_at: string;
  sort_key: string;
}

export const PERSON_SELECT = `SELECT p.*, u.name AS unit_name FROM people p LEFT JOIN units u ON u.id = p.unit_id`;

export function toPerson(r: PersonDbRow): Person {
  return {
    id: r.id,
    ...nameFields(r),
    sex: r.sex,
    birthDate: r.birth_date,
    ethnicityCode: r.ethnicity_code,
    ethnicityName: ethnicityByCode(r.ethnicity_code)?.name ?? null,
    religion: r.religion,
    homePlace: r.home_place,
    communeCode: r.commune_code,
    communeName: communeByCode(r.commune_code)?.name ?? null,
    workplace: r.workplace,
    position: r.position,
    partyStatus: r.party_status,
    admissionDate: r.admission_date,
    confirmationDate: r.confirmation_date,
    unitId: r.unit_id,
    unitName: r.unit_name,
    educationLevel: r.education_level,
    theoryLevel: r.theory_level,
    citizenId: r.citizen_id,
    partyCard: r.party_card ?? '',
    phone: r.phone,
    notes: r.notes,
    mergedIntoId: r.merged_into_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toRow(p: Person): PersonRow {
  return {
    id: p.id,
    fullName: p.fullName,
    familyAndMiddle: p.familyAndMiddle,
    given: p.given,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicityName: p.ethnicityName,
    partyStatus: p.partyStatus,
    unitName: p.unitName,
    communeName: p.communeName,
    position: p.position,
    workplace: p.workplace,
    citizenId: p.citizenId,
  };
}

function columns(p: PersonData, unitName: string | null, now: string) {
  return {
    family_and_middle: p.familyAndMiddle,
    given: p.given,
    name_key: foldText(`${p.familyAndMiddle} ${p.given}`),
    sort_key: personSortKey(p),
    search_text: searchText(p, unitName),
    sex: p.sex,
    birth_date: p.birthDate,
    birth_year: p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
    ethnicity_code: p.ethnicityCode,
    religion: p.religion,
    home_place: p.homePlace,
    commune_code: p.communeCode,
    workplace: p.workplace,
    position: p.position,
    party_status: p.partyStatus,
    admission_date: p.admissionDate,
    confirmation_date: p.confirmationDate,
    unit_id: p.unitId,
    education_level: p.educationLevel,
    theory_level: p.theoryLevel,
    citizen_id: p.citizenId,
    party_card: p.partyCard.replace(/[\s.]/g, '') || null,
    phone: p.phone,
    notes: p.notes,
    now,
  };
}

const COLS = `family_and_middle, given, name_key, sort_key, search_text, sex, birth_date, birth_year, ethnicity_code,
  religion, home_place, commune_code, workplace, position, party_status, admission_date, confirmation_date, unit_id,
  education_level, theory_level, citizen_id, party_card, phone, notes`;
const VALUES = COLS.split(',')
  .map((c) => `@${c.trim()}`)
  .join(', ');
const SETS = COLS.split(',')
  .map((c) => `${c.trim()} = @${c.trim()}`)
  .join(', ');

// The day in Vietnam of the write (`now` is an ISO instant in UTC), when a theory level is set or changed.
const LEVEL_DAY = "date(@now, '+7 hours')";

interface WriteOptions {
  deferIndex?: boolean;
  /** Sample data: levels written without a day, like records from before (counted in every year). */
  undatedLevels?: boolean;
}

/**
 * Writes people and keeps their place in list order and in the search index. Prepared once per
 * batch: imports and the sample-data generator insert many thousands of rows. `deferIndex` leaves
 * ranks and search to one rebuildSearchIndex() at the end of a bulk load.
 */
function personWriter(db: Database, options: WriteOptions = {}) {
  const insert = cachedStatement(
    db,
    `INSERT INTO people (${COLS}, theory_level_since, created_at, updated_at)
     VALUES (${VALUES}, CASE WHEN @theory_level IS NULL OR @undated THEN NULL ELSE ${LEVEL_DAY} END, @now, @now)`,
  );
  // The level's day moves only when the level itself changes: editing a phone number must not make a
  // level held for years count from today. SET reads the row as it was, so theory_level is the old one.
  const update = cachedStatement(
    db,
    `UPDATE people SET ${SETS},
       theory_level_since = CASE WHEN theory_level IS @theory_level THEN theory_level_since WHEN @theory_level IS NULL THEN NULL ELSE ${LEVEL_DAY} END,
       updated_at = @now WHERE id = @id`,
  );
  const undated = options.undatedLevels ? 1 : 0;
  const current = cachedStatement(db, 'SELECT sort_key, search_text, merged_into_id FROM people WHERE id = ?');
  const setMerged = cachedStatement(db, 'UPDATE people SET merged_into_id = ?, updated_at = ? WHERE id = ?');
  const setSearchText = cachedStatement(db, 'UPDATE people SET search_text = ? WHERE id = ?');
  const index = searchIndex(db);
  return {
    insert(p: PersonData, unitName: string | null, now: string): number {
      const id = Number(insert.run({ ...columns(p, unitName, now), undated }).lastInsertRowid);
      if (!options.deferIndex) index.add(id);
      return id;
    },
    update(id: number, p: PersonData, unitName: string | null, now: string): void {
      const old = current.get(id) as { sort_key: string; search_text: string; merged_into_id: number | null };
      const cols = columns(p, unitName, now);
      const active = old.merged_into_id === null;
      if (active && old.sort_key !== cols.sort_key) index.remove(id);
      update.run({ ...cols, id });
      if (!active) return;
      if (old.sort_key !== cols.sort_key) index.add(id);
      else index.reindex(id, old.search_text, cols.search_text);
    },
    /** A merged record leaves the list and the search; undo brings it back. */
    setMergedInto(id: number, mergedInto: number | null, now: string): void {
      if (mergedInto !== null) index.remove(id);
      setMerged.run(mergedInto, now, id);
      if (mergedInto === null) index.add(id);
    },
    setSearchText(id: number, text: string): void {
      const old = current.get(id) as { search_text: string; merged_into_id: number | null };
      setSearchText.run(text, id);
      if (old.merged_into_id === null) index.reindex(id, old.search_text, text);
    },
    flush: index.flush,
  };
}

export type PersonWriter = Omit<ReturnType<typeof personWriter>, 'flush'>;

/**
 * The one way to write people: the batch's search-index changes are applied when `work` returns,
 * inside the caller's transaction.
 */
export function writePeople<T>(db: Database, work: (writer: PersonWriter) => T, options: WriteOptions = {}): T {
  const writer = personWriter(db, options);
  const result = work(writer);
  writer.flush();
  bumpRegistryVersion(db);
  return result;
}

/**
 * A counter moved by every write to people or units, so work prepared earlier (an import checked
 * before a merge) can tell that the registry changed underneath it.
 */
export function bumpRegistryVersion(db: Database): void {
  cachedStatement(
    db,
    "INSERT INTO settings (key, value) VALUES ('registry_version', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
  ).run();
}

export function registryVersion(db: Database): string {
  return (
    (cachedStatement(db, "SELECT value FROM settings WHERE key = 'registry_version'").get() as { value: string } | undefined)?.value ?? '0'
  );
}

export function readPerson(db: Database, id: number): Person | null {
  const row = cachedStatement(db, `${PERSON_SELECT} WHERE p.id = ?`).get(id) as PersonDbRow | undefined;
  return row ? toPerson(row) : null;
}

/** Many people by id, read 500 at a time; the map holds those found. */
export function readPeople(db: Database, ids: readonly number[]): Map<number, Person> {
  const out = new Map<number, Person>();
  const select = cachedStatement(db, `${PERSON_SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of select.all(JSON.stringify(ids.slice(i, i + 500))) as PersonDbRow[]) out.set(r.id, toPerson(r));
  }
  return out;
}

/** The active person other than `selfId` who holds this citizen ID, if any. */
export function citizenIdHolder(
  db: Database,
  citizenId: string,
  selfId: number | null,
): { id: number; name: string; birth_date: string | null } | undefined {
  return cachedStatement(
    db,
    "SELECT id, family_and_middle || ' ' || given AS name, birth_date FROM people WHERE citizen_id = ? AND merged_into_id IS NULL AND id IS NOT ?",
  ).get(citizenId, selfId) as { id: number; name: string; birth_date: string | null } | undefined;
}
