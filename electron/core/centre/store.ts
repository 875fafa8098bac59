import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { leaderSchema, type centreProfileInput, type CentreVersion } from '../../../shared/contract/centre';
import { cachedStatement } from '../db/statements';
import type { IssuingBody } from '../documents/party-document';

/** All SQL of the centre's profile: its dated versions, oldest first. */

export type ProfileData = z.output<typeof centreProfileInput>;

interface Row {
  id: number;
  valid_from: string;
  name: string;
  superior: string;
  doc_code: string;
  place_name: string;
  address: string;
  phone: string;
  director_json: string;
  deputies_json: string;
  area_communes_json: string;
  area_party_orgs_json: string;
  updated_at: string;
}

const stringList = z.array(z.string());

function fromRow(row: Row, validTo: string | null): CentreVersion {
  return {
    id: row.id,
    validFrom: row.valid_from,
    validTo,
    name: row.name,
    superior: row.superior,
    docCode: row.doc_code,
    placeName: row.place_name,
    address: row.address,
    phone: row.phone,
    director: leaderSchema.parse(JSON.parse(row.director_json)),
    deputies: z.array(leaderSchema).parse(JSON.parse(row.deputies_json)),
    areaCommunes: stringList.parse(JSON.parse(row.area_communes_json)),
    areaPartyOrgs: stringList.parse(JSON.parse(row.area_party_orgs_json)),
    updatedAt: row.updated_at,
  };
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Oldest first; each version is valid until the day before the next one starts. */
export function centreHistory(db: Database): CentreVersion[] {
  const rows = cachedStatement<[], Row>(db, 'SELECT * FROM centre_profiles ORDER BY valid_from').all();
  return rows.map((row, i) => fromRow(row, rows[i + 1] ? dayBefore(rows[i + 1]!.valid_from) : null));
}

/** The profile valid on a date: documents print the header that held when they were issued. */
export function centreProfileAt(db: Database, date: string): CentreVersion | null {
  return centreHistory(db).find((v) => v.validFrom <= date && (v.validTo === null || date <= v.validTo)) ?? null;
}

/** The header and signature a Party document issued on a date prints: the version valid that day. */
export function issuingBodyAt(db: Database, date: string): IssuingBody | null {
  const p = centreProfileAt(db, date);
  if (!p) return null;
  return {
    superior: p.superior,
    centreName: p.name,
    docCode: p.docCode,
    placeName: p.placeName,
    directorName: p.director.name,
    directorTitle: p.director.title,
  };
}

/** The name of the latest version, as the status line and the backups show it. */
export function currentCentreName(db: Database): string | null {
  const row = cachedStatement<[], { name: string }>(db, 'SELECT name FROM centre_profiles ORDER BY valid_from DESC LIMIT 1').get();
  return row?.name ?? null;
}

/** The version starting on this day, if there is one: a save on the same day replaces it. */
export function versionFrom(db: Database, validFrom: string): CentreVersion | null {
  const row = cachedStatement<[string], Row>(db, 'SELECT * FROM centre_profiles WHERE valid_from = ?').get(validFrom);
  return row ? fromRow(row, null) : null;
}

function columns(input: ProfileData, now: string) {
  return {
    valid_from: input.validFrom,
    name: input.name,
    superior: input.superior,
    doc_code: input.docCode,
    place_name: input.placeName,
    address: input.address,
    phone: input.phone,
    director_json: JSON.stringify(input.director),
    deputies_json: JSON.stringify(input.deputies),
    area_communes_json: JSON.stringify(input.areaCommunes),
    area_party_orgs_json: JSON.stringify(input.areaPartyOrgs),
    now,
  };
}

/** Replaces the version starting on input.validFrom. */
export function updateVersion(db: Database, input: ProfileData, now: string): void {
  cachedStatement(
    db,
    `UPDATE centre_profiles SET name = @name, superior = @superior, doc_code = @doc_code, place_name = @place_name,
         address = @address, phone = @phone, director_json = @director_json, deputies_json = @deputies_json,
         area_communes_json = @area_communes_json, area_party_orgs_json = @area_party_orgs_json, updated_at = @now
       WHERE valid_from = @valid_from`,
  ).run(columns(input, now));
}

export function insertVersion(db: Database, input: ProfileData, now: string): number {
  return Number(
    cachedStatement(
      db,
      `INSERT INTO centre_profiles (valid_from, name, superior, doc_code, place_name, address, phone, director_json,
         deputies_json, area_communes_json, area_party_orgs_json, created_at, updated_at)
       VALUES (@valid_from, @name, @superior, @doc_code, @place_name, @address, @phone, @director_json,
         @deputies_json, @area_communes_json, @area_party_orgs_json, @now, @now)`,
    ).run(columns(input, now)).lastInsertRowid,
  );
}
