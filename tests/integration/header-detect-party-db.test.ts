import { describe, expect, it } from 'vitest';
import type { ImportField } from '../../shared/domain/learner-fields';
import { PARTY_DB_FIRST_COLUMNS } from '../fixtures/builders';
import { detect, fieldOf, fields, grid } from './header-detect-fixtures';

describe('exports of the Party-member database', () => {
  it('maps its one-row headers, addresses split into parts in one cell', () => {
    const t = detect(
      grid([
        [
          ...PARTY_DB_FIRST_COLUMNS,
          'Dân tộc',
          'Quê quán - Quốc gia',
          'Quê quán - Tỉnh/Thành phố',
          'Quê quán - Địa chỉ chi tiết',
          'Nơi thường trú - Quốc gia',
          'Nơi thường trú - Tỉnh/Thành phố',
          'Nơi thường trú - Địa chỉ chi tiết',
          'Tổ chức Đảng đang sinh hoạt',
          'Ngày vào Đảng',
          'Ngày chính thức',
          'Trạng thái hoạt động',
        ],
        [
          1,
          'Nguyễn Văn An',
          'Ba An',
          'Nam',
          '12/03/1980',
          '038080012345',
          'Kinh',
          'Việt Nam',
          'Nghệ An',
          'Xóm 3, xã Diễn Kỷ',
          'Việt Nam',
          'Đắk Lắk',
          'Xã Ea Kao',
          'Chi bộ thôn 1',
          '03/02/2010',
          '03/02/2011',
          'Đang sinh hoạt',
        ],
      ]),
    );
    expect(fields(t)).toEqual([
      null,
      'fullName',
      null,
      'sex',
      'birthDate',
      'citizenId',
      'ethnicity',
      null,
      'homePlace',
      'homePlace',
      null,
      null,
      'commune',
      'unit',
      'admissionDate',
      'confirmationDate',
      null,
    ]);
    // Parts of one address are joined on import, so no column waits for the clerk as a repeat.
    expect(t.columns.every((c) => c.repeatOf === undefined)).toBe(true);
  });

  it('maps address parts written as sub-headers under «Quê quán» and «Nơi ở hiện nay»', () => {
    const t = detect(
      grid(
        [
          ['STT', 'Họ và tên', 'Số định danh cá nhân', 'Quê quán', null, null, 'Nơi ở hiện nay', null, null, 'Tổ chức Đảng đang sinh hoạt'],
          [null, null, null, 'Quốc gia', 'Tỉnh/Thành phố', 'Địa chỉ chi tiết', 'Quốc gia', 'Tỉnh/Thành phố', 'Xã/Phường', null],
          [1, 'Lê Thị Hoa', '040190001234', 'Việt Nam', 'Hà Tĩnh', 'Thôn Trung', 'Việt Nam', 'Đắk Lắk', 'Ea Kao', 'Chi bộ thôn 2'],
        ],
        [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
          { top: 0, left: 2, bottom: 1, right: 2 },
          { top: 0, left: 3, bottom: 0, right: 5 },
          { top: 0, left: 6, bottom: 0, right: 8 },
          { top: 0, left: 9, bottom: 1, right: 9 },
        ],
      ),
    );
    expect(t.headerRowCount).toBe(2);
    expect(fields(t)).toEqual([null, 'fullName', 'citizenId', null, 'homePlace', 'homePlace', null, null, 'commune', 'unit']);
  });

  const cases: [string, ImportField | null][] = [
    ['Tổ chức Đảng đang sinh hoạt', 'unit'],
    ['Số định danh cá nhân', 'citizenId'],
    ['Tên gọi khác', null],
    ['Trạng thái hoạt động', null],
    ['Quê quán (Tỉnh)', 'homePlace'],
    ['Quê quán (Quốc gia)', null],
    ['Nơi ở hiện nay - Xã/Phường', 'commune'],
    ['Nơi ở hiện nay - Tỉnh/Thành phố', null],
    ['Địa chỉ chi tiết', 'commune'],
  ];
  it.each(cases)('«%s» → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
});
