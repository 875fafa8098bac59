import { describe, expect, it } from 'vitest';
import { checkBands, classify, DEFAULT_BANDS, PASS_FAIL_BANDS } from '../../shared/domain/grading';

describe('classification bands', () => {
  it('accepts the default and pass/fail bands', () => {
    expect(checkBands(DEFAULT_BANDS)).toEqual([]);
    expect(checkBands(PASS_FAIL_BANDS)).toEqual([]);
  });
  it('classifies at the edges (in tenths)', () => {
    expect(classify(DEFAULT_BANDS, 49)?.label).toBe('Không đạt');
    expect(classify(DEFAULT_BANDS, 50)?.label).toBe('Trung bình');
    expect(classify(DEFAULT_BANDS, 69)?.label).toBe('Trung bình');
    expect(classify(DEFAULT_BANDS, 70)?.label).toBe('Khá');
    expect(classify(DEFAULT_BANDS, 90)?.label).toBe('Xuất sắc');
    expect(classify(DEFAULT_BANDS, 100)?.label).toBe('Xuất sắc');
    expect(classify(DEFAULT_BANDS, 0)?.label).toBe('Không đạt');
  });
  it('reports an overlap', () => {
    const problems = checkBands([
      { label: 'Giỏi', min: 75, max: 100 },
      { label: 'Khá', min: 50, max: 80 },
      { label: 'Không đạt', min: 0, max: 50 },
    ]);
    expect(problems).toEqual([{ index: 0, field: 'min', message: 'Khoảng điểm chồng lên «Khá» (5,0–8,0)' }]);
  });
  it('reports gaps at the bottom, in the middle and at the top', () => {
    expect(checkBands([{ label: 'Đạt', min: 10, max: 100 }])[0]?.message).toBe('Còn hở khoảng điểm từ 0,0 đến 1,0');
    expect(
      checkBands([
        { label: 'Đạt', min: 65, max: 100 },
        { label: 'Không đạt', min: 0, max: 60 },
      ])[0]?.message,
    ).toBe('Còn hở khoảng điểm từ 6,0 đến 6,5');
    expect(checkBands([{ label: 'Đạt', min: 0, max: 90 }])[0]?.message).toBe('Còn hở khoảng điểm từ 9,0 đến 10,0');
  });
  it('reports a band whose upper bound is not above its lower bound', () => {
    expect(checkBands([{ label: 'X', min: 50, max: 50 }])[0]).toMatchObject({ index: 0, field: 'max' });
  });
});
