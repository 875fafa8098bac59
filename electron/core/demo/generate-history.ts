import type { Channel, Input, Output, Result } from '../../../shared/contract';
import type { AppCore } from '../app-core';
import { dispatch } from '../dispatch';
import { makeRandom } from './generate';
import { peopleFitting } from './store';

/** The sample centre: valid from well before the sample years, so every past class and certificate has its header. */
export const DEMO_CENTRE = {
  validFrom: '2020-01-01',
  name: 'Trung tâm Chính trị (dữ liệu mẫu)',
  superior: 'Đảng ủy xã (dữ liệu mẫu)',
  docCode: 'TTCT',
  placeName: 'Đắk Hà',
  address: '',
  phone: '',
  director: { name: 'Nguyễn Văn Mẫu', title: 'Giám đốc' },
  deputies: [{ name: 'Trần Thị Mẫu', title: 'Phó Giám đốc' }],
  areaCommunes: [],
  areaPartyOrgs: [],
} satisfies Input<'centre.save'>;

export interface HistoryOptions {
  fromYear: number;
  years: number;
  classesPerYear: number;
  learnersPerClass: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface HistorySummary {
  classes: number;
  enrollments: number;
  certificates: number;
}

/** Every write goes through the dispatcher, as the screens' calls do: a refusal is a bug in the demo. */
async function call<C extends Channel>(core: AppCore, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = (await dispatch(core, channel, input)) as Result<Output<C>>;
  if (!r.ok) throw new Error(`demo: ${channel} refused: ${r.error.message}`);
  return r.value;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

function nextMonday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return iso(d);
}

/** The Monday of ISO-ish week `week` (1-based) of `year`. */
function mondayOf(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return iso(monday);
}

const LECTURERS: [string, string, 'chuyen_trach' | 'kiem_nhiem' | 'bao_cao_vien'][] = [
  ['Nguyễn Văn', 'Hùng', 'chuyen_trach'],
  ['Trần Thị', 'Mai', 'chuyen_trach'],
  ['Lê Quang', 'Vinh', 'kiem_nhiem'],
  ['Y Bhin', 'Niê', 'kiem_nhiem'],
  ['Phạm Đức', 'Thắng', 'bao_cao_vien'],
  ['Hoàng Thị', 'Lan', 'kiem_nhiem'],
];

/**
 * Past years of classes made the way a clerk makes them, call by call through the same channels and
 * services as the screens: year plans, classes opened from them with numbered decisions, timetables
 * around weekends and holidays, enrolments of people who fit the program, attendance, scores,
 * recognition and certificates (signed codes, frozen snapshots, register numbers). Slower than
 * writing rows, and so only for the demo's scale; the bench's million-person history is written in
 * bulk by generate-classes.ts with the same certificate builder.
 */
export async function generateHistory(core: AppCore, o: HistoryOptions): Promise<HistorySummary> {
  const rnd = makeRandom(o.seed ?? 20_26);
  const programs = (await call(core, 'programs.list', { includeArchived: false })).filter((p) => p.topicCount > 0);
  const details = new Map(await Promise.all(programs.map(async (p) => [p.id, await call(core, 'programs.get', { id: p.id })] as const)));
  // Who each program is for: its audience, or anyone when it names none.
  const pool = new Map<number, number[]>();
  for (const p of programs) {
    const fit = details.get(p.id)!.fitStatuses;
    const ids = peopleFitting(core.db, fit);
    if (ids.length >= o.learnersPerClass) pool.set(p.id, ids);
  }
  const usable = programs.filter((p) => pool.has(p.id));
  if (usable.length === 0) throw new Error('demo: too few people to fill a class; add more people');

  // One venue and one lecturer per track; a track's classes follow one another (the next starts on the
  // Monday after the last one ended), so nothing clashes. Long programs take two weeks or more: a track
  // holds about 20 classes a year.
  const tracks = Math.max(2, Math.ceil(o.classesPerYear / 20));
  const lecturers: number[] = [];
  const venues: number[] = [];
  for (let t = 0; t < tracks; t++) {
    const [family, given, kind] = LECTURERS[t % LECTURERS.length]!;
    const l = await call(core, 'lecturers.save', {
      familyAndMiddle: family,
      given: t < LECTURERS.length ? given : `${given} ${t + 1}`,
      kind,
      role: kind === 'chuyen_trach' ? 'giang_vien' : 'khac',
      unit: kind === 'chuyen_trach' ? 'Trung tâm Chính trị' : 'Ban Tuyên giáo',
      position: '',
      phone: '',
      normHours: null,
      lecturingHours: null,
    });
    lecturers.push(l.id);
    const v = await call(core, 'venues.save', {
      name: t === 0 ? 'Hội trường trung tâm' : `Phòng học số ${t + 1}`,
      address: '',
      communeCode: null,
      capacity: 80,
    });
    venues.push(v.id);
  }

  const summary: HistorySummary = { classes: 0, enrollments: 0, certificates: 0 };
  for (let y = 0; y < o.years; y++) {
    const year = o.fromYear + y;
    const counts = new Map<number, number>();
    const picks: { programId: number; track: number }[] = [];
    for (let c = 0; c < o.classesPerYear; c++) {
      const program = rnd.pick(usable);
      counts.set(program.id, (counts.get(program.id) ?? 0) + 1);
      picks.push({ programId: program.id, track: c % tracks });
    }
    const lines = new Map<number, number>();
    for (const [programId, n] of counts) {
      const line = await call(core, 'plans.saveLine', {
        year,
        programId,
        quarter: null,
        communeCode: null,
        plannedClasses: n + (rnd.next() < 0.3 ? 1 : 0),
        plannedLearners: n * o.learnersPerClass,
        notes: '',
      });
      lines.set(programId, line.id);
    }
    // Each track starts in the second week of the year, well clear of the year's end for the last class.
    const free = Array.from({ length: tracks }, () => mondayOf(year, 2));
    const spacing = Math.max(7, Math.floor((48 * 7) / Math.ceil(o.classesPerYear / tracks)));
    for (const [c, pick] of picks.entries()) {
      const planned = addDays(mondayOf(year, 2), Math.floor(c / tracks) * spacing);
      const startDate = planned > free[pick.track]! ? planned : free[pick.track]!;
      const ran = await runClass(
        core,
        rnd,
        {
          ...pick,
          year,
          startDate,
          planLineId: lines.get(pick.programId)!,
          venueId: venues[pick.track]!,
          lecturerId: lecturers[pick.track]!,
          people: pool.get(pick.programId)!,
          learners: o.learnersPerClass,
          topics: details.get(pick.programId)!.topics.map((t) => t.id),
          certifies: details.get(pick.programId)!.outcome === 'certificate',
        },
        summary,
      );
      summary.enrollments += ran.enrolled;
      free[pick.track] = nextMonday(ran.endDate);
      summary.classes++;
    }
    o.onProgress?.(y + 1, o.years);
  }
  return summary;
}

interface ClassPlan {
  programId: number;
  planLineId: number;
  year: number;
  startDate: string;
  venueId: number;
  lecturerId: number;
  people: number[];
  learners: number;
  topics: number[];
  certifies: boolean;
}

async function runClass(
  core: AppCore,
  rnd: ReturnType<typeof makeRandom>,
  p: ClassPlan,
  summary: HistorySummary,
): Promise<{ enrolled: number; endDate: string }> {
  const startDate = p.startDate;
  // Decided a week before the opening, within the same year: numbers run per Party term, and a term
  // starts on 1 January, so the proposal for the start date holds for the decision's date.
  const decidedOn = addDays(startDate, -7) < `${p.year}-01-02` ? `${p.year}-01-02` : addDays(startDate, -7);
  const proposal = await call(core, 'classes.propose', { programId: p.programId, startDate, cohortNumbering: 'per_year' });
  const cls = await call(core, 'classes.save', {
    programId: p.programId,
    planLineId: p.planLineId,
    cohortNumber: proposal.cohortNumber,
    cohortNumbering: 'per_year',
    name: proposal.name,
    startDate,
    endDate: addDays(startDate, 4),
    venueId: p.venueId,
    form: 'full_time',
    homeroomLecturerId: p.lecturerId,
    capacity: 80,
    sites: [],
    openingDecisionNumber: proposal.nextDecisionNumber,
    openingDecisionDate: decidedOn,
  });
  const lecturerByTopic = Object.fromEntries(p.topics.map((t) => [String(t), p.lecturerId]));
  const generated = await call(core, 'timetable.generate', { classId: cls.id, startDate, halves: ['sang', 'chieu'], lecturerByTopic });
  const saved = await call(core, 'timetable.save', { classId: cls.id, sessions: generated.sessions, adjustClassDates: true });

  const chosen = new Set<number>();
  while (chosen.size < p.learners) chosen.add(rnd.pick(p.people));
  const list = await call(core, 'enrollments.add', { classId: cls.id, personIds: [...chosen] });
  const sessions = (await call(core, 'attendance.grid', { classId: cls.id })).sessions;
  // Most attend everything; a few miss a session with leave, one in fifty misses too many.
  const marks = list.enrollments.flatMap((e) => {
    const truant = rnd.next() < 0.02;
    return sessions.map((s, i) => ({
      enrollmentId: e.id,
      sessionId: s.id,
      mark: (truant && i % 2 === 0 ? 'unexcused' : rnd.next() < 0.03 ? 'excused' : 'present') as 'present' | 'excused' | 'unexcused',
    }));
  });
  await call(core, 'attendance.set', { classId: cls.id, changes: marks });
  const grid = await call(core, 'results.grid', { classId: cls.id });
  const scores = list.enrollments.flatMap((e) =>
    grid.scheme.components.map((_, component) => ({
      enrollmentId: e.id,
      component,
      attempt: 1 as const,
      tenths: rnd.next() < 0.04 ? 30 + rnd.int(19) : 55 + rnd.int(46),
    })),
  );
  if (scores.length) await call(core, 'results.setScores', { classId: cls.id, changes: scores });
  await call(core, 'classes.setStatus', { id: cls.id, status: 'running' });
  await call(core, 'classes.setStatus', { id: cls.id, status: 'finished' });
  const end = saved.endDate ?? addDays(startDate, 4);
  const decisionDate = addDays(end, 3);
  const decision = await call(core, 'classes.propose', { programId: p.programId, startDate: decisionDate, cohortNumbering: 'per_year' });
  const recognised = await call(core, 'results.recognise', { classId: cls.id, decisionNumber: decision.nextDecisionNumber, decisionDate });
  if (p.certifies && recognised.summary.eligible > 0) {
    const issued = await call(core, 'certificates.issue', {
      classId: cls.id,
      issueDate: addDays(decisionDate, 2),
      signer: { kind: 'director' },
    });
    summary.certificates += issued.issued.length;
  }
  return { enrolled: list.enrollments.length, endDate: end };
}
