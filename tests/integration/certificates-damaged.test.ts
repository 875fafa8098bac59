import { describe, expect, it } from 'vitest';
import { makeDemo } from '../fixtures/demo';
import { invoke, ok, tempDir } from './helpers';

const THIS_YEAR = new Date().getFullYear();

/**
 * Old sample databases hold certificates the app never wrote: `printed_json '{}'` and code '-'.
 * They must not take a register down, and the clerk can have them rebuilt, once, on the record.
 */
describe('damaged certificate rows', () => {
  it('are listed and marked, shown with today’s records, repaired on request and then verify; a second repair changes nothing', async () => {
    const { core } = await makeDemo(tempDir(), { people: 200, years: 1, thisYear: THIS_YEAR });
    try {
      const year = THIS_YEAR - 1;
      const whole = await ok(core, 'certificates.register', { year });
      expect(whole.length).toBeGreaterThan(20);
      expect(whole.every((c) => c.damage === null)).toBe(true);

      // As the previous demo generator wrote them, for every other row.
      const damagedIds = whole.filter((_, i) => i % 2 === 0).map((c) => c.id);
      const wreck = core.db.prepare("UPDATE certificates SET printed_json = '{}', verification_code = '-' WHERE id = ?");
      for (const id of damagedIds) wreck.run(id);
      const vandalised = core.db.prepare("UPDATE certificates SET printed_json = 'not json' WHERE id = ?");
      vandalised.run(whole[1]!.id);
      damagedIds.push(whole[1]!.id);
      // A snapshot from before a field existed keeps everything it has, even where today's record differs.
      const older = whole[3]!;
      const { issuingBody: _dropped, ...withoutHeader } = older.printed;
      core.db
        .prepare('UPDATE certificates SET printed_json = ? WHERE id = ?')
        .run(JSON.stringify({ ...withoutHeader, unitName: 'Chi bộ cũ (trước khi đổi tên)' }), older.id);
      damagedIds.push(older.id);
      // A code in the right shape that this centre never signed is not "repaired" into looking genuine.
      const forged = whole[5]!;
      core.db
        .prepare("UPDATE certificates SET printed_json = '{}', verification_code = ? WHERE id = ?")
        .run(whole[7]!.verificationCode, forged.id);
      damagedIds.push(forged.id);

      const listed = await ok(core, 'certificates.register', { year });
      expect(listed.map((c) => c.id)).toEqual(whole.map((c) => c.id));
      const marked = listed.filter((c) => c.damage !== null);
      expect(marked.map((c) => c.id).sort((a, b) => a - b)).toEqual([...damagedIds].sort((a, b) => a - b));
      expect(marked[0]!.damage).toMatch(/^Bản ghi hỏng: thiếu nội dung in trên giấy.*không có mã xác thực/);
      // Shown with the person's and class's records as they are today: the same words the issue wrote.
      const original = new Map(whole.map((c) => [c.id, c]));
      for (const c of marked) {
        expect(c.printed.fullName).toBe(original.get(c.id)!.printed.fullName);
        expect(c.printed.className).toBe(original.get(c.id)!.printed.className);
      }
      // The class's tab and the verification of an untouched certificate work meanwhile.
      await ok(core, 'certificates.ofClass', { classId: marked[0]!.classId });
      expect((await ok(core, 'certificates.verify', { code: listed.find((c) => c.damage === null)!.verificationCode })).status).toBe(
        'genuine',
      );
      // Nothing was rewritten by reading.
      expect(
        (core.db.prepare('SELECT printed_json FROM certificates WHERE id = ?').get(damagedIds[0]) as { printed_json: string }).printed_json,
      ).toBe('{}');

      const auditBefore = (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      // Another year's damaged row is not touched by this year's repair.
      const otherYear = (await ok(core, 'certificates.register', { year: year - 1 }))[0];
      if (otherYear) core.db.prepare("UPDATE certificates SET printed_json = '{}' WHERE id = ?").run(otherYear.id);

      const repaired = await ok(core, 'certificates.repair', { year });
      const fixable = damagedIds.filter((id) => id !== forged.id);
      expect(repaired.repaired).toBe(fixable.length);
      expect(repaired.skipped).toEqual([
        { serial: forged.serial, reason: 'mã xác thực đã lưu không khớp chữ ký hoặc số giấy của trung tâm' },
      ]);
      expect((core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore + fixable.length);

      const after = await ok(core, 'certificates.register', { year });
      expect(after.filter((c) => c.damage !== null).map((c) => c.id)).toEqual([forged.id]);
      for (const id of fixable) {
        const c = after.find((x) => x.id === id)!;
        expect(c.printed).toEqual(
          id === older.id ? { ...original.get(id)!.printed, unitName: 'Chi bộ cũ (trước khi đổi tên)' } : original.get(id)!.printed,
        );
        const v = await ok(core, 'certificates.verify', { code: c.verificationCode });
        expect([v.status, v.certificate?.id]).toEqual(['genuine', id]);
      }
      if (otherYear) {
        expect(
          (core.db.prepare('SELECT printed_json FROM certificates WHERE id = ?').get(otherYear.id) as { printed_json: string })
            .printed_json,
        ).toBe('{}');
      }
      // A damaged row cannot be printed.
      const print = await invoke(core, 'certificates.preview', { certificateIds: [forged.id] });
      expect(print).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
      // Revoking a repaired certificate is answered and shows in the register.
      const revoked = await ok(core, 'certificates.revoke', { certificateId: damagedIds[0]!, reason: 'Cấp nhầm' });
      expect(revoked.status).toBe('revoked');

      expect(await ok(core, 'certificates.repair', { year })).toEqual({ repaired: 0, serials: [], skipped: repaired.skipped });
    } finally {
      core.close();
    }
  }, 60_000);
});
