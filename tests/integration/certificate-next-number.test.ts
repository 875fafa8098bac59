import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { recognisedClass } from './certificate-class-fixture';
import { invoke, ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

/** Continuing a paper register: the clerk sets where a year's certificate numbers continue. */

const floorRows = (core: AppCore) =>
  core.db.prepare("SELECT key, value FROM settings WHERE key LIKE 'certificates.nextSeq.%' ORDER BY key").all();
const auditCount = (core: AppCore) =>
  (core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'settings'").get() as { n: number }).n;

describe('the next certificate number', () => {
  it('continues a paper register from the number set, through later issues and reissues', async () => {
    const core = await startCore();
    const { c, eid } = await recognisedClass(core);
    expect(await ok(core, 'certificates.nextNumber', { year: 2026 })).toEqual({
      year: 2026,
      yearly: true,
      nextSeq: 1,
      nextSerial: '1/2026/GCN',
      nextRegisterNo: '2026.0001',
      lastIssued: null,
      floor: null,
    });

    const set = await ok(core, 'certificates.setNextNumber', { year: 2026, nextSeq: 125 });
    expect(set).toMatchObject({ nextSeq: 125, nextSerial: '125/2026/GCN', nextRegisterNo: '2026.0125', floor: 125, lastIssued: null });
    const entry = core.db
      .prepare("SELECT entity_id, before_json, after_json, reason FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1")
      .get() as Record<string, string>;
    expect(entry.entity_id).toBe('certificates.nextSeq.2026');
    expect(JSON.parse(entry.before_json!)).toEqual({ floor: null, nextSerial: '1/2026/GCN' });
    expect(JSON.parse(entry.after_json!)).toEqual({ floor: 125, nextSerial: '125/2026/GCN' });

    // The class's certificates tab shows the number its first certificate would take.
    expect(await ok(core, 'certificates.plan', { classId: c.id })).toMatchObject({
      nextSerial: '125/2026/GCN',
      nextRegisterNo: '2026.0125',
    });
    // Another year is not touched: the sequence restarts there.
    expect((await ok(core, 'certificates.nextNumber', { year: 2027 })).nextSerial).toBe('1/2027/GCN');

    const first = await ok(core, 'certificates.issue', {
      classId: c.id,
      issueDate: '2026-03-12',
      signer: { kind: 'director' },
      enrollmentIds: [eid('Trần Văn An')],
    });
    expect(first.issued.map((x) => [x.seq, x.serial, x.registerNo])).toEqual([[125, '125/2026/GCN', '2026.0125']]);
    expect(await ok(core, 'certificates.nextNumber', { year: 2026 })).toMatchObject({
      nextSeq: 126,
      lastIssued: { seq: 125, serial: '125/2026/GCN', year: 2026 },
      floor: 125,
    });
    expect((await ok(core, 'certificates.plan', { classId: c.id })).nextSerial).toBe('126/2026/GCN');

    const again = await ok(core, 'certificates.reissue', {
      certificateId: first.issued[0]!.id,
      reason: 'Sai ngày sinh',
      issueDate: '2026-03-20',
      signer: { kind: 'director' },
    });
    expect(again.serial).toBe('126/2026/GCN');
    const rest = await ok(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-20', signer: { kind: 'director' } });
    expect(rest.issued.map((x) => x.serial)).toEqual(['127/2026/GCN']);
  });

  it('refuses a number already issued or going backwards, with the reason at the field, and writes nothing', async () => {
    const core = await startCore();
    const { c } = await recognisedClass(core);
    await ok(core, 'certificates.setNextNumber', { year: 2026, nextSeq: 123 });
    await ok(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
    const floorsBefore = floorRows(core);
    const auditsBefore = auditCount(core);

    for (const nextSeq of [100, 124]) {
      const refused = await invoke(core, 'certificates.setNextNumber', { year: 2026, nextSeq });
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'NUMBER_TAKEN',
          message: 'Năm 2026 đã cấp đến số 124/2026/GCN; số tiếp theo phải từ 125 trở lên. Chưa lưu gì.',
          fields: { nextSeq: 'Năm 2026 đã cấp đến số 124/2026/GCN; số tiếp theo phải từ 125 trở lên' },
        },
      });
    }
    expect(floorRows(core)).toEqual(floorsBefore);
    expect(auditCount(core)).toBe(auditsBefore);

    // A floor set too high may come back down, but never below one past the last number issued.
    expect((await ok(core, 'certificates.setNextNumber', { year: 2026, nextSeq: 300 })).nextSerial).toBe('300/2026/GCN');
    expect((await ok(core, 'certificates.setNextNumber', { year: 2026, nextSeq: 125 })).nextSerial).toBe('125/2026/GCN');
    expect((await invoke(core, 'certificates.setNextNumber', { year: 2026, nextSeq: 124 })).ok).toBe(false);

    // A number that reads like one already in the register (issued under another pattern, or typed in by
    // hand) is refused too, though the sequence is past it.
    core.db
      .prepare(
        `INSERT INTO certificates (enrollment_id, person_id, class_id, year, seq, serial, register_no, issue_date, printed_json, verification_code, status, created_at, actor)
         SELECT e.id, e.person_id, e.class_id, 2025, 1, '500/2026/GCN', 'cu.1', '2025-12-01', '{}', '', 'revoked', 'x', 'x' FROM enrollments e LIMIT 1`,
      )
      .run();
    expect(await refusal(core, 'certificates.setNextNumber', { year: 2026, nextSeq: 500 })).toMatchObject({
      fields: { nextSeq: 'Số 500/2026/GCN đã cấp cho một giấy năm 2025; chọn số khác' },
    });
    expect((await ok(core, 'certificates.nextNumber', { year: 2026 })).floor).toBe(125);
  });

  it('refuses what is not a sane number or year, in the clerk’s words', async () => {
    const core = await startCore();
    const field = async (input: { year: unknown; nextSeq: unknown }) => {
      const r = await invoke(core, 'certificates.setNextNumber', input as never);
      return r.ok ? null : r.error.fields;
    };
    expect(await field({ year: 2026, nextSeq: 12.5 })).toEqual({ nextSeq: 'Số giấy tiếp theo phải là số nguyên, không có phần lẻ' });
    expect(await field({ year: 2026, nextSeq: 0 })).toEqual({ nextSeq: 'Số giấy tiếp theo phải từ 1 trở lên' });
    expect(await field({ year: 2026, nextSeq: -3 })).toEqual({ nextSeq: 'Số giấy tiếp theo phải từ 1 trở lên' });
    expect(await field({ year: 2026, nextSeq: 1_000_000 })).toEqual({ nextSeq: 'Số giấy tiếp theo không được lớn hơn 999.999' });
    expect(await field({ year: 2026, nextSeq: '125' })).toEqual({ nextSeq: 'Nhập số giấy tiếp theo bằng chữ số, ví dụ 125' });
    expect(await field({ year: 2026, nextSeq: Number.NaN })).toEqual({ nextSeq: 'Nhập số giấy tiếp theo bằng chữ số, ví dụ 125' });
    expect(await field({ year: 1989, nextSeq: 5 })).toEqual({ year: 'Năm phải từ 1990 đến 2100' });
    expect(await field({ year: 20260, nextSeq: 5 })).toEqual({ year: 'Năm phải từ 1990 đến 2100' });
    expect(await field({ year: 2026.5, nextSeq: 5 })).toEqual({ year: 'Năm phải là số nguyên' });
    expect(await field({ year: 2026, nextSeq: 999_999 })).toBeNull();
    expect(floorRows(core)).toEqual([{ key: 'certificates.nextSeq.2026', value: '999999' }]);
  });

  it('carries a floor into later years when the numbers do not restart each year', async () => {
    const core = await startCore();
    const { c } = await recognisedClass(core);
    await ok(core, 'certificates.saveSettings', { serialPattern: '[số]/GCN-TTCT', registerPattern: '[số 5 chữ số]' });
    await ok(core, 'certificates.setNextNumber', { year: 2025, nextSeq: 400 });
    expect(await ok(core, 'certificates.nextNumber', { year: 2026 })).toMatchObject({
      yearly: false,
      nextSeq: 400,
      nextSerial: '400/GCN-TTCT',
      nextRegisterNo: '00400',
      floor: 400,
    });
    const { issued } = await ok(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
    expect(issued.map((x) => x.serial)).toEqual(['400/GCN-TTCT', '401/GCN-TTCT']);
    // Any year's certificates count: the sequence runs on.
    expect(await refusal(core, 'certificates.setNextNumber', { year: 2027, nextSeq: 401 })).toMatchObject({
      fields: {
        nextSeq: 'Đã cấp đến số 401/GCN-TTCT (năm 2026); số thứ tự chạy liên tục qua các năm nên số tiếp theo phải từ 402 trở lên',
      },
    });
    // A later year's floor replaces an earlier one's from that year on, even a lower one, while above what was issued.
    await ok(core, 'certificates.setNextNumber', { year: 2026, nextSeq: 900 });
    await ok(core, 'certificates.setNextNumber', { year: 2027, nextSeq: 500 });
    expect((await ok(core, 'certificates.nextNumber', { year: 2026 })).nextSeq).toBe(900);
    expect((await ok(core, 'certificates.nextNumber', { year: 2028 })).nextSeq).toBe(500);
  });
});
