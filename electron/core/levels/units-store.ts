import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../db/statements';

/**
 * The Party units as the level report reads them: a person's base organisation is their unit when it
 * is one (tổ chức cơ sở đảng), else the cell's parent; merged units count under what they became.
 */

interface UnitRow {
  id: number;
  name: string;
  kind: 'base' | 'cell';
  parent_id: number | null;
  commune_code: string | null;
  merged_into_id: number | null;
}

export interface BaseUnit {
  id: number;
  name: string;
  communeCode: string | null;
}

export interface UnitMap {
  /** The base organisation of a person's unit, or null when it has none (a cell without a parent). */
  baseOf(unitId: number | null): BaseUnit | null;
  get(id: number): BaseUnit | null;
}

export function loadUnits(db: Database): UnitMap {
  const rows = new Map(
    cachedStatement<[], UnitRow>(db, 'SELECT id, name, kind, parent_id, commune_code, merged_into_id FROM units')
      .all()
      .map((u) => [u.id, u]),
  );
  const current = (id: number | null): UnitRow | null => {
    let u = id === null ? undefined : rows.get(id);
    for (let hops = 0; u?.merged_into_id && hops < 20; hops++) u = rows.get(u.merged_into_id);
    return u ?? null;
  };
  const cache = new Map<number, BaseUnit | null>();
  const asBase = (u: UnitRow | null): BaseUnit | null => (u ? { id: u.id, name: u.name, communeCode: u.commune_code } : null);
  return {
    baseOf(unitId) {
      if (unitId === null) return null;
      let hit = cache.get(unitId);
      if (hit === undefined) {
        const u = current(unitId);
        hit = !u ? null : u.kind === 'base' ? asBase(u) : asBase(current(u.parent_id));
        cache.set(unitId, hit);
      }
      return hit;
    },
    get: (id) => asBase(current(id)),
  };
}

/** A base organisation by id, as the target editor checks it: null when unknown or not a base organisation. */
export function baseUnitById(db: Database, id: number): { id: number; name: string } | null {
  return (
    (cachedStatement(db, "SELECT id, name FROM units WHERE id = ? AND kind = 'base' AND merged_into_id IS NULL").get(id) as
      { id: number; name: string } | undefined) ?? null
  );
}
