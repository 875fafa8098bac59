import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readSetting, writeSetting } from '../db/settings';
import { cachedStatement } from '../db/statements';

/** The SQL of copies off the PC: when the last one was made, how often to remind, and the copy itself. */

const LAST_AT = 'offsite_last_at';
const REMINDER = 'offsite_reminder_days';

export function offsiteSettings(db: Database): { lastAt: string | null; reminderDays: string | null } {
  return { lastAt: readSetting(db, LAST_AT), reminderDays: readSetting(db, REMINDER) };
}

export function setReminderDays(db: Database, days: number): void {
  writeSetting(db, REMINDER, String(days));
}

export function markOffsiteCopy(db: Database, at: string): void {
  writeSetting(db, LAST_AT, at);
}

/** One consistent copy of the open database, written under the same key. */
export function copyDatabaseInto(db: Database, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** Whether the database holds anyone: a backup from another centre may only replace an empty one. */
export function holdsPeople(db: Database): boolean {
  return cachedStatement(db, 'SELECT 1 FROM people LIMIT 1').get() !== undefined;
}
