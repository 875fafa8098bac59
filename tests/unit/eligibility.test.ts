import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '../../shared/domain/grading';
import { evaluate, weightedTenths, type AttendanceMark, type Scheme } from '../../shared/domain/eligibility';

const essay: Scheme = { components: [{ name: 'Bài thu hoạch', weight: 100 }], bands: DEFAULT_BANDS, maxAbsencePct: 20, maxRetakes: 1 };
const twoTests: Scheme = {
  ...essay,
  components: [
    { name: 'Kiểm tra 1', weight: 50 },
    { name: 'Kiểm tra 2', weight: 50 },
  ],
};
const marks = (absent: number, total = 10): AttendanceMark[] =>
  Array.from({ length: total }, (_, i) => (i < absent ? 'unexcused' : 'present'));

describe('classification at the edges', () => {
  it('4,9 fails, 5,0 passes as Trung bình', () => {
    expect(evaluate(essay, { marks: marks(0), scores: [{ first: 49, retake: null }], discipline: false })).toMatchObject({
      status: 'not_eligible',
      classification: 'Không đạt',
      reasons: ['Điểm bài thu hoạch 4,9 dưới 5,0'],
    });
    expect(evaluate(essay, { marks: marks(0), scores: [{ first: 50, retake: null }], discipline: false })).toMatchObject({
      status: 'eligible',
      classification: 'Trung bình',
    });
  });
  it('a weighted 6,95 rounds half up to 7,0 (Khá); 6,94… to 6,9 (Trung bình)', () => {
    expect(weightedTenths(twoTests, [69, 70])).toBe(70);
    expect(
      evaluate(twoTests, {
        marks: marks(0),
        scores: [
          { first: 69, retake: null },
          { first: 70, retake: null },
        ],
        discipline: false,
      }).classification,
    ).toBe('Khá');
    const third: Scheme = {
      ...twoTests,
      components: [
        { name: 'A', weight: 33 },
        { name: 'B', weight: 67 },
      ],
    };
    expect(weightedTenths(third, [70, 69])).toBe(69);
    expect(evaluate(essay, { marks: marks(0), scores: [{ first: 70, retake: null }], discipline: false }).classification).toBe('Khá');
  });
  it('a re-assessment replaces the first score', () => {
    expect(evaluate(essay, { marks: marks(0), scores: [{ first: 40, retake: 65 }], discipline: false })).toMatchObject({
      status: 'eligible',
      finalTenths: 65,
    });
  });

  it('ignores a stored re-assessment once the first score is corrected to a pass', () => {
    expect(evaluate(essay, { marks: marks(0), scores: [{ first: 60, retake: 50 }], discipline: false })).toMatchObject({ finalTenths: 60 });
  });
});

describe('absence limit', () => {
  it('exactly at the limit is allowed; one session over is not', () => {
    expect(evaluate(essay, { marks: marks(2), scores: [{ first: 80, retake: null }], discipline: false })).toMatchObject({
      status: 'eligible',
      absent: 2,
      allowedAbsences: 2,
    });
    expect(evaluate(essay, { marks: marks(3), scores: [{ first: 80, retake: null }], discipline: false })).toMatchObject({
      status: 'not_eligible',
      reasons: ['Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)'],
    });
  });
  it('counts excused absences too, and an unmarked session makes the result incomplete', () => {
    const m: (AttendanceMark | null)[] = ['excused', 'excused', 'excused', ...marks(0, 7)];
    expect(evaluate(essay, { marks: m, scores: [{ first: 80, retake: null }], discipline: false }).status).toBe('not_eligible');
    expect(evaluate(essay, { marks: [null, ...marks(0, 9)], scores: [{ first: 80, retake: null }], discipline: false })).toMatchObject({
      status: 'incomplete',
      reasons: ['Chưa điểm danh 1 buổi'],
    });
  });
  it('a discipline flag refuses the certificate whatever the scores', () => {
    expect(evaluate(essay, { marks: marks(0), scores: [{ first: 95, retake: null }], discipline: true })).toMatchObject({
      status: 'not_eligible',
      classification: 'Không đạt',
    });
  });
});
