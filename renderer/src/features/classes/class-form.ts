import type { ClassInput, ClassRow } from '../../../../shared/contract/classes';
import { todayInVietnam } from '../../../../shared/domain/dates';

/** What the clerk is typing: numbers stay text until saved. */
export type ClassForm = Omit<ClassInput, 'cohortNumber' | 'capacity' | 'openingDecisionNumber' | 'programId'> & {
  programId: number | null;
  cohortNumber: string;
  capacity: string;
  openingDecisionNumber: string;
};

/** The plan line a new class is opened from: its program, and the year it opens in. */
export interface PlanLineRef {
  lineId: number;
  programId: number;
  year: number;
}

// Text that is not a whole number becomes NaN, which the contract reports with its own message.
const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
const optionalNum = (s: string) => (s.trim() === '' ? null : num(s));

/** A class from a plan line of this year opens today; one of another year, on 5 January of that year. */
export function newClassStart(plan: PlanLineRef | null): string {
  const today = todayInVietnam();
  if (!plan) return today;
  return `${plan.year}-${plan.year === Number(today.slice(0, 4)) ? today.slice(5) : '01-05'}`;
}

export function classToForm(c: ClassRow): ClassForm {
  return {
    id: c.id,
    programId: c.programId,
    planLineId: c.planLineId,
    cohortNumber: String(c.cohortNumber),
    cohortNumbering: c.cohortNumbering,
    name: c.name,
    startDate: c.startDate,
    endDate: c.endDate,
    venueId: c.venueId,
    form: c.form,
    homeroomLecturerId: c.homeroomLecturerId,
    capacity: c.capacity === null ? '' : String(c.capacity),
    sites: c.sites,
    openingDecisionNumber: c.openingDecisionNumber === null ? '' : String(c.openingDecisionNumber),
    openingDecisionDate: c.openingDecisionDate,
  };
}

export function newClassForm(plan: PlanLineRef | null): ClassForm {
  const start = newClassStart(plan);
  return {
    programId: plan?.programId ?? null,
    planLineId: plan?.lineId ?? null,
    cohortNumber: '',
    cohortNumbering: 'per_year',
    name: '',
    startDate: start,
    endDate: start,
    venueId: null,
    form: 'full_time',
    homeroomLecturerId: null,
    capacity: '',
    sites: [],
    openingDecisionNumber: '',
    openingDecisionDate: null,
  };
}

/** `decision` is the decision number as it will be saved (the form's, or the one the app proposed). */
export function classFormToInput(d: ClassForm, decision: string): ClassInput {
  return {
    ...(d.id ? { id: d.id } : {}),
    programId: d.programId ?? Number.NaN,
    planLineId: d.planLineId,
    cohortNumber: num(d.cohortNumber),
    cohortNumbering: d.cohortNumbering,
    name: d.name,
    startDate: d.startDate,
    endDate: d.endDate,
    venueId: d.venueId,
    form: d.form,
    homeroomLecturerId: d.homeroomLecturerId,
    capacity: optionalNum(d.capacity),
    sites: d.form === 'online' ? d.sites : [],
    openingDecisionNumber: optionalNum(decision),
    openingDecisionDate: d.openingDecisionDate,
  };
}
