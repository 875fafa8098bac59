import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { AppCore } from '../../electron/core/app-core';
import { fileKeyProtection } from '../../electron/core/ports';
import { createLogger } from '../../electron/core/log';
import { AppError } from '../../electron/core/errors';
import { blank, printBatch, recognisedClass } from './certificate-class-fixture';
import { invoke, ok, startCore, tempDir } from './helpers';

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
    expect(await invoke(core, 'certificates.plan', { classId: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_RECOGNISED' } });
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

describe('printing certificates', () => {
  it('keeps a layout per program, refuses a bad one, and prints a batch to one PDF, which is not a print', async () => {
    const dataDir = tempDir();
    const port = createChromiumPrintPort({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    const core = await AppCore.start({
      dataDir,
      log: createLogger(path.join(dataDir, 'logs')),
      appVersion: '0.0.0-test',
      printing: port,
      keys: fileKeyProtection,
    });
    try {
      const { c } = await recognisedClass(core);
      const programId = (await ok(core, 'classes.get', { id: c.id })).programId;
      const initial = await ok(core, 'certificates.layout', { programId });
      expect(initial).toMatchObject({ isDefault: true, layout: { paper: 'A5', orientation: 'landscape', mode: 'full' } });
      const bad = await invoke(core, 'certificates.saveLayout', {
        programId,
        layout: { ...initial.layout, imageDataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' },
      });
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(!bad.ok && bad.error.fields)).toContain('Tệp ảnh không hợp lệ (chỉ nhận PNG hoặc JPEG)');
      const saved = await ok(core, 'certificates.saveLayout', { programId, layout: { ...initial.layout, mode: 'preprinted' } });
      expect(saved).toMatchObject({ isDefault: false, layout: { mode: 'preprinted' } });
      expect(await ok(core, 'certificates.saveOffset', { x: 1.5, y: -2 })).toEqual({ x: 1.5, y: -2 });
      await ok(core, 'certificates.saveLayout', { programId, layout: initial.layout });

      const { issued } = await ok(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
      const ids = issued.map((x) => x.id);
      const done = await printBatch(core, ids);
      // The class name is 48 letters folded: whole, not cut a word short.
      expect(done).toMatchObject({
        status: 'done',
        done: 2,
        total: 2,
        printed: 0,
        file: { pages: 2, fileName: 'giay-chung-nhan-lop-boi-duong-nhan-thuc-ve-dang-khoa-i-nam-2026.pdf' },
      });
      const pdf = done.file!;
      const file = path.join(dataDir, pdf.fileName);
      fs.writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
      const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages).toHaveLength(2);
      expect(pages[0]).toContain('Trần Văn An');
      expect(pages[0]).toContain('Số: 1/2026/GCN');
      expect(pages[1]).toContain('Lê Văn Bảo');
      expect(pages[1]).toContain('Vào sổ số: 2026.0002');
      await printBatch(core, [ids[0]!]);
      // Saving a PDF is not printing: nothing counted, the register notes no reprint.
      expect((await ok(core, 'certificates.register', { year: 2026 })).map((r) => r.printCount)).toEqual([0, 0]);
      core.db.prepare('UPDATE certificates SET print_count = 2 WHERE id = ?').run(ids[0]!);

      await ok(core, 'certificates.revoke', { certificateId: ids[1]!, reason: 'Cấp nhầm' });
      expect(await invoke(core, 'certificates.startBatch', { certificateIds: ids, target: 'pdf' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_VALID' },
      });
      expect(
        await invoke(core, 'certificates.startBatch', { certificateIds: [ids[0]!], target: 'printer', deviceName: 'HP' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'PRINT_UNAVAILABLE' },
      });
      expect((await ok(core, 'certificates.calibration', { programId })).html).toContain('TRANG CÂN CHỈNH MÁY IN');

      // The register keeps the revoked number, and the receipt list only what can be handed out.
      const register = await ok(core, 'certificates.listPdf', { kind: 'register', year: 2026 });
      const registerFile = path.join(dataDir, register.fileName);
      fs.writeFileSync(registerFile, Buffer.from(register.dataBase64, 'base64'));
      const registerText = execFileSync('pdftotext', ['-raw', registerFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(registerText).toContain('SỔ CẤP GIẤY CHỨNG NHẬN NĂM 2026');
      expect(registerText).toContain('Thu hồi: Cấp nhầm');
      expect(registerText).toContain('In lại 1 lần');
      const receipt = (await ok(core, 'certificates.listPreview', { kind: 'receipt', classId: c.id })).html;
      expect(receipt).toContain('Trần Văn An');
      expect(receipt).not.toContain('Lê Văn Bảo');
      expect(await ok(core, 'certificates.registerXlsx', { year: 2026 })).toMatchObject({
        fileName: 'so-cap-giay-chung-nhan-2026.xlsx',
        rowCount: 2,
      });
      expect(await invoke(core, 'certificates.registerXlsx', { year: 2025 })).toMatchObject({ ok: false, error: { code: 'EMPTY' } });
    } finally {
      core.close();
      await port.close();
    }
  }, 60_000);

  it('prints a batch to the printer the clerk chose, follows it and counts it; one batch at a time; a failing printer says how far it got', async () => {
    const dataDir = tempDir();
    const jobs: (string | undefined)[] = [];
    let fail = false;
    let hold: Promise<void> = Promise.resolve();
    // webContents.print cannot run here (no Electron binary); this port records what the Electron one would get.
    const printer = {
      canPrint: true,
      toPdf: () => Promise.reject(new Error('not used')),
      print: async (_html: string, options?: { deviceName?: string; paper?: string; landscape?: boolean }) => {
        await hold;
        if (fail) throw new AppError('PRINT_FAILED', 'Không in được văn bản: hết giấy');
        jobs.push(`${options?.deviceName} ${options?.paper} ${options?.landscape ? 'ngang' : 'dọc'}`);
      },
      printers: () => Promise.resolve([{ name: 'HP_LaserJet_P2035', displayName: 'HP LaserJet P2035' }]),
    };
    const core = await AppCore.start({
      dataDir,
      log: createLogger(path.join(dataDir, 'logs')),
      appVersion: '0.0.0-test',
      printing: printer,
      keys: fileKeyProtection,
    });
    try {
      const { c } = await recognisedClass(core);
      const { issued } = await ok(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
      expect(await ok(core, 'certificates.printers', {})).toEqual({
        canPrint: true,
        printers: [{ name: 'HP_LaserJet_P2035', displayName: 'HP LaserJet P2035' }],
      });
      const ids = issued.map((x) => x.id);
      const noPrinter = await invoke(core, 'certificates.startBatch', { certificateIds: ids, target: 'printer' });
      expect(noPrinter).toMatchObject({ ok: false, error: { fields: { deviceName: 'Chọn máy in' } } });
      const { jobId, total } = await ok(core, 'certificates.startBatch', {
        certificateIds: ids,
        target: 'printer',
        deviceName: 'HP_LaserJet_P2035',
      });
      expect(total).toBe(2);
      let status = await ok(core, 'certificates.batchStatus', { jobId });
      while (status.status === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        status = await ok(core, 'certificates.batchStatus', { jobId });
      }
      expect(status).toMatchObject({
        status: 'done',
        done: 2,
        printed: 2,
        file: null,
        message: 'Đã gửi 2 giấy tới máy in HP_LaserJet_P2035.',
      });
      expect(jobs).toEqual(['HP_LaserJet_P2035 A5 ngang']);
      expect((await ok(core, 'certificates.register', { year: 2026 })).map((r) => r.printCount)).toEqual([1, 1]);
      // Collected once; a poll already on its way still gets the summary.
      expect(await ok(core, 'certificates.batchStatus', { jobId })).toMatchObject({ status: 'done', printed: 2, file: null });
      expect(await invoke(core, 'certificates.batchStatus', { jobId: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

      // While one batch prints, a second is refused (a double click must not print twice).
      let release!: () => void;
      hold = new Promise<void>((r) => (release = r));
      const first = await ok(core, 'certificates.startBatch', { certificateIds: ids, target: 'printer', deviceName: 'HP_LaserJet_P2035' });
      expect(await invoke(core, 'certificates.startBatch', { certificateIds: ids, target: 'pdf' })).toMatchObject({
        ok: false,
        error: { code: 'BUSY' },
      });
      fail = true;
      release();
      let failed = await ok(core, 'certificates.batchStatus', { jobId: first.jobId });
      while (failed.status === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        failed = await ok(core, 'certificates.batchStatus', { jobId: first.jobId });
      }
      expect(failed).toMatchObject({ status: 'failed', printed: 0 });
      expect(failed.message).toContain('Đã gửi 0/2 giấy tới máy in rồi dừng: Không in được văn bản: hết giấy.');
      expect((await ok(core, 'certificates.register', { year: 2026 })).map((r) => r.printCount)).toEqual([1, 1]);
    } finally {
      core.close();
    }
  });

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
      expect(await invoke(province, 'certificates.addTrustedKey', { issuer: '  ', fileText: pem })).toMatchObject({
        ok: false,
        error: { fields: { issuer: 'Nhập tên đơn vị cấp' } },
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
