import { describe, expect, it } from 'vitest';
import { zodIssuesToFields } from '../../shared/contract';
import { centreProfileInput } from '../../shared/contract/centre';
import { programInput } from '../../shared/contract/programs';
import { CENTRE } from '../fixtures/centre-profile';

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
  // The good program with one of its lists replaced, and the rows such lists are written with.
  const refused = (lists: Pick<Partial<typeof goodProgram>, 'topics' | 'components' | 'bands'>) =>
    fieldsOf(programInput, { ...goodProgram, ...lists });
  const topic = (title: string, sessions: number) => ({ title, sessions });
  const component = (name: string, weight: number) => ({ name, weight });
  const band = (label: string, min: number, max: number) => ({ label, min, max });
  it('refuses topics with zero sessions', () => {
    expect(refused({ topics: [topic('A', 1), topic('B', 0)] })['topics.1.sessions']).toBe('Số buổi phải là số nguyên từ 1 đến 60');
  });
  it('refuses overlapping or gapped bands at the band', () => {
    const overlapping = refused({ bands: [band('Đạt', 40, 100), band('Không đạt', 0, 50)] });
    expect(overlapping['bands.0.min']).toBe('Khoảng điểm chồng lên «Không đạt» (0,0–5,0)');
    const gapped = refused({ bands: [band('Đạt', 60, 100), band('Không đạt', 0, 50)] });
    expect(gapped['bands.0.min']).toBe('Còn hở khoảng điểm từ 5,0 đến 6,0');
  });
  it('needs weights that add up to 100 %', () => {
    expect(refused({ components: [component('A', 40), component('B', 50)] }).components).toBe('Tổng trọng số phải bằng 100% (hiện là 90%)');
  });
  it('needs bands exactly when something is assessed', () => {
    expect(refused({ bands: [] }).bands).toMatch(/ít nhất một mức xếp loại/);
    expect(refused({ components: [] }).bands).toMatch(/không xếp loại/);
  });
  it('refuses duplicate band labels, ignoring diacritics and case', () => {
    expect(refused({ bands: [band('Đạt', 50, 100), band('dat', 0, 50)] })['bands.1.label']).toBe('Tên mức xếp loại bị trùng');
  });
});

/** The builders' commune centre, its code typed in lower case, with a deputy and two communes. */
const goodCentre = {
  ...CENTRE,
  docCode: 'ttct',
  deputies: [{ name: 'Trần Thị Bình', title: 'Phó Giám đốc' }],
  areaCommunes: ['Xã Đắk Hà', 'Xã Đắk Mar'],
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
