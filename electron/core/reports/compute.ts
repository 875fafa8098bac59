import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Figures, ReportPeriod } from '../../../shared/contract/reports';
import { classFigures, yearProgramFigures, type ClassFigures } from './figures-store';
import { resolvePeriod } from './period';
import { countedClasses, maxPersonId, mergedPeople, plannedClasses } from './store';

export const DEFAULT_AGE_BOUNDS = [30, 40, 50];

/** "Dưới 30", "30–39", "40–49", "Từ 50 trở lên", then the unknown. */
export function ageBandLabels(bounds: readonly number[]): string[] {
  const labels = [`Dưới ${bounds[0]}`];
  for (let i = 1; i < bounds.length; i++) labels.push(`${bounds[i - 1]}–${bounds[i]! - 1}`);
  labels.push(`Từ ${bounds[bounds.length - 1]} trở lên`, 'Không rõ tuổi');
  return labels;
}

export function blankFigures(bands: number): Figures {
  return {
    planned: 0,
    opened: 0,
    planPercent: null,
    enrollments: 0,
    people: 0,
    completed: 0,
    certified: 0,
    women: 0,
    minority: 0,
    party: { chinh_thuc: 0, du_bi: 0, quan_chung: 0, unknown: 0 },
    ages: Array<number>(bands + 2).fill(0),
    classifications: {},
  };
}

function addClass(t: Figures, f: ClassFigures, band: (age: number) => number, classes = 1): void {
  t.opened += classes;
  t.enrollments += f.n;
  t.completed += f.o;
  t.certified += f.cert;
  t.women += f.w;
  t.minority += f.m;
  t.party.chinh_thuc += f.ps[0];
  t.party.du_bi += f.ps[1];
  t.party.quan_chung += f.ps[2];
  t.party.unknown += f.ps[3];
  const unknown = t.ages.length - 1;
  for (const [age, n] of Object.entries(f.a)) t.ages[age === 'x' ? unknown : band(Number(age))]! += n;
  for (const [label, n] of Object.entries(f.k)) t.classifications[label] = (t.classifications[label] ?? 0) + n;
}

export function addFigures(t: Figures, f: Figures): void {
  for (const k of ['planned', 'opened', 'enrollments', 'people', 'completed', 'certified', 'women', 'minority'] as const) t[k] += f[k];
  for (const k of ['chinh_thuc', 'du_bi', 'quan_chung', 'unknown'] as const) t.party[k] += f.party[k];
  f.ages.forEach((n, i) => (t.ages[i] = (t.ages[i] ?? 0) + n));
  for (const [label, n] of Object.entries(f.classifications)) t.classifications[label] = (t.classifications[label] ?? 0) + n;
}

export function finishPercent(f: Figures): Figures {
  f.planPercent = f.planned > 0 ? Math.round((10000 * f.opened) / f.planned) / 100 : null;
  return f;
}

/** A set of person ids as one byte per id: a ten-year union of 1,5 million ids takes milliseconds. */
class PeopleSet {
  private readonly seen: Uint8Array;
  count = 0;
  constructor(maxId: number) {
    this.seen = new Uint8Array(maxId + 1);
  }
  addAll(ids: Int32Array, survivor?: Map<number, number>): void {
    for (let i = 0; i < ids.length; i++) {
      const id = survivor?.get(ids[i]!) ?? ids[i]!;
      if (this.seen[id] === 0) {
        this.seen[id] = 1;
        this.count++;
      }
    }
  }
}

/** Merged-away person → the record that was kept (following chains of merges). */
function mergedSurvivors(db: Database): Map<number, number> {
  const rows = mergedPeople(db);
  const next = new Map(rows.map((r) => [r.id, r.merged_into_id]));
  const out = new Map<number, number>();
  for (const id of next.keys()) {
    let s = next.get(id)!;
    for (let hops = 0; next.has(s) && hops < 50; hops++) s = next.get(s)!;
    out.set(id, s);
  }
  return out;
}

export interface PeriodFigures {
  byProgram: Map<number, Figures>;
  total: Figures;
  /** Commune code ("" unknown) → program → enrolments. */
  communes: Map<string, Map<number, number>>;
  /** Unit key (see ClassFigures.u) → program → enrolments. */
  units: Map<string, Map<number, number>>;
  /** Calendar year → program → figures (no distinct people), for the charts and the amendments. */
  byYear: Map<number, Map<number, Figures>>;
  /** Years the period covers whole, whose byYear figures are complete. */
  wholeYears: Set<number>;
  classCount: number;
}

/**
 * The period's figures from the per-class cache: classes that opened (not planned, not cancelled)
 * with their start date inside the period, the plan lines of its years (for the first 6 or 9
 * months only the quarters inside), and distinct people through a byte set per program.
 */
export function periodFigures(db: Database, period: ReportPeriod, ageBounds: readonly number[]): PeriodFigures {
  const p = resolvePeriod(period);
  const bands = ageBounds.length;
  const band = (age: number) => {
    let i = 0;
    while (i < bands && age >= ageBounds[i]!) i++;
    return i;
  };
  const maxId = maxPersonId(db);
  const byProgram = new Map<number, Figures>();
  const byYear = new Map<number, Map<number, Figures>>();
  const peopleByProgram = new Map<number, PeopleSet>();
  const everyone = new PeopleSet(maxId);
  const total = blankFigures(bands);
  const communes = new Map<string, Map<number, number>>();
  const units = new Map<string, Map<number, number>>();
  const tally = (map: Map<string, Map<number, number>>, key: string, programId: number, n: number) => {
    let byProgram = map.get(key);
    if (!byProgram) map.set(key, (byProgram = new Map()));
    byProgram.set(programId, (byProgram.get(programId) ?? 0) + n);
  };
  const get = <K>(map: Map<K, Figures>, key: K) => {
    let f = map.get(key);
    if (!f) map.set(key, (f = blankFigures(bands)));
    return f;
  };
  let classCount = 0;
  // Across several years, a person merged after a year closed is still one person; a single closed
  // year keeps the ids it was closed with.
  const survivor = p.years.length > 1 ? mergedSurvivors(db) : undefined;
  const add = (programId: number, year: number, figures: ClassFigures, personIds: Int32Array, classes: number) => {
    classCount += classes;
    addClass(get(byProgram, programId), figures, band, classes);
    addClass(total, figures, band, classes);
    let years = byYear.get(year);
    if (!years) byYear.set(year, (years = new Map()));
    addClass(get(years, programId), figures, band, classes);
    let set = peopleByProgram.get(programId);
    if (!set) peopleByProgram.set(programId, (set = new PeopleSet(maxId)));
    set.addAll(personIds, survivor);
    everyone.addAll(personIds, survivor);
    for (const [code, n] of Object.entries(figures.c)) tally(communes, code, programId, n);
    for (const [unit, n] of Object.entries(figures.u)) tally(units, unit, programId, n);
  };
  if (p.lastQuarter === 4) {
    // Whole years: the per-year cache.
    for (const y of yearProgramFigures(db, p.years[0]!, p.years[p.years.length - 1]!))
      add(y.programId, y.year, y.figures, y.personIds, y.classes);
  } else {
    const classes = countedClasses(db, p.from, p.to);
    const cached = classFigures(
      db,
      classes.map((c) => c.id),
    );
    for (const c of classes) {
      const { figures, personIds } = cached.get(c.id)!;
      add(c.program_id, Number(c.start_date.slice(0, 4)), figures, personIds, 1);
    }
  }
  for (const [programId, set] of peopleByProgram) byProgram.get(programId)!.people = set.count;
  total.people = everyone.count;

  const plans = plannedClasses(db, p.years[0]!, p.years[p.years.length - 1]!, p.lastQuarter);
  for (const r of plans) {
    get(byProgram, r.program_id).planned += r.planned;
    total.planned += r.planned;
    let years = byYear.get(r.year);
    if (!years) byYear.set(r.year, (years = new Map()));
    get(years, r.program_id).planned += r.planned;
  }
  for (const f of byProgram.values()) finishPercent(f);
  finishPercent(total);
  for (const years of byYear.values()) for (const f of years.values()) finishPercent(f);
  const wholeYears = new Set(p.lastQuarter === 4 ? p.years : []);
  return { byProgram, total, communes, units, byYear, wholeYears, classCount };
}
