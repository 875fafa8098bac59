import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeUserName } from '../../electron/core/db/start-checks';
import { blankPerson, refusal } from '../fixtures/builders';
import { ok, startCore, tempDir } from './helpers';

const person = (given: string) =>
  ({ ...blankPerson, familyAndMiddle: 'Nguyễn Thị', given, sex: 'nu', birthDate: '1975', ethnicityCode: '01' }) as const;

describe("the clerk's name as the actor of every change", () => {
  it('records the OS account until a name is set, then the name (kept in the database, so a restart keeps it)', async () => {
    const dir = tempDir();
    let core = await startCore(dir);
    expect((await ok(core, 'app.status', {})).clerkName).toBeNull();
    const a = await ok(core, 'learners.save', person('Hằng'));
    const actorOf = (entityId: number) =>
      (
        core.db
          .prepare("SELECT actor FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY id DESC LIMIT 1")
          .get(String(entityId)) as { actor: string }
      ).actor;
    expect(actorOf(a.id)).toBe(safeUserName());

    expect(await refusal(core, 'app.setClerkName', { name: '   ' })).toMatchObject({ fields: { name: 'Không được để trống' } });
    expect(await refusal(core, 'app.setClerkName', { name: '12345' })).toMatchObject({
      fields: { name: 'Hãy gõ họ và tên người đang dùng máy' },
    });
    expect((await ok(core, 'app.status', {})).clerkName).toBeNull();

    const status = await ok(core, 'app.setClerkName', { name: '  Phạm Thị Thư ' });
    expect(status.clerkName).toBe('Phạm Thị Thư');
    const b = await ok(core, 'learners.save', person('Hằng'));
    expect(actorOf(b.id)).toBe('Phạm Thị Thư');
    const merged = await ok(core, 'learners.merge', { keepId: a.id, removeId: b.id });
    expect((await ok(core, 'learners.merges', {})).find((m) => m.id === merged.mergeId)?.actor).toBe('Phạm Thị Thư');

    core.close();
    core = await startCore(dir);
    expect((await ok(core, 'app.status', {})).clerkName).toBe('Phạm Thị Thư');
    await ok(core, 'app.setClerkName', { name: 'Lê Văn Tâm' });
    const c = await ok(core, 'learners.save', person('Lan'));
    expect(actorOf(c.id)).toBe('Lê Văn Tâm');
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
