import type { Database } from 'better-sqlite3-multiple-ciphers';
import { levelRank, type LevelReport, type LevelReportRow, type Target } from '../../../shared/contract/levels';
import { THEORY_LEVELS, THEORY_LEVEL_LABELS } from '../../../shared/domain/learner-fields';
import { truncatedShare } from '../../../shared/domain/shares';
import { compareVi } from '../../../shared/domain/text';
import { communeByCode } from '../reference/communes';
import { rankToLevel } from './history';
import { stepRanksAsOf } from './history-store';
import { positionMatcher } from './position-match';
import { listGroups, listNominations, listTargets, scopePeople, type ScopePerson } from './store';
import { loadUnits } from './units-store';

/**
 * The level report of a year: for each of the year's targets, the people in its scope (a position
 * group, or every Party member; one base organisation or all) by commune and base organisation, how
 * many hold each level as of the date, how many reach the target level, the share and the gap; then
 * who was sent to the provincial school that year.
 */

const NO_UNIT = 'Chưa rõ tổ chức cơ sở đảng';
const NO_COMMUNE = 'Chưa rõ xã, phường';
const MEMBERS = new Set(['du_bi', 'chinh_thuc']);

interface Place {
  key: string;
  baseId: number | null;
  communeName: string;
  baseName: string;
}

/** 31/12 of a past year; today for the current year. */
export function reportDate(year: number, today: string): string {
  return year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
}

/** People still needed to reach the target: ⌈percent · n / 100⌉ − achieved, never negative (integer arithmetic, no rounding drift). */
export function gapOf(percent: number, people: number, achieved: number): number {
  return Math.max(0, Math.ceil((percent * people) / 100) - achieved);
}

function emptyRow(communeName: string, baseUnitName: string): LevelReportRow {
  return {
    communeName,
    baseUnitName,
    people: 0,
    levels: { none: 0, so_cap: 0, trung_cap: 0, cao_cap: 0, cu_nhan: 0 },
    achieved: 0,
    share: null,
    gap: 0,
  };
}

function scopeLabel(t: Target): string {
  const who = t.groupName ?? 'Đảng viên';
  const where = t.baseUnitName ?? 'toàn bộ các tổ chức cơ sở đảng';
  return `${who} (${where}): ${t.percent}% có trình độ ${THEORY_LEVEL_LABELS[t.minLevel].toLocaleLowerCase('vi')} trở lên`;
}

export function buildLevelReport(db: Database, year: number, today: string): LevelReport {
  const asOf = reportDate(year, today);
  const units = loadUnits(db);
  const matchers = new Map(listGroups(db).map((g) => [g.id, positionMatcher(g.titles)]));
  // A Party member on the date: admitted by then (a partial date "2024" or "2024-05" compares as text).
  const member = (p: ScopePerson) => MEMBERS.has(p.partyStatus ?? '') && (p.admissionDate === null || p.admissionDate <= asOf);
  // Each place once, shared by every person and target: a registry can hold a million people. An
  // organisation is one row under its own commune; only people outside any organisation fall back to
  // their own commune.
  const places = new Map<number | string, Place>();
  const placeOf = (p: ScopePerson): Place => {
    // In an organisation the place is the unit's alone; outside any, the person's commune.
    const cacheKey = units.baseOf(p.unitId) ? p.unitId! : `|${p.communeCode ?? ''}`;
    let place = places.get(cacheKey);
    if (!place) {
      const base = units.baseOf(p.unitId);
      const communeName = communeByCode(base ? base.communeCode : p.communeCode)?.name ?? NO_COMMUNE;
      place = { key: `${communeName}\u0000${base?.id ?? ''}`, baseId: base?.id ?? null, communeName, baseName: base?.name ?? NO_UNIT };
      places.set(cacheKey, place);
    }
    return place;
  };
  const tallies = listTargets(db, year).map((t) => {
    const match = t.groupId === null ? null : matchers.get(t.groupId);
    // Positions repeat («Đảng viên», «Bí thư chi bộ thôn 1»): each is folded and matched once per report.
    const seen = new Map<string, boolean>();
    const matcher =
      match &&
      ((position: string) => {
        let hit = seen.get(position);
        if (hit === undefined) seen.set(position, (hit = match(position)));
        return hit;
      });
    return {
      target: t,
      // A target set for an organisation that has since merged counts the organisation it became.
      baseId: t.baseUnitId === null ? null : (units.baseOf(t.baseUnitId)?.id ?? -1),
      inScope: (p: ScopePerson) => (matcher === null ? member(p) : (matcher?.(p.position) ?? false)),
      need: levelRank(t.minLevel),
      byPlace: new Map<string, LevelReportRow>(),
      total: emptyRow('Cộng', ''),
    };
  });
  // A year without targets reads nobody.
  if (tallies.length > 0) {
    const steps = stepRanksAsOf(db, asOf);
    // One pass over the people the targets can concern, counted into every target's rows as read.
    for (const p of scopePeople(
      db,
      tallies.some((t) => t.target.groupId !== null),
    )) {
      let place: Place | undefined;
      let rank = -1;
      for (const t of tallies) {
        if (!t.inScope(p)) continue;
        place ??= placeOf(p);
        if (t.baseId !== null && place.baseId !== t.baseId) continue;
        if (rank < 0) rank = Math.max(p.declared === null ? 0 : levelRank(p.declared), steps.get(p.id) ?? 0);
        let row = t.byPlace.get(place.key);
        if (!row) t.byPlace.set(place.key, (row = emptyRow(place.communeName, place.baseName)));
        const level = rankToLevel(rank);
        const reached = rank >= t.need ? 1 : 0;
        row.people++;
        row.levels[level]++;
        row.achieved += reached;
        t.total.people++;
        t.total.levels[level]++;
        t.total.achieved += reached;
      }
    }
  }
  const targets = tallies.map(({ target: t, byPlace, total }) => {
    const rows = [...byPlace.values()].sort(
      (a, b) =>
        Number(a.communeName === NO_COMMUNE) - Number(b.communeName === NO_COMMUNE) ||
        compareVi(a.communeName, b.communeName) ||
        Number(a.baseUnitName === NO_UNIT) - Number(b.baseUnitName === NO_UNIT) ||
        compareVi(a.baseUnitName, b.baseUnitName),
    );
    for (const r of [...rows, total]) {
      // Truncated, never rounded: 29.999 of 30.000 must not read 100% beside «còn thiếu 1 người».
      r.share = truncatedShare(r.achieved, r.people);
      r.gap = gapOf(t.percent, r.people, r.achieved);
    }
    return { ...t, scopeLabel: scopeLabel(t), rows, total };
  });
  return { year, asOf, targets, nominations: listNominations(db, year) };
}

/** Levels in report column order, for the screen, the PDF and Excel. */
export const REPORT_LEVELS = THEORY_LEVELS;
