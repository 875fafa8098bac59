import type { z } from 'zod';
import type { certificatesChannels } from '../../../shared/contract/certificates';
import type { AppCore } from '../app-core';
import { getClass } from '../classes/store';
import { buildCertificateReceiptHtml, buildCertificateRegisterHtml } from '../documents/certificate-register';
import type { PartyDocumentModel } from '../documents/document-model';
import { certificateReceiptModel, certificateRegisterModel } from '../documents/docx-certificate-lists';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { certificateRegisterXlsx } from '../io/certificate-register-xlsx';
import { docxFile, todaysHeader } from '../report-files';
import { fileStem } from './file-name';
import { toCertificate } from './reading';
import { rowsOfClassInRegister, rowsOfYear } from './store';

type Channels = typeof certificatesChannels;
type ListRequest = z.output<Channels['certificates.listPdf']['input']>;

function yearRegister(ctx: AppCore, year: number) {
  const certificates = rowsOfYear(ctx.db, year).map((r) => toCertificate(ctx, r));
  if (certificates.length === 0) throw new AppError('EMPTY', `Năm ${year} chưa cấp giấy chứng nhận nào.`);
  return certificates;
}

/** Lists go out under today's Party header: they are the centre's current record of what it issued. */
function registerList(
  ctx: AppCore,
  req: ListRequest,
): { title: string; html: () => string; model: () => PartyDocumentModel; baseName: string } {
  const { body, date } = todaysHeader(ctx);
  if (req.kind === 'register') {
    const doc = { body, year: req.year, date, certificates: yearRegister(ctx, req.year) };
    return {
      title: `Sổ cấp giấy chứng nhận năm ${req.year}`,
      html: () => buildCertificateRegisterHtml(doc),
      model: () => certificateRegisterModel(doc),
      baseName: `so-cap-giay-chung-nhan-${req.year}`,
    };
  }
  const cls = getClass(ctx.db, req.classId);
  const certificates = rowsOfClassInRegister(ctx.db, req.classId)
    .filter((r) => r.status === 'valid')
    .map((r) => toCertificate(ctx, r));
  if (certificates.length === 0) throw new AppError('EMPTY', 'Lớp chưa có giấy chứng nhận nào còn hiệu lực.');
  const doc = { body, date, className: cls.name, certificates };
  return {
    title: `Danh sách nhận giấy chứng nhận — ${cls.name}`,
    html: () => buildCertificateReceiptHtml(doc),
    model: () => certificateReceiptModel(doc),
    baseName: `danh-sach-nhan-giay-chung-nhan-${fileStem(cls.name) || 'lop'}`,
  };
}

/** The year's register and a class's receipt list, as a page, a PDF, a Word file or a workbook. */
export const registerHandlers: Handlers<
  Pick<Channels, 'certificates.listPreview' | 'certificates.listPdf' | 'certificates.listDocx' | 'certificates.registerXlsx'>
> = {
  'certificates.listPreview': (ctx, input) => {
    const d = registerList(ctx, input);
    return { title: d.title, html: d.html() };
  },
  'certificates.listPdf': async (ctx, input) => {
    const d = registerList(ctx, input);
    return { fileName: `${d.baseName}.pdf`, dataBase64: (await ctx.printing().toPdf(d.html())).toString('base64') };
  },
  'certificates.listDocx': async (ctx, input) => {
    const d = registerList(ctx, input);
    return docxFile(`${d.baseName}.docx`, d.model(), d.title.replace(' — ', ' - '));
  },
  'certificates.registerXlsx': (ctx, input) => certificateRegisterXlsx({ year: input.year, certificates: yearRegister(ctx, input.year) }),
};
