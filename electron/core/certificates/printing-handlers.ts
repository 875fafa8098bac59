import type { z } from 'zod';
import type { Certificate, certificatesChannels } from '../../../shared/contract/certificates';
import {
  certificateLayoutSchema,
  defaultCertificateLayout,
  printerOffsetSchema,
  type CertificateLayout,
  type PrinterOffset,
} from '../../../shared/domain/certificate-layout';
import { todayInVietnam } from '../../../shared/domain/dates';
import { formatNumber } from '../../../shared/domain/format';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { issuingBodyAt } from '../centre/store';
import { readSetting, writeSetting } from '../db/settings';
import { buildCalibrationHtml } from '../documents/certificate-calibration';
import { buildCertificatesHtml, type CertificatesDoc } from '../documents/certificate';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { certificatesToPdf, certificatesToPrinter, type ChunkCheck } from './batch-printing';
import { fileStem } from './file-name';
import { toCertificate } from './reading';
import { layoutJson, programExists, writeLayout } from './settings-store';
import { bumpPrintCount, printRowsByIds, programFacts, statusesOf } from './store';

type Channels = typeof certificatesChannels;
type StartBatch = z.output<Channels['certificates.startBatch']['input']>;
type BatchResult = { file: { fileName: string; dataBase64: string; pages: number } | null; printed: number };
const JOB_KIND = 'certificates.batch';
const PREVIEW_SHEETS = 20;

const OFFSET_KEY = 'certificates.printerOffset';

function mustExist(ctx: AppCore, programId: number): void {
  if (!programExists(ctx.db, programId)) throw new AppError('NOT_FOUND', 'Không tìm thấy chương trình.');
}

function layoutOf(ctx: AppCore, programId: number): { layout: CertificateLayout; isDefault: boolean } {
  mustExist(ctx, programId);
  const json = layoutJson(ctx.db, programId);
  if (json === null) return { layout: defaultCertificateLayout(), isDefault: true };
  // Stored layouts were validated on save; parsing again keeps an old or hand-edited row from breaking printing.
  const parsed = certificateLayoutSchema.safeParse(JSON.parse(json));
  return parsed.success ? { layout: parsed.data, isDefault: false } : { layout: defaultCertificateLayout(), isDefault: true };
}

function offsetOf(ctx: AppCore): PrinterOffset {
  const value = readSetting(ctx.db, OFFSET_KEY);
  const parsed = value === null ? null : printerOffsetSchema.safeParse(JSON.parse(value));
  return parsed?.success ? parsed.data : { x: 0, y: 0 };
}

/** The batch in register order, read at once; one program per batch, since the layout belongs to the program. */
function batchOf(ctx: AppCore, ids: readonly number[]): { certificates: Certificate[]; programId: number } {
  const unique = [...new Set(ids)];
  const rows = printRowsByIds(ctx.db, unique);
  if (rows.length < unique.length) throw new AppError('NOT_FOUND', 'Không tìm thấy giấy chứng nhận này.');
  const certificates = rows.map((r) => toCertificate(ctx, r)).sort((a, b) => a.year - b.year || a.seq - b.seq);
  const voided = certificates.find((c) => c.status !== 'valid');
  if (voided)
    throw new AppError(
      'NOT_VALID',
      `Giấy số ${voided.serial} đã ${voided.status === 'revoked' ? 'bị thu hồi' : 'được cấp lại'}; không in được.`,
    );
  // A damaged row has no frozen contents or no signed code: printing it would put today's records and a
  // code that verifies nothing on paper.
  const damaged = certificates.find((c) => c.damage !== null);
  if (damaged) {
    throw new AppError(
      'DAMAGED',
      `Giấy số ${damaged.serial} có bản ghi hỏng; hãy sửa ở trang Giấy chứng nhận, thẻ «Sổ cấp giấy chứng nhận», rồi in lại.`,
    );
  }
  const programs = new Set(rows.map((r) => r.program_id));
  if (programs.size > 1)
    throw new AppError(
      'MIXED_PROGRAMS',
      'Các giấy được chọn thuộc nhiều chương trình (mỗi chương trình một mẫu in); hãy in từng chương trình.',
    );
  return { certificates, programId: [...programs][0]! };
}

function batchDoc(ctx: AppCore, ids: readonly number[]): { doc: CertificatesDoc; certificates: Certificate[] } {
  const { certificates, programId } = batchOf(ctx, ids);
  const { layout } = layoutOf(ctx, programId);
  const doc: CertificatesDoc = {
    body: { ...certificates[0]!.printed.issuingBody },
    layout,
    offset: offsetOf(ctx),
    certificates: certificates.map((c) => ({
      serial: c.serial,
      registerNo: c.registerNo,
      fullName: c.printed.fullName,
      birthDate: c.printed.birthDate ?? '',
      unitName: c.printed.unitName,
      programName: c.printed.programName,
      className: c.printed.className,
      startDate: c.printed.startDate,
      endDate: c.printed.endDate,
      classification: c.printed.classification,
      issueDate: c.issueDate,
      signer: c.printed.signer,
      verificationCode: c.verificationCode,
    })),
  };
  return { doc, certificates };
}

/**
 * A layout shown with illustrative values, never a real learner's: the QR carries no signature and
 * the numbers say "MẪU", so a printout of the preview cannot pass for a certificate. No printer
 * offset either: the editor places fields on the design, the offset belongs to the printer.
 */
function layoutPreviewHtml(ctx: AppCore, programId: number, layout: CertificateLayout): string {
  mustExist(ctx, programId);
  const program = programFacts(ctx.db, programId)!;
  const date = todayInVietnam(ctx.now());
  const body = issuingBodyAt(ctx.db, date) ?? {
    superior: 'ĐẢNG ỦY …',
    centreName: 'TRUNG TÂM CHÍNH TRỊ …',
    docCode: 'TTCT',
    placeName: '…',
    directorName: '',
    directorTitle: 'Giám đốc',
  };
  return buildCertificatesHtml({
    body,
    layout,
    offset: { x: 0, y: 0 },
    certificates: [
      {
        serial: 'MẪU',
        registerNo: 'MẪU',
        fullName: 'Nguyễn Thị Minh Hằng',
        birthDate: '1995-08-19',
        unitName: 'Chi bộ thôn 3',
        programName: program.name,
        className: `Lớp mẫu khóa I năm ${date.slice(0, 4)}`,
        startDate: date,
        endDate: date,
        classification: 'Khá',
        issueDate: date,
        signer: { lines: [body.directorTitle || 'Giám đốc'], name: body.directorName || 'Họ và tên người ký' },
        verificationCode: 'MẪU GIẤY CHỨNG NHẬN — KHÔNG CÓ GIÁ TRỊ',
        checkCode: 'MẪU-MẪU',
      },
    ],
  });
}

/** Stops a batch when a certificate in the next chunk was revoked or reissued while it printed. */
function stillValid(ctx: AppCore, certificates: Certificate[]): ChunkCheck {
  return (from, to) => {
    const chunk = certificates.slice(from, to);
    const statuses = statusesOf(
      ctx.db,
      chunk.map((c) => c.id),
    );
    for (const c of chunk) {
      const now = statuses.get(c.id);
      if (now !== 'valid')
        throw new AppError(
          'NOT_VALID',
          `Giấy số ${c.serial} vừa ${now === 'revoked' ? 'bị thu hồi' : 'được cấp lại'} trong lúc in; đã dừng ở đó.`,
        );
    }
  };
}

const n = (v: number) => formatNumber(v);

function fileName(certificates: Certificate[]): string {
  return `giay-chung-nhan-${fileStem(certificates[0]!.printed.className) || 'lop'}.pdf`;
}

/** Every certificate sent to the printer counts; the register shows reprints. */
function countPrinted(ctx: AppCore, certificates: Certificate[], how: 'printer'): void {
  ctx.db.transaction(() => {
    bumpPrintCount(
      ctx.db,
      certificates.map((c) => c.id),
    );
    audit(ctx, { action: 'update', entity: 'certificate', entityId: null, after: { printed: certificates.map((c) => c.serial), how } });
  })();
}
/** Checked before the job starts, so a refused batch says why at once and nothing is counted. */
function startBatch(ctx: AppCore, input: StartBatch): { jobId: string; total: number } {
  if (ctx.jobs.running(JOB_KIND) > 0) throw new AppError('BUSY', 'Đang in một đợt giấy chứng nhận khác; hãy chờ đợt đó xong hoặc dừng nó.');
  const { doc, certificates } = batchDoc(ctx, input.certificateIds);
  const port = ctx.printing();
  const check = stillValid(ctx, certificates);
  // The screen keeps the summary after collecting the PDF; the registry need not keep the PDF too.
  const withoutFile = (r: BatchResult): BatchResult => ({ ...r, file: null });
  if (input.target === 'pdf') {
    const jobId = ctx.jobs.start<BatchResult>(
      JOB_KIND,
      certificates.length,
      async (control) => {
        const pdf = await certificatesToPdf(port, doc, control, check);
        if (!pdf) return { result: { file: null, printed: 0 }, message: 'Đã dừng; chưa lưu tệp PDF nào.', status: 'cancelled' };
        // A PDF is not a print: it may be printed later, elsewhere, or never; only paper counts.
        return {
          result: {
            file: { fileName: fileName(certificates), dataBase64: pdf.toString('base64'), pages: certificates.length },
            printed: 0,
          },
          message: `Đã lưu ${n(certificates.length)} giấy vào một tệp PDF (lưu PDF không tính là đã in).`,
        };
      },
      withoutFile,
    );
    return { jobId, total: certificates.length };
  }
  const print = port.print;
  if (!port.canPrint || !print) throw new AppError('PRINT_UNAVAILABLE', 'Máy này không in trực tiếp được; hãy lưu PDF rồi in.');
  if (!input.deviceName) throw new AppError('INVALID_INPUT', 'Chọn máy in.', { deviceName: 'Chọn máy in' });
  const deviceName = input.deviceName;
  const jobId = ctx.jobs.start<BatchResult>(
    JOB_KIND,
    certificates.length,
    async (control) => {
      let printed = 0;
      try {
        await certificatesToPrinter(
          { ...port, print },
          doc,
          certificates,
          deviceName,
          control,
          (sent) => {
            countPrinted(ctx, sent, 'printer');
            printed += sent.length;
          },
          check,
        );
      } catch (err) {
        // What already reached the printer stays counted, and the clerk is told how far it got.
        const why = err instanceof AppError ? err.message : 'máy in báo lỗi';
        // A refusal is logged by its code: its message may name the learner (issue 13).
        const stopped = `Certificate batch stopped after ${printed} of ${certificates.length}`;
        if (err instanceof AppError) ctx.log.warn(`${stopped}: ${err.code}`);
        else ctx.log.error(stopped, err);
        return {
          result: { file: null, printed },
          message: `Đã gửi ${n(printed)}/${n(certificates.length)} giấy tới máy in rồi dừng: ${why}. Các giấy đã gửi được ghi là đã in; kiểm tra giấy đã ra trước khi in tiếp.`,
          status: 'failed',
        };
      }
      if (printed < certificates.length) {
        return {
          result: { file: null, printed },
          message: `Đã dừng sau ${n(printed)}/${n(certificates.length)} giấy; các giấy đã gửi tới máy in được ghi là đã in.`,
          status: 'cancelled',
        };
      }
      return { result: { file: null, printed }, message: `Đã gửi ${n(printed)} giấy tới máy in ${deviceName}.` };
    },
    withoutFile,
  );
  return { jobId, total: certificates.length };
}

/** Layouts, the printer's offset, and printing batches of certificates. */
export const printingHandlers: Handlers<
  Pick<
    Channels,
    | 'certificates.layout'
    | 'certificates.saveLayout'
    | 'certificates.offset'
    | 'certificates.saveOffset'
    | 'certificates.preview'
    | 'certificates.printers'
    | 'certificates.startBatch'
    | 'certificates.batchStatus'
    | 'certificates.cancelBatch'
    | 'certificates.layoutPreview'
    | 'certificates.calibration'
    | 'certificates.calibrationPdf'
  >
> = {
  'certificates.layout': (ctx, input) => layoutOf(ctx, input.programId),
  'certificates.saveLayout': (ctx, input) => {
    mustExist(ctx, input.programId);
    ctx.db.transaction(() => {
      const before = layoutOf(ctx, input.programId);
      writeLayout(ctx.db, input.programId, JSON.stringify(input.layout), ctx.now().toISOString());
      // The image can be large: the audit keeps the layout without it.
      const strip = (l: CertificateLayout) => ({ ...l, imageDataUrl: l.imageDataUrl ? '(ảnh)' : null });
      audit(ctx, {
        action: 'update',
        entity: 'certificate_layout',
        entityId: input.programId,
        before: strip(before.layout),
        after: strip(input.layout),
      });
    })();
    return layoutOf(ctx, input.programId);
  },
  'certificates.offset': (ctx) => offsetOf(ctx),
  'certificates.saveOffset': (ctx, input) => {
    writeSetting(ctx.db, OFFSET_KEY, JSON.stringify(input));
    audit(ctx, { action: 'update', entity: 'settings', entityId: OFFSET_KEY, after: input });
    return offsetOf(ctx);
  },
  'certificates.preview': (ctx, input) => {
    const { doc, certificates } = batchDoc(ctx, input.certificateIds);
    // The screen shows the first sheets; the whole batch goes to the printer or the PDF in chunks.
    const shown = doc.certificates.slice(0, PREVIEW_SHEETS);
    const title =
      shown.length < certificates.length
        ? `Giấy chứng nhận — ${n(shown.length)} giấy đầu trong ${n(certificates.length)} giấy`
        : `Giấy chứng nhận — ${n(certificates.length)} giấy`;
    return { title, html: buildCertificatesHtml({ ...doc, certificates: shown }) };
  },
  'certificates.printers': async (ctx) => {
    const port = ctx.printing();
    if (!port.canPrint || !port.printers) return { canPrint: false, printers: [] };
    return { canPrint: true, printers: await port.printers() };
  },
  'certificates.startBatch': (ctx, input) => startBatch(ctx, input),
  'certificates.batchStatus': (ctx, input) => {
    const job = ctx.jobs.take<BatchResult>(JOB_KIND, input.jobId);
    return {
      status: job.status,
      done: job.done,
      total: job.total,
      message: job.message,
      file: job.result?.file ?? null,
      printed: job.result?.printed ?? 0,
    };
  },
  'certificates.cancelBatch': (ctx, input) => {
    ctx.jobs.cancel(JOB_KIND, input.jobId);
    return {};
  },
  'certificates.layoutPreview': (ctx, input) => ({
    title: 'Mẫu giấy với dữ liệu minh họa (không phải giấy thật)',
    html: layoutPreviewHtml(ctx, input.programId, input.layout),
  }),
  'certificates.calibration': (ctx, input) => ({
    title: 'Trang cân chỉnh máy in',
    html: buildCalibrationHtml({ layout: input.layout ?? layoutOf(ctx, input.programId).layout, offset: offsetOf(ctx) }),
  }),
  'certificates.calibrationPdf': async (ctx, input) => {
    const html = buildCalibrationHtml({ layout: input.layout ?? layoutOf(ctx, input.programId).layout, offset: offsetOf(ctx) });
    return { fileName: 'trang-can-chinh-may-in.pdf', dataBase64: (await ctx.printing().toPdf(html)).toString('base64') };
  },
};
