import type { AppCore } from './app-core';
import { cachedStatement } from './db/statements';

export interface AuditEntry {
  action: 'create' | 'update' | 'archive' | 'unarchive' | 'restore' | 'delete';
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

/** Who, when, what, before and after: called inside the transaction of the change it records. */
export function audit(ctx: AppCore, entry: AuditEntry): void {
  cachedStatement(
    ctx.db,
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ctx.now().toISOString(),
    ctx.actor,
    entry.action,
    entry.entity,
    entry.entityId === null ? null : String(entry.entityId),
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    entry.reason ?? null,
  );
}
