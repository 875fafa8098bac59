/**
 * Results of one learner in one class, in integer tenths (7.5 → 75), never compared as floats.
 * Rules from DOMAIN.md: absence not over the program's limit; every assessed component ≥ 5,0; no
 * discipline flag; the classification from the program's bands on the weighted score.
 */
import { classify, type Band } from './grading';
import { formatScore } from './format';

export interface Scheme {
  components: { name: string; weight: number }[];
  bands: Band[];
  maxAbsencePct: number;
  maxRetakes: number;
}

export type AttendanceMark = 'present' | 'excused' | 'unexcused';

export interface LearnerRecord {
  /** One mark per session of the class; null where none is recorded yet. */
  marks: (AttendanceMark | null)[];
  /** Per component (in order): first attempt and re-assessment, in tenths. */
  scores: { first: number | null; retake: number | null }[];
  discipline: boolean;
}

export interface Result {
  absent: number;
  sessions: number;
  /** Absences allowed: the limit in percent of the class's sessions, rounded down. */
  allowedAbsences: number;
  /** The weighted score in tenths, rounded half up to one decimal; null until every component has a score. */
  finalTenths: number | null;
  classification: string | null;
  status: 'eligible' | 'not_eligible' | 'incomplete';
  reasons: string[];
}

/** The score that counts: the re-assessment of a failed first attempt, otherwise the first. */
export function effectiveScore(s: { first: number | null; retake: number | null }): number | null {
  // A retake only replaces a failed first attempt: a first score corrected to a pass later wins.
  return s.first !== null && s.first < 50 && s.retake !== null ? s.retake : s.first;
}

/** Σ weight% × tenths, then rounded half up to tenths: 6,95 → 7,0, 6,94 → 6,9 (integer arithmetic). */
export function weightedTenths(scheme: Scheme, scores: (number | null)[]): number | null {
  if (scheme.components.length === 0 || scores.some((s) => s === null)) return null;
  const sum = scheme.components.reduce((acc, c, i) => acc + c.weight * (scores[i] as number), 0);
  return Math.floor((sum + 50) / 100);
}

export function evaluate(scheme: Scheme, r: LearnerRecord): Result {
  const sessions = r.marks.length;
  const absent = r.marks.filter((m) => m === 'excused' || m === 'unexcused').length;
  const allowedAbsences = Math.floor((scheme.maxAbsencePct * sessions) / 100);
  const reasons: string[] = [];
  let incomplete = false;
  const unmarked = r.marks.filter((m) => m === null).length;
  if (unmarked > 0) {
    incomplete = true;
    reasons.push(`Chưa điểm danh ${unmarked} buổi`);
  }
  // Compared in integers: absent / sessions > limit% ⇔ absent × 100 > limit × sessions.
  if (absent * 100 > scheme.maxAbsencePct * sessions) {
    reasons.push(`Vắng ${absent}/${sessions} buổi, quá ${scheme.maxAbsencePct}% (tối đa ${allowedAbsences} buổi)`);
  }
  const scores = scheme.components.map((_, i) => effectiveScore(r.scores[i] ?? { first: null, retake: null }));
  scheme.components.forEach((c, i) => {
    const s = scores[i];
    if (s === null || s === undefined) {
      incomplete = true;
      reasons.push(`Chưa có điểm ${c.name.toLocaleLowerCase('vi')}`);
    } else if (s < 50) {
      reasons.push(`Điểm ${c.name.toLocaleLowerCase('vi')} ${formatScore(s)} dưới 5,0`);
    }
  });
  if (r.discipline) reasons.push('Bị kỷ luật trong thời gian học');
  const finalTenths = weightedTenths(scheme, scores);
  const failed = reasons.some((x) => !x.startsWith('Chưa'));
  const status = failed ? 'not_eligible' : incomplete ? 'incomplete' : 'eligible';
  const classification =
    finalTenths === null ? null : status === 'not_eligible' ? 'Không đạt' : (classify(scheme.bands, finalTenths)?.label ?? null);
  return { absent, sessions, allowedAbsences, finalTenths, classification, status, reasons };
}
