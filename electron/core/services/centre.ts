import { z } from 'zod';
import {
  leaderSchema,
  type centreProfileInput,
  type CentreState,
  type CentreVersion,
  type centreChannels,
} from '../../../shared/contract/centre';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import type { Handlers } from '../handler';

type ProfileData = z.output<typeof centreProfileInput>;

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
export function centreHistory(ctx: AppCore): CentreVersion[] {
  const rows = ctx.db.prepare('SELECT * FROM centre_profiles ORDER BY valid_from').all() as Row[];
  return rows.map((row, i) => fromRow(row, rows[i + 1] ? dayBefore(rows[i + 1]!.valid_from) : null));
}

function state(ctx: AppCore): CentreState {
  const history = centreHistory(ctx);
  return { current: history[history.length - 1] ?? null, history };
}

/** The profile valid on a date: documents print the header that held when they were issued. */
export function centreProfileAt(ctx: AppCore, date: string): CentreVersion | null {
  return centreHistory(ctx).find((v) => v.validFrom <= date && (v.validTo === null || date <= v.validTo)) ?? null;
}

function save(ctx: AppCore, input: ProfileData): CentreState {
  const now = ctx.now().toISOString();
  const values = {
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
  ctx.db.transaction(() => {
    const existing = ctx.db.prepare('SELECT * FROM centre_profiles WHERE valid_from = ?').get(input.validFrom) as Row | undefined;
    if (existing) {
      ctx.db
        .prepare(
          `UPDATE centre_profiles SET name = @name, superior = @superior, doc_code = @doc_code, place_name = @place_name,
             address = @address, phone = @phone, director_json = @director_json, deputies_json = @deputies_json,
             area_communes_json = @area_communes_json, area_party_orgs_json = @area_party_orgs_json, updated_at = @now
           WHERE valid_from = @valid_from`,
        )
        .run(values);
      audit(ctx, { action: 'update', entity: 'centre_profile', entityId: existing.id, before: fromRow(existing, null), after: input });
    } else {
      const id = ctx.db
        .prepare(
          `INSERT INTO centre_profiles (valid_from, name, superior, doc_code, place_name, address, phone, director_json,
             deputies_json, area_communes_json, area_party_orgs_json, created_at, updated_at)
           VALUES (@valid_from, @name, @superior, @doc_code, @place_name, @address, @phone, @director_json,
             @deputies_json, @area_communes_json, @area_party_orgs_json, @now, @now)`,
        )
        .run(values).lastInsertRowid;
      audit(ctx, { action: 'create', entity: 'centre_profile', entityId: Number(id), after: input });
    }
  })();
  return state(ctx);
}

export const centreHandlers: Handlers<typeof centreChannels> = {
  'centre.get': (ctx) => state(ctx),
  'centre.save': (ctx, input) => save(ctx, input),
  'centre.profileAt': (ctx, input) => centreProfileAt(ctx, input.date),
};
