import type { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/dispatch';
import { contract, type Channel, type Input, type Output, type Result } from '../../shared/contract';

/** The sweep test's shared state (tests/integration/sweep.test.ts): the demo core, what answered, the data to call with. */

export const THIS_YEAR = new Date().getFullYear();
export const TODAY = new Date().toISOString().slice(0, 10);

export interface Data {
  years: number[];
  programs: Output<'programs.list'>;
  classes: Output<'classes.list'>;
  people: number[];
  units: Output<'units.list'>;
  lecturers: Output<'lecturers.list'>;
  venues: Output<'venues.list'>;
  certificates: Output<'certificates.register'>;
  /** A class of the current year, opened with a timetable and learners, made by the commands. */
  openClassId: number | null;
}

export type Cases = { [C in Channel]?: (d: Data) => Input<C>[] | Promise<Input<C>[]> };

/** The demo's core, set by the test before any call. */
export const sweep = { core: null as unknown as AppCore, answered: new Map<Channel, number>() };

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  const r = (await dispatch(sweep.core, channel, input)) as Result<Output<C>>;
  if (r.ok) sweep.answered.set(channel, (sweep.answered.get(channel) ?? 0) + 1);
  return r;
}

export async function ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel} ${JSON.stringify(input).slice(0, 300)} → ${r.error.code}: ${r.error.message}`);
  // The dispatcher validated the output already; parse again so a wrongly typed test cannot hide it.
  contract[channel].output.parse(r.value);
  return r.value;
}

export function certificateClasses(d: Data): number[] {
  return d.classes.filter((c) => c.status === 'certificates_issued').map((c) => c.id);
}
export function certificateProgram(d: Data): number {
  return d.classes.find((c) => c.status === 'certificates_issued')!.programId;
}
/** One class per lifecycle stage present in the data. */
export function stageSamples(d: Data): number[] {
  const byStatus = new Map<string, number>();
  for (const c of d.classes) if (!byStatus.has(c.status)) byStatus.set(c.status, c.id);
  return [...byStatus.values()];
}

export async function collect(): Promise<Data> {
  const years = (await ok('reports.years', {}))
    .map((y) => y.year)
    .filter((y) => y < THIS_YEAR)
    .sort();
  const people = (await ok('learners.search', { q: '', limit: 100 })).rows.map((r) => r.id);
  return {
    years,
    programs: await ok('programs.list', { includeArchived: false }),
    classes: await ok('classes.list', { year: null, programId: null }),
    people: people.filter((_, i) => i % 10 === 0),
    units: await ok('units.list', { includeArchived: false }),
    lecturers: await ok('lecturers.list', { includeArchived: false }),
    venues: await ok('venues.list', { includeArchived: false }),
    certificates: (await Promise.all(years.map((year) => ok('certificates.register', { year })))).flat(),
    openClassId: null,
  };
}
