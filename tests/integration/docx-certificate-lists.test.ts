import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  buildCertificateReceiptHtml,
  buildCertificateRegisterHtml,
  type CertificateReceiptDoc,
  type CertificateRegisterDoc,
} from '../../electron/core/documents/certificate-register';
import { certificateReceiptModel, certificateRegisterModel } from '../../electron/core/documents/docx-certificate-lists';
import { partyDocx } from '../../electron/core/documents/docx-party';
import type { Certificate } from '../../shared/contract/certificates';
import { certificateRow } from './certificate-rows';
import { LIST_NAMES as NAMES, TRICKY, communeBody as body } from '../fixtures/document-fixtures';
import { describeDocxAgainstPdf } from './docx-check';
import { invoke, startCore } from './helpers';
import { saveCentre } from '../fixtures/builders';

/** The certificate register and a class's receipt list as Word, read word for word against the app's PDFs. */

const CLASS_A = 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026';
const CLASS_B = 'Lớp bồi dưỡng kết nạp đảng khóa II năm 2026';
const UNITS = ['Chi bộ thôn 1', 'Chi bộ thôn Kon Trang', 'Chi bộ Trường THCS Lê Lợi', null];
/** Long enough to break in its column, after a slash or a dash as the PDF lets it. */
const serialOf = (seq: number) => `${seq}/2026/GCN-TTCT`;

function cert(seq: number, extra: Partial<Certificate> = {}): Certificate {
  return certificateRow(
    seq,
    {
      fullName: seq === 2 ? TRICKY : `${NAMES[seq % NAMES.length]} ${String.fromCharCode(65 + (seq % 26))}`,
      unitName: UNITS[seq % UNITS.length]!,
      programName: 'Bồi dưỡng lý luận chính trị',
      className: seq <= 20 ? CLASS_A : CLASS_B,
      startDate: '2026-01-22',
      endDate: '2026-01-28',
      classification: seq % 5 === 0 ? null : ['Giỏi', 'Khá', 'Trung bình', 'Xuất sắc'][seq % 4]!,
    },
    {
      classId: seq <= 20 ? 1 : 2,
      serial: serialOf(seq),
      issueDate: seq <= 20 ? '2026-02-05' : '2026-03-20',
      printCount: seq === 8 ? 3 : 1,
      ...extra,
    },
  );
}

/** 30 numbers: 5 reissued by 29, 10 revoked, 8 printed three times. */
const certificates = [
  ...Array.from({ length: 28 }, (_, i) => {
    const seq = i + 1;
    if (seq === 5) return cert(seq, { status: 'reissued', statusReason: 'Sai ngày sinh', replacedBySerial: serialOf(29) });
    if (seq === 10) return cert(seq, { status: 'revoked', statusReason: 'Học viên bị kỷ luật khai trừ' });
    return cert(seq);
  }),
  cert(29, { replacesId: 1005 }),
  cert(30),
];
const register: CertificateRegisterDoc = { body, year: 2026, date: '2026-12-28', certificates };
const receipt: CertificateReceiptDoc = {
  body,
  date: '2026-02-05',
  className: CLASS_A,
  certificates: certificates.filter((c) => c.classId === 1),
};

describeDocxAgainstPdf('Certificate lists as Word, opened by LibreOffice Writer', {
  'certificate-register': { html: buildCertificateRegisterHtml(register), model: certificateRegisterModel(register) },
  'certificate-receipt': { html: buildCertificateReceiptHtml(receipt), model: certificateReceiptModel(receipt), minWords: 100 },
});

describe('certificates.listDocx', () => {
  it('refuses, as the PDF does, a year with nothing in the register', async () => {
    const core = await startCore();
    await saveCentre(core);
    const pdf = await invoke(core, 'certificates.listPdf', { kind: 'register', year: 2026 });
    const word = await invoke(core, 'certificates.listDocx', { kind: 'register', year: 2026 });
    expect(word).toMatchObject({ ok: false, error: { code: 'EMPTY', message: 'Năm 2026 chưa cấp giấy chứng nhận nào.' } });
    expect(word).toEqual(pdf);
  });

  it('keeps a voided number struck through in the Word register', async () => {
    const zip = await JSZip.loadAsync(await partyDocx(certificateRegisterModel(register), 'register'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:strike\/>/g)?.length).toBe(4);
  });
});
