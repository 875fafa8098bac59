/**
 * A class's assessment scheme (components, weights, bands, absence and retake limits). It is copied
 * from the program when the first attendance, score or discipline note is written, so a program
 * edited later leaves old results alone. Reading never freezes it: until then it is the program's.
 */
import type { Scheme } from '../../../shared/domain/eligibility';
import type { AppCore } from '../app-core';
import { programBands, programComponents, programFacts } from '../programs/store';
import { storedScheme, writeScheme } from './store';

function programScheme(ctx: AppCore, programId: number): Scheme {
  const p = programFacts(ctx.db, programId)!;
  return {
    components: programComponents(ctx.db, programId),
    bands: programBands(ctx.db, programId),
    maxAbsencePct: p.maxAbsencePct,
    maxRetakes: p.maxRetakes,
  };
}

export function classScheme(ctx: AppCore, classId: number): Scheme {
  const { scheme, programId } = storedScheme(ctx.db, classId);
  return scheme ?? programScheme(ctx, programId);
}

/** Called by the writes that record results, inside their transaction. */
export function freezeClassScheme(ctx: AppCore, classId: number): Scheme {
  const { scheme, programId } = storedScheme(ctx.db, classId);
  if (scheme) return scheme;
  const frozen = programScheme(ctx, programId);
  writeScheme(ctx.db, classId, frozen);
  return frozen;
}
