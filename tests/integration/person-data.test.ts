import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { PERSON_DATA_SHEETS } from '../../electron/core/io/person-data-xlsx';
import type { PersonInput } from '../../shared/contract/learners';
import { classWithTimetable, personInput, saveCentre, savePerson } from '../fixtures/builders';
import { invoke, ok } from './helpers';
import { coreForFile, expectText, missingPdfTools, pdfText } from './printing-core';

/**
 * A person's data on request (Law 91/2025/QH15): everything the centre holds about one person, as a
 * workbook and a PDF, read back as the person would read them — and nothing about anyone else.
 */

const CLASS_NAME = 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026';
const CCCD = '051090000123';

const missing = missingPdfTools('person-data');

let core: AppCore;
let an: { id: number; input: PersonInput };

/** Trần Văn An and Lê Văn Bảo in one KND class, results recognised, An's certificate issued, An's record then edited. */
async function scenario(c: AppCore) {
  await saveCentre(c, { director: { name: 'Nguyễn Văn Thành', title: 'Giám đốc' } });
  const unit = await ok(c, 'units.save', { name: 'Chi bộ thôn 3', kind: 'cell', parentId: null, communeCode: null });
  const input = personInput('Trần Văn An', {
    sex: 'nam',
    birthDate: '1990-05-12',
    ethnicityCode: '01',
    religion: 'Không',
    homePlace: 'Xã Đắk Hà, tỉnh Quảng Ngãi',
    workplace: 'UBND xã Đắk Hà',
    position: 'Công chức văn hóa',
    unitId: unit.id,
    citizenId: CCCD,
    phone: '0905 123 456',
  });
  const person = await ok(c, 'learners.save', input);
  const other = await savePerson(c, 'Lê Văn Bảo', { citizenId: '051095000999' });
  const cls = await classWithTimetable(c, { name: CLASS_NAME });
  const list = await ok(c, 'enrollments.add', { classId: cls.id, personIds: [person.id, other.id] });
  const grid = await ok(c, 'attendance.grid', { classId: cls.id });
  const mine = list.enrollments.find((e) => e.personId === person.id)!.id;
  await ok(c, 'attendance.set', {
    classId: cls.id,
    changes: list.enrollments.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const }))),
  });
  await ok(c, 'attendance.set', { classId: cls.id, changes: [{ enrollmentId: mine, sessionId: grid.sessions[1]!.id, mark: 'excused' }] });
  await ok(c, 'results.setScores', {
    classId: cls.id,
    changes: list.enrollments.map((e) => ({ enrollmentId: e.id, component: 0, attempt: 1 as const, tenths: e.id === mine ? 85 : 65 })),
  });
  await ok(c, 'classes.setStatus', { id: cls.id, status: 'running' });
  await ok(c, 'classes.setStatus', { id: cls.id, status: 'finished' });
  await ok(c, 'results.recognise', { classId: cls.id, decisionNumber: 9, decisionDate: '2026-03-10' });
  await ok(c, 'certificates.issue', { classId: cls.id, issueDate: '2026-03-12', signer: { kind: 'director' } });
  // Admitted to the Party after the course: the edit lands in the log.
  const edited = { ...input, id: person.id, partyStatus: 'du_bi' as const, admissionDate: '2026-04-01', phone: '0905 999 888' };
  await ok(c, 'learners.save', edited);
  return { id: person.id, input: edited, sessions: grid.sessions.length };
}

let sessions = 0;

coreForFile(
  'ttct-person-data-',
  missing,
  async (c) => {
    core = c;
    const s = await scenario(c);
    an = { id: s.id, input: s.input };
    sessions = s.sessions;
  },
  60_000,
);

async function workbook(id: number) {
  const file = await ok(core, 'learners.personDataXlsx', { id });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return { file, wb };
}

/** A sheet's rows as objects keyed by its header row. */
function rows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return out;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

describe('a person’s data as .xlsx', () => {
  it('holds one sheet per section with the registry record, class, results, certificate and the log in words', async () => {
    const { file, wb } = await workbook(an.id);
    expect(file.fileName).toBe(`du-lieu-ca-nhan-tran-van-an-${an.id}.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...PERSON_DATA_SHEETS]);
    const [info, classes, results, certificates, log] = wb.worksheets.map(rows) as Record<string, unknown>[][];

    const facts = Object.fromEntries(info!.map((r) => [String(r['Thông tin']), r['Nội dung']]));
    expect(facts).toMatchObject({
      'Họ và tên': 'Trần Văn An',
      'Số CCCD': CCCD,
      'Ngày sinh': '12/05/1990',
      'Dân tộc': 'Kinh',
      'Tôn giáo': 'Không',
      'Chi bộ, đảng bộ': 'Chi bộ thôn 3',
      'Đảng viên / quần chúng': 'Đảng viên dự bị',
      'Ngày vào Đảng': '01/04/2026',
      'Đơn vị công tác': 'UBND xã Đắk Hà',
    });

    expect(classes).toHaveLength(1);
    expect(classes![0]).toMatchObject({
      Lớp: CLASS_NAME,
      'Mã chương trình': 'KND',
      'Tình trạng lớp': 'Đã cấp giấy chứng nhận',
      'Học viên trong lớp': 'Có trong danh sách lớp',
    });
    expect(iso(classes![0]!['Từ ngày'])).toBe('2026-03-02');

    expect(results![0]).toMatchObject({
      Lớp: CLASS_NAME,
      'Số buổi': sessions,
      'Có mặt': sessions - 1,
      'Vắng có phép': 1,
      'Vắng không phép': 0,
      'Chưa điểm danh': 0,
      'Điểm tổng kết': 8.5,
      'Xếp loại': 'Giỏi',
      'Kết quả': 'Được công nhận hoàn thành',
      'Quyết định công nhận': '09-QĐ/TTCT',
    });
    expect(iso(results![0]!['Ngày quyết định'])).toBe('2026-03-10');

    expect(certificates).toHaveLength(1);
    expect(certificates![0]).toMatchObject({
      'Số giấy': '1/2026/GCN',
      'Vào sổ số': '2026.0001',
      'Tình trạng': 'Còn hiệu lực',
      'Xếp loại': 'Giỏi',
      'Họ và tên in trên giấy': 'Trần Văn An',
    });
    expect(iso(certificates![0]!['Ngày cấp'])).toBe('2026-03-12');

    const what = log!.map((r) => r['Việc']);
    expect(what).toEqual(['Tạo hồ sơ', 'Ghi danh vào lớp', 'Điểm danh', 'Điểm danh', 'Nhập điểm', 'Cấp giấy chứng nhận', 'Sửa hồ sơ']);
    const changes = (i: number) => String(log![i]!['Nội dung thay đổi']);
    expect(changes(0)).toContain(`Số CCCD: ${CCCD}`);
    expect(changes(2)).toContain(`Điểm danh: (trống) → Có mặt (${sessions} buổi, từ 02/03/2026 đến`);
    expect(changes(3)).toMatch(/^Điểm danh: Có mặt → Vắng có phép \((Sáng|Chiều) 0[2-6]\/03\/2026\)$/);
    expect(changes(4)).toBe('Điểm bài thu hoạch: (trống) → 8,5');
    expect(changes(5)).toBe('Giấy số 1/2026/GCN, ngày cấp 12/03/2026');
    expect(changes(6).split('\n')).toEqual([
      'Đảng viên / quần chúng: Quần chúng → Đảng viên dự bị',
      'Ngày vào Đảng: (trống) → 01/04/2026',
      'Điện thoại: 0905 123 456 → 0905 999 888',
    ]);
    expect(log![1]!['Đối tượng']).toBe(CLASS_NAME);
    expect(log!.every((r) => r['Thời điểm'] instanceof Date && typeof r['Người thực hiện'] === 'string')).toBe(true);

    // Never stored JSON, and nothing about the classmate.
    const everything = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n');
    expect(everything).not.toMatch(/[{}]|"enrollmentId"|Lê Văn Bảo|051095000999/);
  });

  it('refuses an unknown record with a Vietnamese message', async () => {
    for (const channel of ['learners.personDataXlsx', 'learners.personDataPdf'] as const) {
      const r = await invoke(core, channel, { id: 987654 });
      expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
      expect(r.ok ? '' : r.error.message).toBe(
        'Không tìm thấy hồ sơ học viên này; có thể hồ sơ đã bị xóa. Hãy tải lại danh sách học viên.',
      );
    }
  });

  it('a person with no classes still gets every sheet, with the record and its creation', async () => {
    const lone = await savePerson(core, 'Y Hoa', { sex: 'nu', birthDate: '1999' });
    const { wb } = await workbook(lone.id);
    const [info, classes, results, certificates, log] = wb.worksheets.map(rows) as Record<string, unknown>[][];
    expect(info!.find((r) => r['Thông tin'] === 'Ngày sinh')?.['Nội dung']).toBe('1999');
    expect([classes!.length, results!.length, certificates!.length, log!.length]).toEqual([0, 0, 0, 1]);
  });
});

describe('a person’s later history', () => {
  it('reads a reissued certificate and a merged duplicate record in words', async () => {
    const first = (await ok(core, 'certificates.register', { year: 2026 })).find((c) => c.personId === an.id)!;
    // Bảo holds 2/2026/GCN: the new number is 3.
    await ok(core, 'certificates.reissue', {
      certificateId: first.id,
      reason: 'Sai ngày sinh',
      issueDate: '2026-04-02',
      signer: { kind: 'director' },
    });
    const twin = await savePerson(core, 'Trần Văn An', { birthDate: '1990-05-12', notes: 'Hồ sơ cũ' });
    await ok(core, 'learners.merge', { keepId: an.id, removeId: twin.id });

    const { wb } = await workbook(an.id);
    const certificates = rows(wb.getWorksheet('Giấy chứng nhận')!);
    expect(
      certificates.map((c) => [c['Số giấy'], c['Tình trạng'], c['Lý do'], c['Cấp lại bằng giấy số'], c['Cấp lại thay giấy số']]),
    ).toEqual([
      ['1/2026/GCN', 'Đã cấp lại', 'Sai ngày sinh', '3/2026/GCN', null],
      ['3/2026/GCN', 'Còn hiệu lực', null, null, '1/2026/GCN'],
    ]);
    const log = rows(wb.getWorksheet('Nhật ký thay đổi')!);
    expect(log.find((r) => r['Việc'] === 'Cấp lại giấy chứng nhận')).toMatchObject({
      'Đối tượng': 'Giấy số 3/2026/GCN',
      'Nội dung thay đổi': 'Giấy số 3/2026/GCN thay giấy số 1/2026/GCN',
      'Lý do': 'Cấp lại giấy số 1/2026/GCN: Sai ngày sinh',
    });
    const merged = log.find((r) => String(r['Lý do']).startsWith(`Gộp hồ sơ #${twin.id} `))!;
    expect(merged).toMatchObject({ Việc: 'Sửa hồ sơ', 'Đối tượng': 'Hồ sơ học viên' });
    expect(String(merged['Nội dung thay đổi'])).toContain('Ghi chú: (trống) → Hồ sơ cũ');
    // The duplicate record was the same person: its own history comes along.
    expect(log.filter((r) => r['Đối tượng'] === `Hồ sơ số ${twin.id} (đã gộp vào hồ sơ này)`).map((r) => r['Việc'])).toEqual([
      'Tạo hồ sơ',
      'Sửa hồ sơ',
    ]);

    // The merged-away record answers too, pointing at the record it went into.
    const gone = rows((await workbook(twin.id)).wb.getWorksheet('Thông tin cá nhân')!);
    expect(gone.find((r) => r['Thông tin'] === 'Đã gộp vào hồ sơ số')?.['Nội dung']).toBe(String(an.id));
  });
});

describe.skipIf(missing.length > 0)('a person’s data as PDF (Chromium, read back with poppler)', () => {
  it('prints the Party header, the name, the CCCD, the class and the certificate number, and no classmate', async () => {
    const file = await ok(core, 'learners.personDataPdf', { id: an.id });
    expect(file.fileName).toBe(`du-lieu-ca-nhan-tran-van-an-${an.id}.pdf`);
    const t = pdfText(file, 'doc-person-data');
    expectText(
      t,
      [
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'PHIẾU TỔNG HỢP DỮ LIỆU CÁ NHÂN',
        'của ông Trần Văn An',
        CCCD,
        '12/05/1990',
        'Kinh',
        'Chi bộ thôn 3',
        CLASS_NAME,
        '1/2026/GCN',
        '09-QĐ/TTCT',
        'Giỏi',
        'Quần chúng → Đảng viên dự bị',
        'Nguyễn Văn Thành',
      ],
      ['Lê Văn Bảo'],
    );
  });
});
