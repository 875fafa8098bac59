import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';

/** An active person a list row may be: what the match needs and shows. */
export interface Candidate {
  id: number;
  family_and_middle: string;
  given: string;
  birth_date: string | null;
  citizen_id: string | null;
  unit_id: number | null;
  unit_name: string | null;
}

const CANDIDATE_SELECT = `SELECT p.id, p.family_and_middle, p.given, p.birth_date, p.citizen_id, p.unit_id, u.name AS unit_name
  FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.merged_into_id IS NULL`;

const candidate = (db: Database, where: string, ...params: unknown[]) =>
  cachedStatement(db, `${CANDIDATE_SELECT} ${where}`).get(...params) as Candidate | undefined;

export const candidateByCitizenId = (db: Database, citizenId: string) => candidate(db, 'AND p.citizen_id = ?', citizenId);

export const candidateByNameAndDate = (db: Database, nameKey: string, birthDate: string) =>
  candidate(db, 'AND p.name_key = ? AND p.birth_date = ? LIMIT 1', nameKey, birthDate);

export const candidateByNameDateAndUnit = (db: Database, nameKey: string, birthDate: string, unitId: number) =>
  candidate(db, 'AND p.name_key = ? AND p.birth_date = ? AND p.unit_id = ? LIMIT 1', nameKey, birthDate, unitId);

/** The same name and birth year, one in the given unit first. */
export const candidateByNameAndYear = (db: Database, nameKey: string, year: number, unitId: number | null) =>
  candidate(db, 'AND p.name_key = ? AND p.birth_year = ? ORDER BY (p.unit_id IS ?) DESC LIMIT 1', nameKey, year, unitId);

export function readSetting(db: Database, key: string): string | null {
  return (cachedStatement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

/** Writes a setting, or removes it when `value` is null. */
export function writeSetting(db: Database, key: string, value: string | null): void {
  if (value === null) cachedStatement(db, 'DELETE FROM settings WHERE key = ?').run(key);
  else {
    cachedStatement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }
}

export function deleteSettingsStartingWith(db: Database, prefix: string): void {
  cachedStatement(db, 'DELETE FROM settings WHERE key LIKE ?').run(`${prefix}%`);
}
