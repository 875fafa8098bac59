import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blank, recognisedClass } from './certificate-class-fixture';
import { invoke, ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

describe('issuing certificates', () => {
  it('numbers a batch gap-free, freezes what was printed, and signs a code that verifies offline', async () => {
    const core = await startCore();
    const { c, people } = await recognisedClass(core);
    const plan = await ok(core, 'certificates.plan', { classId: c.id });
    expect(plan.eligible.map((e) => [e.fullName, e.classification])).toEqual([
      ['Trần Văn An', 'Giỏi'],
      ['Lê Văn Bảo', 'Trung bình'],
    ]);
    const { issued } = await ok(core, 'certificates.issue', {
      classId: c.id,
      issueDate: '2026-03-12',
      signer: { kind: 'deputy', index: 0 },
    });
    expect(issued.map((x) => [x.serial, x.registerNo, x.printed.fullName])).toEqual([
      ['1/2026/GCN', '2026.0001', 'Trần Văn An'],
      ['2/2026/GCN', '2026.0002', 'Lê Văn Bảo'],
    ]);
    expect(issued[0]!.printed).toMatchObject({
      signer: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Y Moan Niê' },
      validUntil: '2031-03-12',
      birthDate: '1990-05-12',
    });
    expect((await ok(core, 'classes.get', { id: c.id })).status).toBe('certificates_issued');
    expect((await ok(core, 'learners.get', { id: people[0]!.id })).history[0]?.text).toBe(
      'Giấy chứng nhận số 1/2026/GCN ngày 12/03/2026 — Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng (còn hạn đến 12/03/2031)',
    );

    // A later correction to the record does not change what the certificate says.
    await ok(core, 'learners.save', { ...blank, id: people[0]!.id, familyAndMiddle: 'Trần Văn', given: 'Ân', birthDate: '1990-05-12' });
    expect((await ok(core, 'certificates.ofClass', { classId: c.id }))[0]!.printed.fullName).toBe('Trần Văn An');

    const genuine = await ok(core, 'certificates.verify', { code: issued[0]!.verificationCode });
    expect(genuine).toMatchObject({
      status: 'genuine',
      payload: { n: '1/2026/GCN', name: 'Trần Văn An', birth: '1990-05-12' },
      certificate: { id: issued[0]!.id },
    });
    const forged = issued[0]!.verificationCode.replace(/^TTCT1\.([^.]+)/, (_m, p: string) => {
      const json = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, string>;
      return `TTCT1.${Buffer.from(JSON.stringify({ ...json, name: 'Trần Văn Giả' })).toString('base64url')}`;
    });
    expect(await ok(core, 'certificates.verify', { code: forged })).toMatchObject({ status: 'tampered', certificate: null });
    expect(await ok(core, 'certificates.verify', { code: issued[0]!.verificationCode.slice(0, 80) })).toMatchObject({
      status: 'malformed',
    });
    expect(
      await invoke(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOTHING_TO_ISSUE' },
    });
  });

  it('refuses a learner who is not eligible, a class not recognised, and an issue date before the decision', async () => {
    const core = await startCore();
    const { c, eid } = await recognisedClass(core);
    const notEligible = await invoke(core, 'certificates.issue', {
      classId: c.id,
      issueDate: '2026-03-12',
      signer: { kind: 'director' },
      enrollmentIds: [eid('Trần Văn An'), eid('Phan Thị Diệu')],
    });
    expect(notEligible).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE', message: 'Phan Thị Diệu không đủ điều kiện được cấp giấy chứng nhận; chưa cấp giấy nào.' },
    });
    expect(
      await invoke(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-01', signer: { kind: 'director' } }),
    ).toMatchObject({
      ok: false,
      error: { fields: { issueDate: 'Ngày cấp trước ngày công nhận kết quả' } },
    });
    expect(await ok(core, 'certificates.register', { year: 2026 })).toEqual([]);
    const other = await ok(core, 'classes.save', {
      ...(await ok(core, 'classes.get', { id: c.id })),
      id: undefined,
      cohortNumber: 2,
      name: 'Lớp khóa II',
      planLineId: null,
      homeroomLecturerId: null,
      openingDecisionNumber: null,
      openingDecisionDate: null,
    });
    expect(await refusal(core, 'certificates.plan', { classId: other.id })).toMatchObject({ code: 'NOT_RECOGNISED' });
  });

  it('allocates no number when a batch fails half-way', async () => {
    const core = await startCore();
    const { c, people } = await recognisedClass(core);
    // A number already on paper from before the app (say, typed into the register by hand) collides
    // with the second certificate of the batch.
    core.db
      .prepare(
        `INSERT INTO certificates (enrollment_id, person_id, class_id, year, seq, serial, register_no, issue_date, printed_json, verification_code, status, created_at, actor)
         SELECT e.id, e.person_id, e.class_id, 2025, 1, '2/2026/GCN', 'cu.1', '2025-12-01', '{}', '', 'revoked', 'x', 'x' FROM enrollments e WHERE e.person_id = ?`,
      )
      .run(people[2]!.id);
    const failed = await invoke(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
    expect(failed).toMatchObject({ ok: false, error: { code: 'NUMBER_REPEATS' } });
    expect(!failed.ok && failed.error.message).toContain('số 2/2026/GCN');
    expect(await ok(core, 'certificates.register', { year: 2026 })).toEqual([]);
    expect((await ok(core, 'certificates.plan', { classId: c.id })).nextSerial).toBe('1/2026/GCN');
  });

  it('reissues with a new linked number and revokes, keeping every number in the register', async () => {
    const core = await startCore();
    const { c } = await recognisedClass(core);
    const { issued } = await ok(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
    const again = await ok(core, 'certificates.reissue', {
      certificateId: issued[0]!.id,
      reason: 'Học viên làm mất giấy',
      issueDate: '2026-05-04',
      signer: { kind: 'director' },
    });
    expect(again).toMatchObject({
      serial: '3/2026/GCN',
      replacesId: issued[0]!.id,
      status: 'valid',
      printed: { signer: { lines: ['GIÁM ĐỐC'], name: 'Nguyễn Văn An' } },
    });
    await ok(core, 'certificates.revoke', { certificateId: issued[1]!.id, reason: 'Cấp nhầm người' });
    const register = await ok(core, 'certificates.register', { year: 2026 });
    expect(register.map((r) => [r.serial, r.status, r.replacedBySerial, r.statusReason])).toEqual([
      ['1/2026/GCN', 'reissued', '3/2026/GCN', 'Học viên làm mất giấy'],
      ['2/2026/GCN', 'revoked', null, 'Cấp nhầm người'],
      ['3/2026/GCN', 'valid', null, null],
    ]);
    expect(
      await invoke(core, 'certificates.reissue', {
        certificateId: issued[1]!.id,
        reason: 'x',
        issueDate: '2026-05-04',
        signer: { kind: 'director' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_VALID' },
    });
    expect((await ok(core, 'certificates.verify', { code: issued[1]!.verificationCode })).message).toBe(
      'Giấy chứng nhận thật nhưng đã bị thu hồi: Cấp nhầm người',
    );
  });

  it('validates the number patterns and warns through numbering that runs on when a pattern has no year', async () => {
    const core = await startCore();
    const bad = await invoke(core, 'certificates.saveSettings', { serialPattern: 'GCN-TTCT', registerPattern: '{year}.{seq:4}' });
    expect(bad).toMatchObject({
      ok: false,
      error: { fields: { serialPattern: 'Mẫu số phải có đúng một phần số thứ tự: [số] hoặc [số 4 chữ số]' } },
    });
    // Written in the clerk's words, kept in the stored form.
    const saved = await ok(core, 'certificates.saveSettings', { serialPattern: '[số]/GCN-TTCT', registerPattern: '[năm].[số 4 chữ số]' });
    expect(saved).toMatchObject({ serialPattern: '{seq}/GCN-TTCT', registerPattern: '{year}.{seq:4}', yearly: false });
    expect(
      await ok(core, 'certificates.saveSettings', { serialPattern: '{seq}/{year}/GCN', registerPattern: '{year}.{seq:4}' }),
    ).toMatchObject({ yearly: true });
    expect(saved.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect((await ok(core, 'certificates.settings', {})).keyId).toBe(saved.keyId);
  });
});

describe('verifying certificates', () => {
  it("verifies another centre's certificates once its public key is imported, and refuses keys that are not one", async () => {
    const issuing = await startCore();
    const province = await startCore();
    try {
      const { c } = await recognisedClass(issuing);
      const { issued } = await ok(issuing, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
      const code = issued[0]!.verificationCode;
      const file = (await ok(issuing, 'certificates.settings', {})).publicKeyFile;
      expect(file).toMatch(/^Đơn vị cấp: Trung tâm Chính trị xã Đắk Hà\nMã khóa: [0-9a-f]{16}\n-----BEGIN PUBLIC KEY-----/);

      expect(await ok(province, 'certificates.verify', { code })).toMatchObject({ status: 'unknown_key', issuer: null });
      const key = await ok(province, 'certificates.addTrustedKey', { issuer: 'Trung tâm Chính trị xã Đắk Hà', fileText: file });
      expect(key.issuer).toBe('Trung tâm Chính trị xã Đắk Hà');
      expect(await ok(province, 'certificates.verify', { code })).toMatchObject({
        status: 'genuine',
        issuer: 'Trung tâm Chính trị xã Đắk Hà',
        certificate: null,
        payload: { name: 'Trần Văn An', n: '1/2026/GCN' },
        message: 'Giấy chứng nhận thật do Trung tâm Chính trị xã Đắk Hà cấp (kiểm tra bằng khóa công khai đã nhập của đơn vị đó).',
      });
      const [head, body, sig] = code.split('.');
      const changed = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, string>;
      changed.name = 'Trần Văn Ân';
      expect(
        await ok(province, 'certificates.verify', { code: `${head}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${sig}` }),
      ).toMatchObject({ status: 'tampered' });

      const refused = async (fileText: string) => {
        const r = await invoke(province, 'certificates.addTrustedKey', { issuer: 'X', fileText });
        return r.ok ? 'accepted' : r.error.message;
      };
      expect(await refused(file)).toBe('Khóa này đã được nhập (của Trung tâm Chính trị xã Đắk Hà).');
      expect(await refused((await ok(province, 'certificates.settings', {})).publicKeyFile)).toContain(
        'khóa công khai của chính trung tâm này',
      );
      const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
      const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      expect(await refused(privatePem)).toContain('Tệp có chứa khóa riêng');
      const otherPublic = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      // A leaked private key beside the public one is refused, and so is a file with two centres' keys.
      expect(await refused(`${otherPublic}${privatePem}`)).toContain('Tệp có chứa khóa riêng');
      expect(
        await refused(
          `${otherPublic}${crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()}`,
        ),
      ).toContain('nhiều khóa công khai');
      // Notepad's byte-order mark and old-Mac line ends are read, and the issuer line found.
      const macFile = `\uFEFFĐơn vị cấp: Trung tâm Chính trị Ea Kar\r${otherPublic.replace(/\n/g, '\r')}`;
      expect(await ok(province, 'certificates.addTrustedKey', { issuer: 'Ea Kar', fileText: macFile })).toMatchObject({ issuer: 'Ea Kar' });
      const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(await refused(rsa)).toContain('Khóa trong tệp thuộc loại khác');
      expect(await refused('hello')).toContain('không chứa khóa công khai');
      const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(await refused(pem.replace(/\n([A-Za-z0-9+/]{20})[A-Za-z0-9+/=]+\n/, '\n$1\n'))).toContain('bị hỏng');
      expect(await refusal(province, 'certificates.addTrustedKey', { issuer: '  ', fileText: pem })).toMatchObject({
        fields: { issuer: 'Nhập tên đơn vị cấp' },
      });

      await ok(province, 'certificates.removeTrustedKey', { id: key.id });
      expect((await ok(province, 'certificates.trustedKeys', {})).map((k) => k.issuer)).toEqual(['Ea Kar']);
      expect(await ok(province, 'certificates.verify', { code })).toMatchObject({ status: 'unknown_key' });
    } finally {
      issuing.close();
      province.close();
    }
  });
});
