import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { AppError } from '../../electron/core/errors';
import { printBatch, recognisedClass } from './certificate-class-fixture';
import { startPrintingCore } from '../fixtures/printing-start';
import { invoke, ok } from './helpers';
import { refusal } from '../fixtures/builders';

describe('printing certificates', () => {
  it('keeps a layout per program, refuses a bad one, and prints a batch to one PDF, which is not a print', async () => {
    const port = createChromiumPrintPort({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    const { core, dataDir } = await startPrintingCore(port);
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
      expect(await refusal(core, 'certificates.startBatch', { certificateIds: ids, target: 'pdf' })).toMatchObject({ code: 'NOT_VALID' });
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
      expect(await refusal(core, 'certificates.registerXlsx', { year: 2025 })).toMatchObject({ code: 'EMPTY' });
    } finally {
      core.close();
      await port.close();
    }
  }, 60_000);

  it('prints a batch to the printer the clerk chose, follows it and counts it; one batch at a time; a failing printer says how far it got', async () => {
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
    const { core } = await startPrintingCore(printer);
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
      expect(await refusal(core, 'certificates.batchStatus', { jobId: 'x' })).toMatchObject({ code: 'INVALID_INPUT' });

      // While one batch prints, a second is refused (a double click must not print twice).
      let release!: () => void;
      hold = new Promise<void>((r) => (release = r));
      const first = await ok(core, 'certificates.startBatch', { certificateIds: ids, target: 'printer', deviceName: 'HP_LaserJet_P2035' });
      expect(await refusal(core, 'certificates.startBatch', { certificateIds: ids, target: 'pdf' })).toMatchObject({ code: 'BUSY' });
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
});
