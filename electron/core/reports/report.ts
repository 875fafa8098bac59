import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Figures, Report, ReportPeriod } from '../../../shared/contract/reports';
import { fullName } from '../../../shared/domain/text';
import { formatDateTime } from '../../../shared/domain/format';
import { AppError } from '../errors';
import { communeByCode } from '../reference/communes';
import { ageBandLabels, blankFigures, finishPercent, periodFigures, type PeriodFigures } from './compute';
import { normFactor, previousPeriod, resolvePeriod } from './period';
import {
  ageBounds,
  classificationOrder,
  closuresBetween,
  firstYear,
  lecturerRows,
  pendingClassCount,
  periodsTaught,
  programList,
  reasonsAfterClose,
  unitRows,
  type UnitRow,
} from './store';

/** The year's figures as they are now, per program and in total: what a close freezes and a roll-up sends. */
export function yearFigures(db: Database, year: number): { programs: Record<string, Figures>; total: Figures } {
  const f = periodFigures(db, { kind: 'year', year }, ageBounds(db));
  return { programs: Object.fromEntries([...f.byProgram].map(([id, fig]) => [String(id), fig])), total: f.total };
}

/** A cell counts for the base organisation above it; a merged unit for the one it went into. */
export function baseOrgOf(units: Map<number, UnitRow>): (id: number) => UnitRow | null {
  return (id) => {
    let u = units.get(id);
    for (let hops = 0; u && hops < 20; hops++) {
      if (u.merged_into_id !== null) u = units.get(u.merged_into_id);
      else if (u.kind === 'cell' && u.parent_id !== null) u = units.get(u.parent_id);
      else return u;
    }
    return u ?? null;
  };
}

const AMENDED: [keyof Figures, string][] = [
  ['opened', 'Số lớp mở'],
  ['enrollments', 'Lượt học viên'],
  ['completed', 'Hoàn thành chương trình'],
  ['certified', 'Được cấp giấy chứng nhận'],
  ['women', 'Nữ'],
  ['minority', 'Dân tộc thiểu số'],
];

/** Why a closed year's class changed: the reasons given for changes after the close, per program. */
function reasonsByProgram(db: Database, year: number, closedAt: string): Map<number, string[]> {
  const rows = reasonsAfterClose(db, year, closedAt);
  const byProgram = new Map<number, string[]>();
  for (const r of rows) byProgram.set(r.program_id, [...(byProgram.get(r.program_id) ?? []), `${formatDateTime(r.at)}: ${r.reason}`]);
  return byProgram;
}

export function buildReport(db: Database, period: ReportPeriod): Report {
  const p = resolvePeriod(period);
  const first = firstYear(db);
  if (first === null) throw new AppError('EMPTY', 'Chưa có số liệu: trung tâm chưa lập kế hoạch hay mở lớp nào.');
  const lastYear = p.years[p.years.length - 1]!;
  if (lastYear < first) {
    throw new AppError(
      'BEFORE_FIRST',
      `Số liệu của trung tâm bắt đầu từ năm ${first}; ${p.label.toLocaleLowerCase('vi')} không có số liệu.`,
      {
        period: `Số liệu bắt đầu từ năm ${first}`,
      },
    );
  }
  const bounds = ageBounds(db);
  const current = periodFigures(db, period, bounds);
  if (current.classCount === 0 && current.total.planned === 0) {
    throw new AppError('EMPTY', `${p.label} chưa có số liệu: không có kế hoạch và không có lớp nào mở.`, {
      period: 'Kỳ này chưa có số liệu',
    });
  }
  const prevPeriod = previousPeriod(period);
  const prev = periodFigures(db, prevPeriod, bounds);
  const prevLabel = resolvePeriod(prevPeriod);

  const programRows = programList(db);
  const classificationLabels = classificationOrder(db);
  const blank = () => blankFigures(bounds.length);
  const programs = programRows
    .filter((r) => current.byProgram.has(r.id) || prev.byProgram.has(r.id))
    .map((r) => ({
      programId: r.id,
      code: r.code,
      name: r.name,
      current: current.byProgram.get(r.id) ?? finishPercent(blank()),
      previous: prev.byProgram.get(r.id) ?? finishPercent(blank()),
    }));

  const sum = (m: Map<number, number> | undefined) => [...(m?.values() ?? [])].reduce((a, b) => a + b, 0);
  const perProgram = (m: Map<number, number> | undefined) => Object.fromEntries([...(m ?? [])].map(([id, v]) => [String(id), v]));
  const communeKeys = new Set([...current.communes.keys(), ...prev.communes.keys()]);
  const communes = [...communeKeys]
    .map((code) => ({
      code: code || null,
      name: code ? (communeByCode(code)?.name ?? `Mã ${code}`) : 'Chưa rõ xã, phường',
      current: sum(current.communes.get(code)),
      previous: sum(prev.communes.get(code)),
      byProgram: perProgram(current.communes.get(code)),
    }))
    .sort((a, b) => (a.code === null ? 1 : 0) - (b.code === null ? 1 : 0) || b.current - a.current || a.name.localeCompare(b.name, 'vi'));

  const baseOf = baseOrgOf(unitRows(db));
  // A name frozen by a year-end close wins over today's, so a closed year reads as it was reported.
  const orgs = new Map<
    string,
    { unitId: number | null; name: string; current: number; previous: number; byProgram: Record<string, number>; frozenName: boolean }
  >();
  const addOrg = (units: Map<string, Map<number, number>>, which: 'current' | 'previous') => {
    for (const [id, programs] of units) {
      const n = sum(programs);
      // A closed year's learners keep the base organisation (and its name) of the day it closed.
      const frozen = /^#(\d+)\|(.*)$/s.exec(id);
      const base = frozen
        ? { id: Number(frozen[1]), name: frozen[2] || 'Chưa rõ tổ chức cơ sở đảng' }
        : id === ''
          ? null
          : baseOf(Number(id));
      const key = base ? String(base.id) : '';
      const row = orgs.get(key) ?? {
        unitId: base?.id ?? null,
        name: base?.name ?? 'Chưa rõ tổ chức cơ sở đảng',
        current: 0,
        previous: 0,
        byProgram: {},
        frozenName: false,
      };
      if (which === 'current')
        for (const [programId, v] of programs) row.byProgram[String(programId)] = (row.byProgram[String(programId)] ?? 0) + v;
      if (base && frozen && !row.frozenName) {
        row.name = base.name;
        row.frozenName = true;
      }
      row[which] += n;
      orgs.set(key, row);
    }
  };
  addOrg(current.units, 'current');
  addOrg(prev.units, 'previous');
  const baseOrgs = [...orgs.values()]
    .map(({ frozenName: _f, ...o }) => o)
    .sort(
      (a, b) => (a.unitId === null ? 1 : 0) - (b.unitId === null ? 1 : 0) || b.current - a.current || a.name.localeCompare(b.name, 'vi'),
    );

  const taught = periodsTaught(db, p.from, p.to);
  const taughtBefore = periodsTaught(db, prevLabel.from, prevLabel.to);
  const factor = normFactor(period);
  const lecturers = lecturerRows(db)
    .filter((l) => taught.has(l.id) || taughtBefore.has(l.id))
    .map((l) => {
      const periods = taught.get(l.id) ?? 0;
      const norm = l.lecturing_hours === null ? null : Math.round(l.lecturing_hours * factor * 10) / 10;
      return {
        lecturerId: l.id,
        name: fullName({ familyAndMiddle: l.family_and_middle, given: l.given }),
        kind: l.kind,
        periods,
        previousPeriods: taughtBefore.get(l.id) ?? 0,
        norm,
        percent: norm ? Math.round((1000 * periods) / norm) / 10 : null,
      };
    });

  const years = p.years.map((year) => ({
    year,
    programs: programs.map((pr) => {
      const f = current.byYear.get(year)?.get(pr.programId);
      return { programId: pr.programId, classes: f?.opened ?? 0, enrollments: f?.enrollments ?? 0 };
    }),
  }));

  const closures = closuresBetween(db, p.years[0]! - 1, lastYear);
  const amendments: Report['amendments'] = [];
  const liveYear = (year: number, figures: PeriodFigures[]) => {
    const whole = figures.find((f) => f.wholeYears.has(year));
    return whole ? (whole.byYear.get(year) ?? new Map<number, Figures>()) : periodFigures(db, { kind: 'year', year }, bounds).byProgram;
  };
  for (const c of closures) {
    if (!c.figures_json) continue;
    const frozen = JSON.parse(c.figures_json) as { programs: Record<string, Figures> };
    const live = liveYear(c.year, [current, prev]);
    const reasons = reasonsByProgram(db, c.year, c.closed_at);
    const ids = new Set([...Object.keys(frozen.programs).map(Number), ...live.keys()]);
    for (const id of ids) {
      const before = frozen.programs[String(id)] ?? blank();
      const after = live.get(id) ?? blank();
      const name = programRows.find((r) => r.id === id)?.name ?? `Chương trình ${id}`;
      const changed: [string, number, number][] = AMENDED.filter(([k]) => before[k] !== after[k]).map(([k, label]) => [
        label,
        before[k] as number,
        after[k] as number,
      ]);
      for (const label of new Set([...Object.keys(before.classifications), ...Object.keys(after.classifications)])) {
        const b = before.classifications[label] ?? 0;
        const a = after.classifications[label] ?? 0;
        if (a !== b) changed.push([`Xếp loại ${label}`, b, a]);
      }
      for (const [figure, b, a] of changed)
        amendments.push({ year: c.year, program: name, figure, before: b, after: a, reasons: reasons.get(id) ?? [] });
    }
  }

  const totalCurrent = current.total;
  const totalPrevious = prev.total;
  return {
    period: { label: p.label, from: p.from, to: p.to },
    previous: { label: prevLabel.label, from: prevLabel.from, to: prevLabel.to },
    ageBands: ageBandLabels(bounds),
    classificationLabels: classificationLabels.filter((l) =>
      programs.some((pr) => (pr.current.classifications[l] ?? 0) + (pr.previous.classifications[l] ?? 0) > 0),
    ),
    programs,
    total: { current: totalCurrent, previous: totalPrevious },
    communes,
    baseOrgs,
    lecturers,
    years,
    closedYears: closures.map((c) => ({ year: c.year, closedAt: c.closed_at })),
    pendingClasses: pendingClassCount(db, p.from, p.to),
    amendments,
  };
}
