import { describe, expect, it } from 'vitest';
import { detectTable } from '../../electron/core/io/header-detect';
import type { ImportField } from '../../shared/domain/learner-fields';
import { csvSheet, detect, fieldOf, fields, firstSheet, grid, PARTY_HEADER } from './header-detect-fixtures';

describe('one-row headers', () => {
  it('finds a plain list at row 1', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Chức vụ', 'Chi bộ', 'Ghi chú', 'Sở thích']);
      ws.addRow([1, 'Nguyễn Văn An', 'Nam', '05/09/1975', 'Kinh', 'Bí thư', 'Chi bộ thôn 1', null, 'Đọc sách']);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 1, firstDataRow: 1 });
    expect(t.columns.map((c) => [c.col, c.header, c.field])).toEqual([
      [0, 'STT', null],
      [1, 'Họ và tên', 'fullName'],
      [2, 'Giới tính', 'sex'],
      [3, 'Ngày sinh', 'birthDate'],
      [4, 'Dân tộc', 'ethnicity'],
      [5, 'Chức vụ', 'position'],
      [6, 'Chi bộ', 'unit'],
      [7, 'Ghi chú', 'notes'],
      [8, 'Sở thích', null],
    ]);
    expect(t.signature).toBe('stt|ho va ten|gioi tinh|ngay sinh|dan toc|chuc vu|chi bo|ghi chu|so thich');
  });

  it('finds the header under a Party header, a title and a date line, skipping the column-number row', async () => {
    const sheet = await firstSheet((ws) => {
      for (const row of PARTY_HEADER) ws.addRow(row);
      ws.mergeCells('A1:C1');
      ws.mergeCells('E1:I1');
      ws.mergeCells('E3:I3');
      ws.mergeCells('A5:I5');
      ws.mergeCells('A6:I6');
      ws.addRow([
        'TT',
        'Họ tên đảng viên',
        'Năm sinh',
        'Quê quán',
        'Chức vụ, đơn vị công tác',
        'Ngày vào Đảng',
        'Ngày chính thức',
        'Trình độ LLCT',
        'Ghi chú',
      ]);
      ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)']);
      ws.addRow([1, 'Lê Văn Tám', 1975, 'Đắk Hà', 'Bí thư chi bộ thôn 1', '03/02/2001', '03/02/2002', 'Sơ cấp', null]);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 6, headerRowCount: 1, firstDataRow: 8 });
    expect(fields(t)).toEqual([
      null,
      'fullName',
      'birthDate',
      'homePlace',
      'position',
      'admissionDate',
      'confirmationDate',
      'theoryLevel',
      'notes',
    ]);
    expect(sheet.cells[t.firstDataRow]![1]).toBe('Lê Văn Tám');
  });

  it('skips a plain number row (1, 2, 3 …) and a title merged right above the header', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['DANH SÁCH HỌC VIÊN LỚP CẢM TÌNH ĐẢNG']);
      ws.mergeCells('A1:F1');
      ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Số CCCD']);
      ws.addRow([1, 2, 3, 4, 5, 6]);
      ws.addRow([1, 'Y Moan Niê', '1990', 'Ê-đê', 'Tin lành', '066090001234']);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 1, headerRowCount: 1, firstDataRow: 3 });
    expect(fields(t)).toEqual([null, 'fullName', 'birthDate', 'ethnicity', 'religion', 'citizenId']);
  });

  it('does not read a first data row holding dates as sub-headers of a merged name header', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['Họ và tên', null, 'Ngày sinh', 'Ngày vào Đảng']);
      ws.mergeCells('A1:B1');
      ws.addRow(['Nguyễn Văn', 'An', new Date(Date.UTC(1975, 8, 5)), new Date(Date.UTC(2001, 1, 3))]);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 1, firstDataRow: 1 });
    expect(fields(t)).toEqual(['familyAndMiddle', 'given', 'birthDate', 'admissionDate']);
  });

  it('splits "Họ và tên" merged over two columns into family-and-middle and given name', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow(['STT', 'Họ và tên', null, 'Ngày sinh']);
      ws.mergeCells('B1:C1');
      ws.addRow([1, 'Nguyễn Văn', 'An', '05/09/1975']);
    });
    const t = detect(sheet);
    expect(t).toMatchObject({ headerRow: 0, headerRowCount: 1, firstDataRow: 1 });
    expect(t.columns.map((c) => [c.header, c.field])).toEqual([
      ['STT', null],
      ['Họ và tên', 'familyAndMiddle'],
      ['Họ và tên', 'given'],
      ['Ngày sinh', 'birthDate'],
    ]);
  });

  it('reads headers written with line breaks, decomposed letters, NBSP and "(1)" suffixes', async () => {
    const sheet = await firstSheet((ws) => {
      ws.addRow([
        'Họ và tên (1)'.normalize('NFD'),
        'Ngày\ntháng\nnăm sinh',
        'Số\u00A0CMND/CCCD',
        'Số điện thoại (di động)',
        'Đơn vị công tác:',
      ]);
      ws.addRow(['Nguyễn Văn An', '05/09/1975', '066090001234', '0905123456', 'UBND xã']);
    });
    expect(fields(detect(sheet))).toEqual(['fullName', 'birthDate', 'citizenId', 'phone', 'workplace']);
  });

  it('lists a column with data but no header, for the clerk to map', () => {
    const t = detect(
      grid([
        ['Họ và tên', null, 'Ngày sinh'],
        ['Nguyễn Văn An', 'Kinh', '1975'],
      ]),
    );
    expect(t.columns.map((c) => [c.col, c.header, c.field])).toEqual([
      [0, 'Họ và tên', 'fullName'],
      [1, '', null],
      [2, 'Ngày sinh', 'birthDate'],
    ]);
    expect(t.signature).toBe('ho va ten||ngay sinh');
  });

  it('proposes each field once: a repeated header goes to the clerk', () => {
    const t = detect(
      grid([
        ['Họ và tên', 'Ngày sinh', 'Năm sinh'],
        ['Nguyễn Văn An', '05/09/1975', '1975'],
      ]),
    );
    expect(fields(t)).toEqual(['fullName', 'birthDate', null]);
    // Kept aside, for when the clerk maps the first column elsewhere.
    expect(t.columns.map((c) => c.repeatOf)).toEqual([undefined, undefined, 'birthDate']);
  });

  it('finds nothing without a name column', () => {
    expect(
      detectTable(
        grid([
          ['Ngày sinh', 'Dân tộc'],
          ['1975', 'Kinh'],
        ]),
      ),
    ).toBeNull();
    expect(detectTable(grid(PARTY_HEADER))).toBeNull();
    expect(detectTable(grid([]))).toBeNull();
  });

  it('does not read a title right above the header as a parent, merged or not', async () => {
    const csv = await csvSheet(['DANH SÁCH HỌC VIÊN;;;;', 'STT;Họ và tên;;Ngày sinh;Dân tộc', '1;Nguyễn Văn An;x;05/09/1975;Kinh']);
    const fromCsv = detect(csv);
    expect(fromCsv).toMatchObject({ headerRow: 1, headerRowCount: 1, firstDataRow: 2 });
    expect(fromCsv.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', '', 'Ngày sinh', 'Dân tộc']);
    const xlsx = await firstSheet((ws) => {
      ws.addRow(['DANH SÁCH HỌC VIÊN']);
      ws.mergeCells('A1:C1');
      ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Chi bộ']);
      ws.addRow([1, 'Nguyễn Văn An', '05/09/1975', 'Kinh', 'Không', 'Thôn 1']);
    });
    expect(detect(xlsx)).toMatchObject({ headerRow: 1, headerRowCount: 1, firstDataRow: 2 });
  });

  it('does not take a title line such as "CHI BỘ THÔN 1" for a header', () => {
    const t = detect(
      grid([
        ['CHI BỘ THÔN 1', null],
        ['Họ và tên', 'Chi bộ'],
        ['Nguyễn Văn An', 'Thôn 1'],
      ]),
    );
    expect(t.headerRow).toBe(1);
  });
});

describe('header spellings', () => {
  const cases: [string, ImportField | null][] = [
    ['Họ tên', 'fullName'],
    ['Họ và tên học viên', 'fullName'],
    ['HỌ VÀ TÊN', 'fullName'],
    ['Họ và chữ đệm', 'familyAndMiddle'],
    ['Họ đệm', 'familyAndMiddle'],
    ['Tên', 'given'],
    ['Giới tính', 'sex'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Ngày tháng năm sinh', 'birthDate'],
    ['Sinh ngày', 'birthDate'],
    ['Ngày sinh (Nam)', 'birthDateMale'],
    ['Ngày sinh (Nữ)', 'birthDateFemale'],
    ['Tôn giáo', 'religion'],
    ['Nguyên quán', 'homePlace'],
    ['Nơi ở hiện nay', 'commune'],
    ['Xã, phường', 'commune'],
    ['Nơi cư trú', 'commune'],
    ['Địa chỉ thường trú', 'commune'],
    ['Nơi công tác', 'workplace'],
    ['Cơ quan, đơn vị', 'workplace'],
    ['Đơn vị', 'workplace'],
    ['Chức danh', 'position'],
    ['Đảng viên', 'partyStatus'],
    ['Đối tượng', 'partyStatus'],
    ['Ngày kết nạp', 'admissionDate'],
    ['Ngày công nhận đảng viên chính thức', 'confirmationDate'],
    ['Chi bộ sinh hoạt', 'unit'],
    ['Đảng bộ, chi bộ', 'unit'],
    ['Tổ chức cơ sở đảng', 'unit'],
    ['Trình độ học vấn', 'educationLevel'],
    ['Học vấn', 'educationLevel'],
    ['Văn hóa', 'educationLevel'],
    ['Chuyên môn', 'educationLevel'],
    ['Trình độ chuyên môn', 'educationLevel'],
    ['Lý luận chính trị', 'theoryLevel'],
    ['LLCT', 'theoryLevel'],
    ['CCCD', 'citizenId'],
    ['Căn cước công dân', 'citizenId'],
    ['Số định danh', 'citizenId'],
    ['Số CMND', 'citizenId'],
    ['Số thẻ đảng viên', 'partyCard'],
    ['Số thẻ Đảng', 'partyCard'],
    ['Điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['ĐT', 'phone'],
    ['Số TT', null],
    ['Tình trạng sức khỏe', null],
  ];
  it.each(cases)('«%s» → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
});
