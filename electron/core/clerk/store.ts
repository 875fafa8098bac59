import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readSetting, writeSetting } from '../db/settings';

/**
 * The name of the clerk using the app, set in the app (the office PC often has one shared Windows account,
 * or "root" on a Linux box, which says nothing about who merged two people). It is kept in the database,
 * so a restored backup or another PC keeps it with the data it describes.
 */
const KEY = 'clerk_name';

export function readClerkName(db: Database): string | null {
  const name = readSetting(db, KEY)?.trim();
  return name ? name : null;
}

export function writeClerkName(db: Database, name: string): void {
  writeSetting(db, KEY, name.trim());
}
