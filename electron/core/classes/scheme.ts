/**
 * A class's assessment scheme (components, weights, bands, absence and retake limits). It is copied
 * from the program when the first attendance, score or discipline note is written, so a program
 * edited later leaves old results alone. Reading never freezes it: until then it is the program's.
 */
import type { Scheme } from '../../../shared/domain/eligibility';
import type { AppCore } from '../app-core';

function programScheme(ctx: AppCore, programId: number): Scheme {
  const p = ctx.db.prepare('SELECT max_absence_pct, max_retakes FROM programs WHERE id = ?').get(programId) as {
    max_absence_pct: number;
    max_retakes: number;
  };
  return {
    components: ctx.db
      .prepare('SELECT name, weight FROM program_components WHERE program_id = ? ORDER BY position')
      .all(programId) as Scheme['components'],
    bands: ctx.db
      .prepare('SELECT label, min_tenths AS min, max_tenths AS max FROM program_bands WHERE program_id = ? ORDER BY position')
      .all(programId) as Scheme['bands'],
    maxAbsencePct: p.max_absence_pct,
    maxRetakes: p.max_retakes,
  };
}

function stored(ctx: AppCore, classId: number): { scheme: Scheme | null; programId: number } {
  const row = ctx.db.prepare('SELECT scheme_json, program_id FROM classes WHERE id = ?').get(classId) as {
    scheme_json: string | null;
    program_id: number;
  };
  return { scheme: row.scheme_json ? (JSON.parse(row.scheme_json) as Scheme) : null, programId: row.program_id };
}

export function classScheme(ctx: AppCore, classId: number): Scheme {
  const { scheme, programId } = stored(ctx, classId);
  return scheme ?? programScheme(ctx, programId);
}

/** Called by the writes that record results, inside their transaction. */
export function freezeClassScheme(ctx: AppCore, classId: number): Scheme {
  const { scheme, programId } = stored(ctx, classId);
  if (scheme) return scheme;
  const frozen = programScheme(ctx, programId);
  ctx.db.prepare('UPDATE classes SET scheme_json = ? WHERE id = ?').run(JSON.stringify(frozen), classId);
  return frozen;
}
