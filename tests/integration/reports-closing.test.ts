import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cls } from './class-fixtures';
import { invoke, ok, startCore } from './helpers';
import { reportData } from './report-fixtures';
import { refusal } from '../fixtures/builders';

// The centre's clock stands in January 2027, so 2026 can be closed.
let clock = new Date('2027-01-15T03:00:00Z');
const now = () => clock;

describe('closing a year', () => {
  it('closes a year: later edits of a person leave it as reported, and a change with a reason shows as an amendment next year', async () => {
    clock = new Date('2027-01-15T03:00:00Z');
    const core = await startCore(undefined, now);
    const { knd, dvm, hall, people, classes, units } = await reportData(core);
    const e = await ok(
      core,
      'classes.save',
      cls(knd.id, { cohortNumber: 3, name: 'Lớp KND khóa 3 năm 2026', startDate: '2026-11-02', endDate: '2026-11-06', venueId: hall.id }),
    );
    const refused = await invoke(core, 'reports.closeYear', { year: 2026 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_READY' } });
    expect(!refused.ok && refused.error.message).toContain('còn 1 lớp chưa công nhận kết quả — Lớp KND khóa 3 năm 2026');
    expect((await ok(core, 'reports.years', {})).find((y) => y.year === 2026)!.blockers).toHaveLength(1);
    await ok(core, 'classes.setStatus', { id: e.id, status: 'cancelled', reason: 'Gộp vào lớp khóa 1' });
    expect(await refusal(core, 'reports.closeYear', { year: 2027 })).toMatchObject({
      code: 'YEAR_NOT_OVER',
      message: 'Năm 2027 chưa kết thúc; khóa sổ từ ngày 01/01/2028.',
    });
    await ok(core, 'reports.closeYear', { year: 2026 });
    expect(await refusal(core, 'reports.closeYear', { year: 2026 })).toMatchObject({ code: 'ALREADY_CLOSED' });
    clock = new Date('2027-01-20T03:00:00Z');

    // A person's record corrected afterwards: the closed year keeps the composition it reported.
    const cuc = await ok(core, 'learners.get', { id: people.cuc.id });
    await ok(core, 'learners.save', { ...cuc.person, sex: 'nam', expectedUpdatedAt: cuc.person.updatedAt } as never);
    // So does a merge of base organisations after the close: 2026 keeps its two rows and their names.
    await ok(core, 'units.merge', { fromId: units.b2.id, intoId: units.b1.id, date: '2027-01-16' });
    await ok(core, 'units.save', { id: units.b1.id, name: 'Đảng bộ xã Đắk Hà mới', kind: 'base', parentId: null, communeCode: null });
    const after = await ok(core, 'reports.get', { period: { kind: 'year', year: 2026 } });
    expect(after.total.current.women).toBe(3);
    expect(after.baseOrgs.map((o) => [o.name, o.current])).toEqual([
      ['Đảng bộ Công an xã', 2],
      ['Đảng bộ xã Đắk Hà', 2],
      ['Chưa rõ tổ chức cơ sở đảng', 1],
    ]);
    expect(after.amendments).toEqual([]);

    // The plan of a closed year and its classes are shut; a certificate needs a reason and becomes an amendment.
    expect(await refusal(core, 'classes.setStatus', { id: classes.c.id, status: 'cancelled', reason: 'x' })).toMatchObject({
      code: 'YEAR_CLOSED',
    });
    const issue = {
      classId: classes.b.id,
      issueDate: '2027-01-10',
      signer: { kind: 'director' as const },
      enrollmentIds: [classes.b.eid(people.dung.id)],
    };
    expect(await refusal(core, 'certificates.issue', issue)).toMatchObject({
      code: 'YEAR_CLOSED',
      fields: { reason: 'Năm đã khóa sổ: cần ghi lý do' },
    });
    await ok(core, 'certificates.issue', { ...issue, reason: 'Bổ sung hồ sơ còn thiếu' });
    const grid = await ok(core, 'results.grid', { classId: classes.c.id });
    await ok(core, 'results.setScores', {
      classId: classes.c.id,
      changes: [{ enrollmentId: grid.rows.find((x) => x.fullName === 'Trần Thị An')!.enrollmentId, component: 0, attempt: 1, tenths: 72 }],
      reason: 'Chấm phúc khảo',
    });
    await ok(core, 'plans.saveLine', {
      year: 2027,
      programId: knd.id,
      quarter: 1,
      communeCode: null,
      plannedClasses: 2,
      plannedLearners: 60,
      notes: '',
    });
    const next = await ok(core, 'reports.get', { period: { kind: 'year', year: 2027 } });
    expect(next.closedYears.map((c) => c.year)).toEqual([2026]);
    const kndName = knd.name;
    const dvmName = dvm.name;
    expect(next.amendments.map(({ reasons, ...a }) => ({ ...a, reasons: reasons.map((x) => x.replace(/^.*: /, '')) }))).toEqual([
      { year: 2026, program: kndName, figure: 'Được cấp giấy chứng nhận', before: 2, after: 3, reasons: ['Bổ sung hồ sơ còn thiếu'] },
      { year: 2026, program: dvmName, figure: 'Xếp loại Trung bình', before: 1, after: 0, reasons: ['Chấm phúc khảo'] },
      { year: 2026, program: dvmName, figure: 'Xếp loại Khá', before: 0, after: 1, reasons: ['Chấm phúc khảo'] },
    ]);
  }, 60_000);
});

describe('roll-up to the superior body', () => {
  it("imports a closed year's signed summary once, replaces it by a newer export, and refuses a changed, cut or future file", async () => {
    clock = new Date('2027-01-15T03:00:00Z');
    const centre = await startCore(undefined, now);
    const { knd } = await reportData(centre);
    expect(await refusal(centre, 'reports.exportRollup', { year: 2026 })).toMatchObject({ code: 'NOT_CLOSED' });
    await ok(centre, 'reports.closeYear', { year: 2026 });
    const file = await ok(centre, 'reports.exportRollup', { year: 2026 });
    expect(file.fileName).toBe('tong-hop-2026-trung-tam-chinh-tri-xa-dak-ha.ttct.json');
    const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');

    const province = await startCore(undefined, now);
    const message = async (fileText: string) => {
      const r = await invoke(province, 'reports.importRollup', { fileText });
      return r.ok ? 'imported' : r.error.message;
    };
    // Signed, but by a key the province has not been given: who made it is unknown.
    expect(await message(text)).toContain('chưa có trong các khóa công khai đã nhập');
    await ok(province, 'certificates.addTrustedKey', {
      issuer: 'TTCT xã Đắk Hà',
      fileText: (await ok(centre, 'certificates.settings', {})).publicKeyFile,
    });
    // The name is the one the province gave the key.
    expect(await ok(province, 'reports.importRollup', { fileText: text })).toEqual({
      centreName: 'TTCT xã Đắk Hà',
      year: 2026,
      replaced: false,
    });
    expect(await message(text)).toContain('đã được nhập');
    expect(await message(text.replace('\\"enrollments\\":3', '\\"enrollments\\":30'))).toBe(
      'Tệp đã bị sửa sau khi xuất (chữ ký không khớp); không nhập. Hãy xin lại tệp từ trung tâm gửi.',
    );
    // A file re-signed with a fresh key (a forgery, or a reinstalled centre) is not taken for the centre.
    const outer = JSON.parse(text) as { body: string };
    const forgedBody = outer.body.replace('"enrollments":3', '"enrollments":300');
    const fresh = crypto.generateKeyPairSync('ed25519');
    const freshPem = fresh.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const keyId = crypto
      .createHash('sha256')
      .update(fresh.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 16);
    const forged = JSON.parse(forgedBody) as { centre: { keyId: string; publicKeyPem: string } };
    forged.centre.keyId = keyId;
    forged.centre.publicKeyPem = freshPem;
    const forgedText = JSON.stringify(forged);
    const signature = crypto.sign(null, Buffer.from(forgedText), fresh.privateKey).toString('base64url');
    expect(await message(JSON.stringify({ format: 'ttct-rollup', version: 1, body: forgedText, signature }))).toContain(
      'chưa có trong các khóa công khai đã nhập',
    );
    expect(await message(text.slice(0, Math.floor(text.length / 2)))).toContain('bị cắt cụt');
    expect(await message(text.replace('"version":1', '"version":2'))).toBe(
      'Tệp tổng hợp theo định dạng phiên bản 2; phần mềm này đọc được phiên bản 1. Hãy cập nhật phần mềm cho cùng phiên bản.',
    );
    expect(await message('{"hello":1}')).toContain('không phải tệp tổng hợp');

    clock = new Date('2027-02-01T03:00:00Z');
    const newer = Buffer.from((await ok(centre, 'reports.exportRollup', { year: 2026 })).dataBase64, 'base64').toString('utf8');
    expect(await ok(province, 'reports.importRollup', { fileText: newer })).toMatchObject({ replaced: true });
    expect(await message(text)).toContain('xuất sau bản này');
    const rollup = await ok(province, 'reports.rollup', { year: 2026 });
    expect(rollup.centres).toHaveLength(1);
    expect(rollup.centres[0]!.centreName).toBe('TTCT xã Đắk Hà');
    expect(rollup.total.find((r) => r.code === 'KND')).toMatchObject({
      name: knd.name,
      planned: 2,
      opened: 1,
      enrollments: 3,
      people: 3,
      certified: 2,
    });
  }, 60_000);
});
