import { PARTY_STATUS_LABELS, SEX_LABELS } from '../../../shared/domain/learner-fields';
import type { Enrollment } from '../../../shared/contract/enrollments';
import type { ResultsGrid } from '../../../shared/contract/results';
import type { SummaryBreakdown } from './class-lists';

/** The class summary's tallies: pure counting over the roll and the results grid. */

function countBy<T>(items: T[], key: (t: T) => string, order?: string[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  const labels = order
    ? order.filter((l) => counts.has(l)).concat([...counts.keys()].filter((l) => !order.includes(l)))
    : [...counts.keys()];
  return labels.map((label) => ({ label, count: counts.get(label)! }));
}

const UNKNOWN = 'Chưa rõ';

function ageBand(birthDate: string | null, classStart: string): string {
  if (!birthDate) return UNKNOWN;
  const age = Number(classStart.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (age < 30) return 'Dưới 30 tuổi';
  if (age <= 45) return 'Từ 30 đến 45 tuổi';
  if (age <= 60) return 'Từ 46 đến 60 tuổi';
  return 'Trên 60 tuổi';
}

/** The tallies the Party committee asks about a class: who came, and how they did. */
export function summary(learners: Enrollment[], grid: ResultsGrid, classStart: string): SummaryBreakdown[] {
  const collator = new Intl.Collator('vi');
  const byResult = new Map(grid.rows.map((r) => [r.enrollmentId, r.result]));
  const resultLabel = (id: number): string => {
    const r = byResult.get(id);
    if (!r || r.status === 'incomplete') return 'Chưa đủ kết quả';
    if (r.status === 'not_eligible') return 'Không đủ điều kiện công nhận';
    return r.classification ?? 'Đạt';
  };
  const bands = grid.scheme.bands.map((b) => b.label);
  const units = countBy(learners, (l) => l.unitName ?? UNKNOWN).sort((a, b) => collator.compare(a.label, b.label));
  return [
    { title: 'Theo giới tính', rows: countBy(learners, (l) => (l.sex ? SEX_LABELS[l.sex] : UNKNOWN), ['Nam', 'Nữ']) },
    {
      title: 'Theo độ tuổi',
      rows: countBy(learners, (l) => ageBand(l.birthDate, classStart), [
        'Dưới 30 tuổi',
        'Từ 30 đến 45 tuổi',
        'Từ 46 đến 60 tuổi',
        'Trên 60 tuổi',
      ]),
    },
    { title: 'Theo dân tộc', rows: countBy(learners, (l) => l.ethnicityName ?? UNKNOWN, ['Kinh']) },
    {
      title: 'Theo tình trạng đảng viên',
      rows: countBy(learners, (l) => (l.partyStatus ? PARTY_STATUS_LABELS[l.partyStatus] : UNKNOWN), Object.values(PARTY_STATUS_LABELS)),
    },
    { title: 'Theo kết quả học tập', rows: countBy(learners, (l) => resultLabel(l.id), bands) },
    { title: 'Theo chi bộ, đơn vị', rows: units },
  ];
}
