import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { printBatch, recognisedClass } from './certificate-class-fixture';
import { startPrintingCore } from '../fixtures/printing-start';
import { ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

/** A code of the right shape that is not the one printed: the first character changed. */
const otherCode = (code: string) => `${code[0] === '7' ? '8' : '7'}${code.slice(1)}`;

describe('verifying a certificate by the number printed on it', () => {
  it('answers from the register: holder, class, program, issue date and status; with the short code, whether it matches', async () => {
    const core = await startCore();
    const { c } = await recognisedClass(core);
    // The date offered first is the results decision's (10/03/2026), not today.
    const plan = await ok(core, 'certificates.plan', { classId: c.id });
    expect(plan.decisionDate).toBe('2026-03-10');
    const { issued } = await ok(core, 'certificates.issue', { classId: c.id, issueDate: plan.decisionDate, signer: { kind: 'director' } });
    const [an, bao] = issued as [(typeof issued)[number], (typeof issued)[number]];
    expect(an.checkCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(an.checkCode).not.toBe(bao.checkCode);

    const found = await ok(core, 'certificates.verify', { number: '1/2026/GCN' });
    expect(found).toMatchObject({
      status: 'found',
      codeMatches: null,
      certificate: { id: an.id, status: 'valid', issueDate: '2026-03-10' },
    });
    expect(found.certificate?.printed).toMatchObject({
      fullName: 'Trần Văn An',
      birthDate: '1990-05-12',
      className: c.name,
      programName: c.programName,
    });
    expect(found.message).toBe(
      'Giấy số 1/2026/GCN (vào sổ số 2026.0001) cấp ngày 10/03/2026 cho Trần Văn An, sinh 12/05/1990. Giấy còn hiệu lực.',
    );

    // Typed as a person would: with the label, other spacing and case, or the register number.
    for (const typed of ['Số: 1/2026/GCN', ' 1 / 2026 / gcn ', '2026.0001', 'Vào sổ số: 2026.0001']) {
      expect((await ok(core, 'certificates.verify', { number: typed })).certificate?.id, typed).toBe(an.id);
    }
    const matched = await ok(core, 'certificates.verify', {
      number: '1/2026/GCN',
      checkCode: an.checkCode!.toLowerCase().replace('-', ' '),
    });
    expect(matched).toMatchObject({ status: 'found', codeMatches: true });
    expect(matched.message).toMatch(/^Mã tra cứu khớp\./);
    // Number and code in one box, as they stand on the paper.
    expect(await ok(core, 'certificates.verify', { number: `1/2026/GCN ${an.checkCode!}` })).toMatchObject({
      status: 'found',
      codeMatches: true,
      certificate: { id: an.id },
    });

    const wrong = await ok(core, 'certificates.verify', { number: '1/2026/GCN', checkCode: otherCode(an.checkCode!) });
    expect(wrong).toMatchObject({ status: 'code_mismatch', codeMatches: false, certificate: { id: an.id } });
    expect(wrong.message).toContain('không phải mã in trên giấy này');
    // Bảo's code on An's number: a real code, but of another certificate.
    expect(await ok(core, 'certificates.verify', { number: '1/2026/GCN', checkCode: bao.checkCode! })).toMatchObject({
      status: 'code_mismatch',
    });
    const garbage = await ok(core, 'certificates.verify', { number: '1/2026/GCN', checkCode: 'abc' });
    expect(garbage).toMatchObject({ status: 'code_mismatch', codeMatches: false });
    expect(garbage.message).toContain('«abc» không phải mã tra cứu');

    const missing = await ok(core, 'certificates.verify', { number: '99/2026/GCN' });
    expect(missing).toMatchObject({ status: 'not_found', certificate: null, codeMatches: null });
    expect(missing.message).toBe('Không có giấy chứng nhận số 99/2026/GCN trong sổ của trung tâm.');
    expect(await refusal(core, 'certificates.verify', { number: '   ' })).toMatchObject({ fields: { number: 'Nhập số giấy chứng nhận' } });

    // A replaced certificate: found, its code still matches the paper, and the answer names the new number.
    const again = await ok(core, 'certificates.reissue', {
      certificateId: an.id,
      reason: 'Sai ngày sinh',
      issueDate: '2026-04-01',
      signer: { kind: 'director' },
    });
    const replaced = await ok(core, 'certificates.verify', { number: '1/2026/GCN', checkCode: an.checkCode! });
    expect(replaced).toMatchObject({
      status: 'found',
      codeMatches: true,
      certificate: { status: 'reissued', replacedBySerial: again.serial },
    });
    expect(replaced.message).toContain(`Giấy này đã được cấp lại bằng giấy số ${again.serial} (Sai ngày sinh); giấy cũ không còn giá trị.`);
    await ok(core, 'certificates.revoke', { certificateId: bao.id, reason: 'Cấp nhầm người' });
    expect((await ok(core, 'certificates.verify', { number: '2/2026/GCN' })).message).toContain('Giấy này đã bị thu hồi: Cấp nhầm người.');

    // The QR path keeps working, also when its text lands in the number box.
    expect(await ok(core, 'certificates.verify', { code: again.verificationCode })).toMatchObject({
      status: 'genuine',
      certificate: { id: again.id },
    });
    expect(await ok(core, 'certificates.verify', { number: again.verificationCode })).toMatchObject({
      status: 'genuine',
      certificate: { id: again.id },
    });
    const notOurs = await ok(core, 'certificates.verify', { code: 'https://example.com/abc' });
    expect(notOurs).toMatchObject({ status: 'malformed', message: 'Mã không đọc được: đây không phải mã QR của giấy chứng nhận.' });
  });

  it('prints the short code on the certificate, saves a PDF without counting it as printed, and names the file without cutting a word', async () => {
    const port = createChromiumPrintPort({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    const { core, dataDir } = await startPrintingCore(port);
    try {
      const { c } = await recognisedClass(core, 'Lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú khóa III năm 2026 tại xã Đắk Hà');
      const { issued } = await ok(core, 'certificates.issue', { classId: c.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
      const done = await printBatch(
        core,
        issued.map((x) => x.id),
      );
      expect(done).toMatchObject({ status: 'done', printed: 0 });
      expect(done.message).toContain('không tính là đã in');
      // 60 characters at most, ending on a whole word: "khoa-iii" would make 61, so "iii" goes whole.
      expect(done.file!.fileName).toBe('giay-chung-nhan-lop-boi-duong-nhan-thuc-ve-dang-cho-quan-chung-uu-tu-khoa.pdf');
      const file = path.join(dataDir, 'batch.pdf');
      fs.writeFileSync(file, Buffer.from(done.file!.dataBase64, 'base64'));
      const pages = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
        .split('\f')
        .filter((p) => p.trim());
      expect(pages[0]).toContain(`Mã tra cứu: ${issued[0]!.checkCode!}`);
      expect(pages[1]).toContain(`Mã tra cứu: ${issued[1]!.checkCode!}`);
      expect((await ok(core, 'certificates.register', { year: 2026 })).map((r) => r.printCount)).toEqual([0, 0]);

      // A layout saved before the code existed still prints it, under the register number.
      const { layout } = await ok(core, 'certificates.layout', { programId: c.programId });
      await ok(core, 'certificates.saveLayout', {
        programId: c.programId,
        layout: { ...layout, mode: 'preprinted', fields: layout.fields.filter((f) => f.key !== 'checkCode') },
      });
      const html = (await ok(core, 'certificates.preview', { certificateIds: [issued[0]!.id] })).html;
      expect(html).toContain(`Mã tra cứu: </span>${issued[0]!.checkCode!}`);
      const receipt = await ok(core, 'certificates.listPdf', { kind: 'receipt', classId: c.id });
      expect(receipt.fileName).toBe('danh-sach-nhan-giay-chung-nhan-lop-boi-duong-nhan-thuc-ve-dang-cho-quan-chung-uu-tu-khoa.pdf');
    } finally {
      core.close();
      await port.close();
    }
  }, 60_000);
});
