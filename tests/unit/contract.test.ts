import { describe, expect, it } from 'vitest';
import { zodIssuesToFields } from '../../shared/contract';
import { centreProfileInput } from '../../shared/contract/centre';
import { programInput } from '../../shared/contract/programs';

const goodProgram = {
  code: 'knd',
  name: 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng',
  targetLearners: 'Quần chúng ưu tú',
  outcome: 'certificate',
  validityMonths: 60,
  maxAbsencePct: 20,
  maxRetakes: 1,
  typicalDays: 5,
  topics: [{ title: 'Chủ đề 1', sessions: 2 }],
  components: [{ name: 'Bài thu hoạch', weight: 100 }],
  bands: [
    { label: 'Đạt', min: 50, max: 100 },
    { label: 'Không đạt', min: 0, max: 50 },
  ],
};

function fieldsOf(schema: typeof programInput | typeof centreProfileInput, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? {} : zodIssuesToFields(r.error.issues);
}

describe('program input', () => {
  it('accepts a good program and cleans its text', () => {
    const r = programInput.parse({ ...goodProgram, name: `  ${goodProgram.name.normalize('NFD')}  ` });
    expect(r.code).toBe('KND');
    expect(r.name).toBe(goodProgram.name);
  });
  it('refuses empty and over-long fields with Vietnamese messages at the field', () => {
    const f = fieldsOf(programInput, { ...goodProgram, name: '   ', code: 'X'.repeat(21) });
    expect(f.name).toBe('Không được để trống');
    expect(f.code).toBe('Tối đa 20 ký tự');
  });
  it('refuses a code with spaces', () => {
    expect(fieldsOf(programInput, { ...goodProgram, code: 'A B' }).code).toMatch(/không có khoảng trắng/);
  });
  it('refuses an absence limit outside 0–100 %', () => {
    expect(fieldsOf(programInput, { ...goodProgram, maxAbsencePct: 101 }).maxAbsencePct).toBe('Tỉ lệ vắng tối đa phải từ 0 đến 100%');
    expect(fieldsOf(programInput, { ...goodProgram, maxAbsencePct: -1 }).maxAbsencePct).toBe('Tỉ lệ vắng tối đa phải từ 0 đến 100%');
    expect(fieldsOf(programInput, { ...goodProgram, maxAbsencePct: Number.NaN }).maxAbsencePct).toBe(
      'Tỉ lệ vắng tối đa phải từ 0 đến 100%',
    );
  });
  it('refuses topics with zero sessions', () => {
    const f = fieldsOf(programInput, {
      ...goodProgram,
      topics: [
        { title: 'A', sessions: 1 },
        { title: 'B', sessions: 0 },
      ],
    });
    expect(f['topics.1.sessions']).toBe('Số buổi phải là số nguyên từ 1 đến 60');
  });
  it('refuses overlapping or gapped bands at the band', () => {
    const f = fieldsOf(programInput, {
      ...goodProgram,
      bands: [
        { label: 'Đạt', min: 40, max: 100 },
        { label: 'Không đạt', min: 0, max: 50 },
      ],
    });
    expect(f['bands.0.min']).toBe('Khoảng điểm chồng lên «Không đạt» (0,0–5,0)');
    const g = fieldsOf(programInput, {
      ...goodProgram,
      bands: [
        { label: 'Đạt', min: 60, max: 100 },
        { label: 'Không đạt', min: 0, max: 50 },
      ],
    });
    expect(g['bands.0.min']).toBe('Còn hở khoảng điểm từ 5,0 đến 6,0');
  });
  it('needs weights that add up to 100 %', () => {
    const f = fieldsOf(programInput, {
      ...goodProgram,
      components: [
        { name: 'A', weight: 40 },
        { name: 'B', weight: 50 },
      ],
    });
    expect(f.components).toBe('Tổng trọng số phải bằng 100% (hiện là 90%)');
  });
  it('needs bands exactly when something is assessed', () => {
    expect(fieldsOf(programInput, { ...goodProgram, bands: [] }).bands).toMatch(/ít nhất một mức xếp loại/);
    expect(fieldsOf(programInput, { ...goodProgram, components: [] }).bands).toMatch(/không xếp loại/);
  });
  it('refuses duplicate band labels, ignoring diacritics and case', () => {
    const f = fieldsOf(programInput, {
      ...goodProgram,
      bands: [
        { label: 'Đạt', min: 50, max: 100 },
        { label: 'dat', min: 0, max: 50 },
      ],
    });
    expect(f['bands.1.label']).toBe('Tên mức xếp loại bị trùng');
  });
});

const goodCentre = {
  validFrom: '2025-07-01',
  name: 'Trung tâm Chính trị xã Đắk Hà',
  superior: 'Đảng ủy xã Đắk Hà',
  docCode: 'ttct',
  placeName: 'Đắk Hà',
  address: '',
  phone: '',
  director: { name: 'Nguyễn Văn An', title: 'Giám đốc' },
  deputies: [{ name: 'Trần Thị Bình', title: 'Phó Giám đốc' }],
  areaCommunes: ['Xã Đắk Hà', 'Xã Đắk Mar'],
  areaPartyOrgs: [],
};

describe('centre profile input', () => {
  it('accepts a good profile and upper-cases the document code', () => {
    expect(centreProfileInput.parse(goodCentre).docCode).toBe('TTCT');
  });
  it('puts each message at its field', () => {
    const f = fieldsOf(centreProfileInput, {
      ...goodCentre,
      name: '',
      validFrom: '2025-02-30',
      docCode: 'TT CT',
      director: { name: '', title: 'Giám đốc' },
      phone: 'abc',
    });
    expect(f.name).toBe('Không được để trống');
    expect(f.validFrom).toBe('Ngày không hợp lệ (dd/MM/yyyy)');
    expect(f.docCode).toMatch(/chữ in hoa, số và dấu gạch ngang/);
    expect(f['director.name']).toBe('Không được để trống');
    expect(f.phone).toBe('Số điện thoại không hợp lệ');
  });
  it('refuses the same commune twice, even typed differently', () => {
    const f = fieldsOf(centreProfileInput, { ...goodCentre, areaCommunes: ['Xã Đắk Hà', 'xa dak ha'] });
    expect(f['areaCommunes.1']).toBe('«xa dak ha» bị trùng');
  });
});
