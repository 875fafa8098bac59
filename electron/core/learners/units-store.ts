import type { Database } from 'better-sqlite3-multiple-ciphers';
import { foldText } from '../../../shared/domain/text';
import { bumpRegistryVersion, searchText, writePeople, type PersonDbRow, PERSON_SELECT, toPerson, toData } from './person-store';

/** The unit a name refers to, today: current names first, then former names, following merges. */
export function findUnitByName(db: Database, name: string): number | null {
  const key = foldText(name);
  if (!key) return null;
  let row = db.prepare('SELECT id FROM units WHERE name_key = ? ORDER BY archived_at IS NOT NULL, id LIMIT 1').get(key) as
    { id: number } | undefined;
  row ??= db.prepare('SELECT unit_id AS id FROM unit_names WHERE name_key = ? ORDER BY valid_to DESC LIMIT 1').get(key) as
    { id: number } | undefined;
  if (!row) return null;
  return followMerges(db, row.id);
}

export function followMerges(db: Database, unitId: number): number {
  let id = unitId;
  for (let hops = 0; hops < 20; hops++) {
    const next = (db.prepare('SELECT merged_into_id AS m FROM units WHERE id = ?').get(id) as { m: number | null } | undefined)?.m;
    if (!next) return id;
    id = next;
  }
  return id;
}

/** "Chi bộ …" is a cell, anything else (Đảng bộ, Đảng ủy …) a base organisation: a guess the clerk can change. */
export function guessUnitKind(name: string): 'base' | 'cell' {
  return /^chi bo\b/.test(foldText(name)) ? 'cell' : 'base';
}

export function insertUnit(
  db: Database,
  name: string,
  kind: 'base' | 'cell',
  parentId: number | null,
  communeCode: string | null,
  now: string,
): number {
  bumpRegistryVersion(db);
  return Number(
    db
      .prepare(
        `INSERT INTO units (name, name_key, kind, parent_id, commune_code, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(name, foldText(name), kind, parentId, communeCode, now, now).lastInsertRowid,
  );
}

/** Members are found by their unit's name, so a rename or a merge rewrites their search words. */
export function refreshMemberSearchText(db: Database, unitId: number): void {
  const unit = db.prepare('SELECT name FROM units WHERE id = ?').get(unitId) as { name: string } | undefined;
  const rows = db.prepare(`${PERSON_SELECT} WHERE p.unit_id = ?`).all(unitId) as PersonDbRow[];
  writePeople(db, (w) => {
    for (const r of rows) w.setSearchText(r.id, searchText(toData(toPerson(r)), unit?.name ?? null));
  });
}
