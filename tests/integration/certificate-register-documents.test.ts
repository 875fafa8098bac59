import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCertificateReceiptHtml,
  buildCertificateRegisterHtml,
  type CertificateReceiptDoc,
  type CertificateRegisterDoc,
} from '../../electron/core/documents/certificate-register';
import { certificateRegisterXlsx } from '../../electron/core/io/certificate-register-xlsx';
import type { Certificate } from '../../shared/contract/certificates';
import { pdfPrinter, pdfToolsMissing, type PrintedPdf } from '../fixtures/pdf-printer';
import { certificateRow } from './certificate-rows';
import { TRICKY, communeBody as body } from '../fixtures/document-fixtures';

/** The register's first columns, printed and in the .xlsx alike. */
const COLUMNS = ['STT', 'Số giấy', 'Vào sổ số', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Lớp', 'Xếp loại', 'Ngày cấp'];

const PROGRAM = 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới';
const CLASS_A = 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026';
const CLASS_B = 'Lớp bồi dưỡng kết nạp đảng khóa II năm 2026';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Huỳnh'];
const MIDDLE = ['Thị Thu', 'Văn', 'Thị Ngọc', 'Đức', 'Thị Kim', 'Minh'];
const GIVEN = ['Hằng', 'Dũng', 'Ánh', 'Phước', 'Tuyết', 'Khải', 'Ưng', 'Ơn', 'Yến', 'Lộc', 'Đạt', 'Thủy', 'Nga', 'Sơn'];
const UNITS = ['Chi bộ thôn 1', 'Chi bộ thôn Kon Trang', 'Chi bộ Trường THCS Lê Lợi', 'Chi bộ Công an xã', null];
const GRADES = ['Giỏi', 'Khá', 'Trung bình', 'Xuất sắc', null];

const serialOf = (seq: number) => `${seq}/GCN-TTCT`;

function makeCert(seq: number, fullName: string, className: string, issueDate: string, extra: Partial<Certificate> = {}): Certificate {
  const a = className === CLASS_A;
  return certificateRow(
    seq,
    {
      fullName,
      unitName: UNITS[seq % UNITS.length]!,
      programName: PROGRAM,
      className,
      startDate: a ? '2026-01-22' : '2026-03-09',
      endDate: a ? '2026-01-28' : '2026-03-13',
      classification: GRADES[seq % GRADES.length]!,
    },
    { classId: a ? 1 : 2, serial: serialOf(seq), issueDate, ...extra },
  );
}

/**
 * 40 numbers: 1–20 class A, 21–36 class B, 37–39 reissues of 5, 17 and 29, 40 class B late.
 * 10, 22 and 33 revoked; 8 printed three times.
 */
function makeCertificates(): Certificate[] {
  const reissueOf: Record<number, number> = { 5: 37, 17: 38, 29: 39 };
  const revoked: Record<number, string> = { 10: 'Học viên bị kỷ luật khai trừ', 22: 'Cấp nhầm người', 33: 'Hồ sơ không hợp lệ' };
  const list: Certificate[] = [];
  for (let seq = 1; seq <= 36; seq++) {
    const className = seq <= 20 ? CLASS_A : CLASS_B;
    const name =
      seq === 2
        ? TRICKY
        : seq === 3
          ? "Rơ Châm H'Luyến"
          : `${FAMILY[seq % FAMILY.length]} ${MIDDLE[seq % MIDDLE.length]} ${GIVEN[seq % GIVEN.length]}`;
    const extra: Partial<Certificate> = {};
    const by = reissueOf[seq];
    if (by) Object.assign(extra, { status: 'reissued', statusReason: 'Sai ngày sinh', replacedBySerial: serialOf(by) });
    if (revoked[seq]) Object.assign(extra, { status: 'revoked', statusReason: revoked[seq] });
    if (seq === 8) extra.printCount = 3;
    list.push(makeCert(seq, name, className, seq <= 20 ? '2026-02-05' : '2026-03-20', extra));
  }
  for (const [old, seq] of Object.entries(reissueOf)) {
    const original = list[Number(old) - 1]!;
    list.push(
      makeCert(seq, original.printed.fullName, original.printed.className, '2026-04-02', {
        replacesId: original.id,
        personId: original.personId,
      }),
    );
  }
  list.push(makeCert(40, 'Y Moan Niê', CLASS_B, '2026-04-10'));
  // The register sorts by number: hand it over shuffled.
  return [...list.slice(20), ...list.slice(0, 20)];
}
const certificates = makeCertificates();
const bySeq = (seq: number) => certificates.find((c) => c.seq === seq)!;
const classA = certificates.filter((c) => c.printed.className === CLASS_A).sort((a, b) => a.seq - b.seq);

const register: CertificateRegisterDoc = { body, year: 2026, date: '2026-12-28', certificates };
/** What the register says, read from its HTML or from its PDF alike: the header, a reprint and the count. */
const REGISTER_TEXT = [
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'SỔ CẤP GIẤY CHỨNG NHẬN NĂM 2026',
  'In lại 2 lần',
  'Sổ có 40 giấy; còn hiệu lực 34, cấp lại 3, thu hồi 3.',
];
const receipt: CertificateReceiptDoc = { body, date: '2026-02-05', className: CLASS_A, certificates: classA };

describe('certificate register and receipt (HTML)', () => {
  // Serials carry <wbr> after their slashes and dashes, and a header may carry a <br>.
  const plain = (html: string): string => html.replace(/<wbr>/g, '').replace(/<br>/g, ' ');
  const reg = plain(buildCertificateRegisterHtml(register));
  const rec = plain(buildCertificateReceiptHtml(receipt));

  it('escapes typed text and never lets a name become markup', () => {
    for (const html of [reg, rec]) {
      expect(html).toContain('Lê Văn &lt;b&gt;&amp; Tú');
      expect(html).not.toContain('<b>&');
    }
  });

  it('the register: landscape, Party header without a number, every column, voided rows marked', () => {
    expect(reg).toContain('size: A4 landscape');
    for (const phrase of REGISTER_TEXT) expect(reg).toContain(phrase);
    expect(reg).not.toContain('doc-number');
    for (const h of [...COLUMNS, 'Người nhận ký', 'Ghi chú']) expect(reg).toContain(`<th>${h}</th>`);
    expect(reg.match(/<tr class="void reissued">/g)).toHaveLength(3);
    expect(reg.match(/<tr class="void revoked">/g)).toHaveLength(3);
    expect(reg).toContain('Đã cấp lại bằng giấy số 37/GCN-TTCT: Sai ngày sinh');
    expect(reg).toContain('Thu hồi: Cấp nhầm người');
    expect(reg).toContain('Cấp lại thay giấy số 5/GCN-TTCT');
  });

  it('the register lists the numbers in order, whatever order it is given', () => {
    const serials = [...reg.matchAll(/<td class="serial">(\d+)\/GCN-TTCT<\/td><td class="serial">/g)].map((m) => Number(m[1]));
    expect(serials).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('the receipt: portrait, only the valid certificates of the class, tall signing boxes', () => {
    expect(rec).toContain('size: A4 portrait');
    expect(rec).toContain('DANH SÁCH NHẬN GIẤY CHỨNG NHẬN');
    for (const h of ['STT', 'Họ và tên', 'Số giấy', 'Ngày cấp', 'Ký nhận', 'Ghi chú']) expect(rec).toContain(`<th>${h}</th>`);
    expect(rec).toContain('(Danh sách có 19 học viên)');
    expect(rec).not.toContain('>5/GCN-TTCT<');
    expect(rec).not.toContain('>10/GCN-TTCT<');
    expect(rec).toContain('>37/GCN-TTCT<');
    expect(rec).toMatch(/td \{ height: 1[0-9]mm; \}/);
  });

  it('an empty register still prints its frame and count', () => {
    const html = plain(buildCertificateRegisterHtml({ ...register, certificates: [] }));
    expect(html).toContain('Sổ có 0 giấy; còn hiệu lực 0, cấp lại 0, thu hồi 0.');
    expect(html).toContain('GIÁM ĐỐC');
  });
});

describe('certificate register as .xlsx', () => {
  it('one typed row per number, voided ones included, an ASCII file name', async () => {
    const f = await certificateRegisterXlsx({ year: 2026, certificates });
    expect(f.fileName).toBe('so-cap-giay-chung-nhan-2026.xlsx');
    expect(f.rowCount).toBe(40);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Sổ cấp GCN 2026');
    expect(ws.rowCount).toBe(41);
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (h: string) => headers.indexOf(h) + 1;
    for (const h of [...COLUMNS, 'Tình trạng', 'Ghi chú']) expect(col(h)).toBeGreaterThan(0);
    const row = (seq: number) => ws.getRow(seq + 1);
    // Sorted by number.
    expect(row(1).getCell(col('Số giấy')).value).toBe('1/GCN-TTCT');
    expect(row(40).getCell(col('Họ và tên')).value).toBe('Y Moan Niê');
    expect(row(2).getCell(col('Họ và tên')).value).toBe(TRICKY);
    // Dates are dates, a partial birth date stays text.
    const issued = row(1).getCell(col('Ngày cấp'));
    expect(issued.value).toBeInstanceOf(Date);
    expect((issued.value as Date).toISOString().slice(0, 10)).toBe('2026-02-05');
    expect(issued.numFmt).toBe('dd/mm/yyyy');
    expect(row(1).getCell(col('Ngày sinh')).value).toBeInstanceOf(Date);
    expect(row(7).getCell(col('Ngày sinh')).value).toBe('05/1990');
    expect(row(1).getCell(col('STT')).value).toBe(1);
    expect(row(8).getCell(col('Số lần in')).value).toBe(3);
    // Status in words, with the reason and what replaced it.
    expect(row(1).getCell(col('Tình trạng')).value).toBe('Còn hiệu lực');
    expect(row(5).getCell(col('Tình trạng')).value).toBe('Đã cấp lại');
    expect(row(5).getCell(col('Cấp lại bằng giấy số')).value).toBe('37/GCN-TTCT');
    expect(row(10).getCell(col('Tình trạng')).value).toBe('Đã thu hồi');
    expect(row(10).getCell(col('Lý do')).value).toBe('Học viên bị kỷ luật khai trừ');
    expect(row(37).getCell(col('Ghi chú')).value).toBe('Cấp lại thay giấy số 5/GCN-TTCT');
    expect(row(1).getCell(col('Ghi chú')).value).toBeNull();
  });
});

type DocName = 'register' | 'receipt';

describe.skipIf(pdfToolsMissing('certificate-register'))(
  'certificate register and receipt as PDF (Chromium, read back with poppler)',
  () => {
    const printer = pdfPrinter('certificate-register', 'ttct-cert-register-', 'raw');
    const pdfs = new Map<DocName, PrintedPdf>();
    const html: Record<DocName, string> = {
      register: buildCertificateRegisterHtml(register),
      receipt: buildCertificateReceiptHtml(receipt),
    };

    beforeAll(async () => {
      await Promise.all((Object.keys(html) as DocName[]).map(async (name) => pdfs.set(name, await printer.print(name, html[name]))));
      printer.screenshot(pdfs.get('register')!, 1, 'doc-certificate-register', 70);
      printer.screenshot(pdfs.get('receipt')!, 1, 'doc-certificate-receipt', 70);
    }, 60_000);

    const flat = (s: string): string => s.replace(/\s+/g, ' ');
    const pages = (name: DocName): string[] => pdfs.get(name)!.pages.map(flat);
    const whole = (name: DocName): string => pages(name).join(' ');

    it('the register prints every name and number, the notes, and the count', () => {
      const t = whole('register');
      for (const c of certificates) {
        expect(t).toContain(c.printed.fullName);
        expect(t).toContain(c.serial);
        expect(t).toContain(c.registerNo);
      }
      for (const phrase of REGISTER_TEXT) expect(t).toContain(phrase);
      expect(t).toContain('Đắk Hà, ngày 28 tháng 12 năm 2026');
      expect(t).toContain('Đã cấp lại bằng giấy số 38/GCN-TTCT: Sai ngày sinh');
      expect(t).toContain('Thu hồi: Hồ sơ không hợp lệ');
    });

    it('the register repeats its column headers on every sheet and ends with the signature and the last rows', () => {
      const p = pages('register');
      expect(p.length).toBeGreaterThanOrEqual(2);
      for (const page of p)
        expect(page).toMatch(/STT Số giấy Vào sổ số Họ và tên Ngày sinh Đơn vị Lớp Xếp loại Ngày cấp Người nhận ký Ghi chú/);
      const last = p.at(-1)!;
      expect(last).toContain('GIÁM ĐỐC Nguyễn Văn Thành');
      expect(last).toContain(bySeq(40).printed.fullName);
      expect(last).toContain('40/GCN-TTCT');
      // The signature is not on any earlier sheet.
      for (const page of p.slice(0, -1)) expect(page).not.toContain('Nguyễn Văn Thành');
    });

    it('the receipt lists the valid certificates of the class and its signature', () => {
      const p = pages('receipt');
      const t = p.join(' ');
      expect(t).toContain('DANH SÁCH NHẬN GIẤY CHỨNG NHẬN');
      expect(t).toContain('Ký nhận');
      for (const c of classA.filter((x) => x.status === 'valid')) {
        expect(t).toContain(c.printed.fullName);
        expect(t).toContain(c.serial);
      }
      expect(t).not.toContain(' 10/GCN-TTCT');
      expect(t).toContain('(Danh sách có 19 học viên)');
      expect(p.at(-1)).toContain('GIÁM ĐỐC Nguyễn Văn Thành');
      if (p.length > 1) expect(p[1]).toMatch(/STT Họ và tên Số giấy Ngày cấp Ký nhận Ghi chú/);
    });

    it('comes out in Tinos and precomposed', () => {
      for (const [, { file, pages: text }] of pdfs) {
        expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/Tinos/);
        expect(text.join('')).toBe(text.join('').normalize('NFC'));
      }
    });
  },
);
