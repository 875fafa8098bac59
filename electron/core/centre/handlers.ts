import type { CentreState, centreChannels } from '../../../shared/contract/centre';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import type { Handlers } from '../handler';
import { centreHistory, centreProfileAt, insertVersion, updateVersion, versionFrom, type ProfileData } from './store';

function state(ctx: AppCore): CentreState {
  const history = centreHistory(ctx.db);
  return { current: history[history.length - 1] ?? null, history };
}

function save(ctx: AppCore, input: ProfileData): CentreState {
  ctx.db.transaction(() => {
    const existing = versionFrom(ctx.db, input.validFrom);
    const now = ctx.now().toISOString();
    if (existing) {
      updateVersion(ctx.db, input, now);
      audit(ctx, { action: 'update', entity: 'centre_profile', entityId: existing.id, before: existing, after: input });
    } else {
      const id = insertVersion(ctx.db, input, now);
      audit(ctx, { action: 'create', entity: 'centre_profile', entityId: id, after: input });
    }
  })();
  return state(ctx);
}

export const centreHandlers: Handlers<typeof centreChannels> = {
  'centre.get': (ctx) => state(ctx),
  'centre.save': (ctx, input) => save(ctx, input),
  'centre.profileAt': (ctx, input) => centreProfileAt(ctx.db, input.date),
};
