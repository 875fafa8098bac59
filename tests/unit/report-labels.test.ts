import { describe, expect, it } from 'vitest';
import { programShortName, wrapWords } from '../../shared/domain/program-label';
import { shareText } from '../../shared/domain/report-breakdown';

describe('program names on charts and narrow headings', () => {
  it('drops the generic opening of the two Central Committee programs, keeps any other name whole', () => {
    expect(programShortName('Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng')).toBe('Đối tượng kết nạp Đảng');
    expect(programShortName('Bồi dưỡng lý luận chính trị dành cho đảng viên mới')).toBe('Đảng viên mới');
    expect(programShortName('Sơ cấp lý luận chính trị')).toBe('Sơ cấp lý luận chính trị');
    expect(programShortName('Bồi dưỡng lý luận chính trị dành cho ')).toBe('Bồi dưỡng lý luận chính trị dành cho');
  });

  it('wraps on words and marks a cut with an ellipsis', () => {
    expect(wrapWords('Bồi dưỡng nghiệp vụ công tác Đảng', 16, 3)).toEqual(['Bồi dưỡng nghiệp', 'vụ công tác Đảng']);
    expect(wrapWords('Bồi dưỡng, cập nhật kiến thức (Mặt trận, đoàn thể, chính quyền)', 14, 2)).toEqual([
      'Bồi dưỡng, cập',
      'nhật kiến thức…',
    ]);
    expect(wrapWords('Nữ', 10, 2)).toEqual(['Nữ']);
  });
});

describe('shares', () => {
  it('writes the Vietnamese way, with a dash when there is no base', () => {
    expect(shareText(1234, 2706)).toBe('45,6%');
    expect(shareText(3, 0)).toBe('—');
  });
});
