import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Unit } from '../../../shared/contract/units';
import { personData } from '../../../shared/domain/person-record';
import { foldText } from '../../../shared/domain/text';
import { cachedStatement } from '../db/statements';
import { bumpRegistryVersion, PERSON_SELECT, toPerson, writePeople, type PersonDbRow } from '../learners/person-store';
import { searchText } from '../learners/search-document';
import { communeByCode } from '../reference/communes';

interface UnitRow {
  id: number;
  name: string;
  kind: Unit['kind'];
  parent_id: number | null;
  parent_name: string | null;
  commune_code: string | null;
  merged_into_id: number | null;
  merged_into_name: string | null;
  archived_at: string | null;
  member_count: number;
}

const SELECT = `SELECT u.*, p.name AS parent_name, m.name AS merged_into_name,
  (SELECT count(*) FROM people x WHERE x.unit_id = u.id AND x.merged_into_id IS NULL) AS member_count
  FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN units m ON m.id = u.merged_into_id`;

type FormerNames = Unit['formerNames'];

/** The former names of the given units (all units when `ids` is null), each unit's newest first: one read for a whole list. */
function formerNamesOf(db: Database, ids: number[] | null): Map<number, FormerNames> {
  const rows = cachedStatement(
    db,
    `SELECT unit_id, name, valid_to AS validTo FROM unit_names
     WHERE ? OR unit_id IN (SELECT value FROM json_each(?)) ORDER BY unit_id, valid_to DESC`,
  ).all(ids === null ? 1 : 0, JSON.stringify(ids ?? [])) as { unit_id: number; name: string; validTo: string }[];
  const out = new Map<number, FormerNames>();
  for (const r of rows) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), { name: r.name, validTo: r.validTo }]);
  return out;
}

function toUnit(r: UnitRow, formerNames: FormerNames): Unit {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    parentName: r.parent_name,
    communeCode: r.commune_code,
    communeName: communeByCode(r.commune_code)?.name ?? null,
    mergedIntoId: r.merged_into_id,
    mergedIntoName: r.merged_into_name,
    archivedAt: r.archived_at,
    formerNames,
    memberCount: r.member_count,
  };
}

export function readUnit(db: Database, id: number): Unit | null {
  const r = cachedStatement(db, `${SELECT} WHERE u.id = ?`).get(id) as UnitRow | undefined;
  return r ? toUnit(r, formerNamesOf(db, [id]).get(id) ?? []) : null;
}

/** The units with their group's name (a cell's base organisation, else its own) for ordering. */
export function listUnits(db: Database, includeArchived: boolean): (Unit & { groupName: string })[] {
  const rows = cachedStatement(db, `${SELECT} WHERE ? OR u.archived_at IS NULL`).all(includeArchived ? 1 : 0) as UnitRow[];
  const names = formerNamesOf(db, null);
  return rows.map((r) => ({ ...toUnit(r, names.get(r.id) ?? []), groupName: r.parent_name ?? r.name }));
}

export function unitNameOf(db: Database, unitId: number | null): string | null {
  if (unitId === null) return null;
  return (cachedStatement(db, 'SELECT name FROM units WHERE id = ?').get(unitId) as { name: string } | undefined)?.name ?? null;
}

export function unitState(db: Database, unitId: number): { kind: string; archivedAt: string | null } | null {
  const r = cachedStatement(db, 'SELECT kind, archived_at FROM units WHERE id = ?').get(unitId) as
    { kind: string; archived_at: string | null } | undefined;
  return r ? { kind: r.kind, archivedAt: r.archived_at } : null;
}

/** Another active unit already named so (folded), if any. */
export function unitNameTaken(db: Database, nameKey: string, selfId: number | null): boolean {
  return (
    cachedStatement(db, 'SELECT id FROM units WHERE name_key = ? AND id IS NOT ? AND archived_at IS NULL').get(nameKey, selfId) !==
    undefined
  );
}

export function activeChildCount(db: Database, unitId: number): number {
  return (cachedStatement(db, 'SELECT count(*) AS n FROM units WHERE parent_id = ? AND archived_at IS NULL').get(unitId) as { n: number })
    .n;
}

/** The unit a name refers to, today: current names first, then former names, following merges. */
export function findUnitByName(db: Database, name: string): number | null {
  const key = foldText(name);
  if (!key) return null;
  let row = cachedStatement(db, 'SELECT id FROM units WHERE name_key = ? ORDER BY archived_at IS NOT NULL, id LIMIT 1').get(key) as
    { id: number } | undefined;
  row ??= cachedStatement(db, 'SELECT unit_id AS id FROM unit_names WHERE name_key = ? ORDER BY valid_to DESC LIMIT 1').get(key) as
    { id: number } | undefined;
  if (!row) return null;
  return followMerges(db, row.id);
}

export function followMerges(db: Database, unitId: number): number {
  let id = unitId;
  for (let hops = 0; hops < 20; hops++) {
    const next = (cachedStatement(db, 'SELECT merged_into_id AS m FROM units WHERE id = ?').get(id) as { m: number | null } | undefined)?.m;
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
    cachedStatement(
      db,
      `INSERT INTO units (name, name_key, kind, parent_id, commune_code, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(name, foldText(name), kind, parentId, communeCode, now, now).lastInsertRowid,
  );
}

export function updateUnit(
  db: Database,
  id: number,
  u: { name: string; kind: string; parentId: number | null; communeCode: string | null },
  now: string,
): void {
  cachedStatement(
    db,
    'UPDATE units SET name = ?, name_key = ?, kind = ?, parent_id = ?, commune_code = ?, updated_at = ? WHERE id = ?',
  ).run(u.name, foldText(u.name), u.kind, u.parentId, u.communeCode, now, id);
  bumpRegistryVersion(db);
}

/** The old name stays findable (old lists, history) and is shown under the unit. */
export function addFormerName(db: Database, unitId: number, name: string, validTo: string): void {
  cachedStatement(db, 'INSERT INTO unit_names (unit_id, name, name_key, valid_to) VALUES (?, ?, ?, ?)').run(
    unitId,
    name,
    foldText(name),
    validTo,
  );
}

export function setUnitArchived(db: Database, id: number, archivedAt: string | null, now: string): void {
  bumpRegistryVersion(db);
  cachedStatement(db, 'UPDATE units SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, now, id);
}

/**
 * The registry side of a merge: members move to `intoId`, cells of the merged unit to `newParentId`, and the
 * merged unit is archived pointing at the one it joined. Returns how many people moved.
 */
export function mergeUnitRows(
  db: Database,
  fromId: number,
  intoId: number,
  newParentId: number | null,
  archivedAt: string,
  now: string,
): number {
  const moved = cachedStatement(db, 'UPDATE people SET unit_id = ?, updated_at = ? WHERE unit_id = ?').run(intoId, now, fromId).changes;
  cachedStatement(db, 'UPDATE units SET parent_id = ? WHERE parent_id = ?').run(newParentId, fromId);
  cachedStatement(db, 'UPDATE units SET merged_into_id = ?, archived_at = ?, updated_at = ? WHERE id = ?').run(
    intoId,
    archivedAt,
    now,
    fromId,
  );
  bumpRegistryVersion(db);
  return moved;
}

export type TheoryTargetRow = { id: number; year: number; group_id: number | null; min_level: string; percent: number };

export function theoryTargetsOf(db: Database, baseUnitId: number): TheoryTargetRow[] {
  return cachedStatement(db, 'SELECT id, year, group_id, min_level, percent FROM theory_targets WHERE base_unit_id = ?').all(
    baseUnitId,
  ) as TheoryTargetRow[];
}

/** The target of `baseUnitId` for the same scope (year, group, level) as `t`, if it has one. */
export function sameScopeTarget(db: Database, baseUnitId: number, t: TheoryTargetRow): { id: number; percent: number } | undefined {
  return cachedStatement(
    db,
    'SELECT id, percent FROM theory_targets WHERE base_unit_id = ? AND year = ? AND group_id IS ? AND min_level = ?',
  ).get(baseUnitId, t.year, t.group_id, t.min_level) as { id: number; percent: number } | undefined;
}

export function deleteTheoryTarget(db: Database, id: number): void {
  cachedStatement(db, 'DELETE FROM theory_targets WHERE id = ?').run(id);
}

export function moveTheoryTarget(db: Database, id: number, baseUnitId: number, now: string): void {
  cachedStatement(db, 'UPDATE theory_targets SET base_unit_id = ?, updated_at = ? WHERE id = ?').run(baseUnitId, now, id);
}

/** Members are found by their unit's name, so a rename or a merge rewrites their search words. */
export function refreshMemberSearchText(db: Database, unitId: number): void {
  const unit = unitNameOf(db, unitId);
  const rows = cachedStatement(db, `${PERSON_SELECT} WHERE p.unit_id = ?`).all(unitId) as PersonDbRow[];
  writePeople(db, (w) => {
    for (const r of rows) w.setSearchText(r.id, searchText(personData(toPerson(r)), unit));
  });
}
