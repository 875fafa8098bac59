import type { Database } from 'better-sqlite3-multiple-ciphers';
import { levelRank, type LevelReport, type LevelReportRow, type Target } from '../../../shared/contract/levels';
import { THEORY_LEVELS, THEORY_LEVEL_LABELS } from '../../../shared/domain/learner-fields';
import { compareVi } from '../../../shared/domain/text';
import { communeByCode } from '../reference/communes';
import { rankToLevel, stepRanksAsOf } from './history';
import { positionMatcher } from './position-match';
import { listGroups, listNominations, listTargets, scopePeople, type ScopePerson } from './store';
import { loadUnits } from './units';

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
  return { communeName, baseUnitName, people: 0, levels: { none: 0, so_cap: 0, trung_cap: 0, cao_cap: 0, cu_nhan: 0 }, achieved: 0, share: null, gap: 0 };
}

function scopeLabel(t: Target): string {
  const who = t.groupName ?? 'Đảng viên';
  const where = t.baseUnitName ?? 'toàn bộ các tổ chức cơ sở đảng';
  return `${who} (${where}): ${t.percent}% có trình độ ${THEORY_LEVEL_LABELS[t.minLevel].toLocaleLowerCase('vi')} trở lên`;
}

export function buildLevelReport(db: Database, year: number, today: string): LevelReport {
  const asOf = reportDate(year, today);
  const steps = stepRanksAsOf(db, asOf);
  const units = loadUnits(db);
  const matchers = new Map(listGroups(db).map((g) => [g.id, positionMatcher(g.titles)]));
  // A Party member on the date: admitted by then (a partial date "2024" or "2024-05" compares as text).
  const member = (p: ScopePerson) => MEMBERS.has(p.partyStatus ?? '') && (p.admissionDate === null || p.admissionDate <= asOf);
  // Each person's place and rank once, shared by every target: a registry can hold a million people.
  const places = new Map<string, Place>();
  const placeOf = (p: ScopePerson): Place => {
    const cacheKey = `${p.unitId ?? ''}|${p.communeCode ?? ''}`;
    let place = places.get(cacheKey);
    if (!place) {
      const base = units.baseOf(p.unitId);
      const communeName = communeByCode(base?.communeCode ?? p.communeCode)?.name ?? NO_COMMUNE;
      place = { key: `${communeName}\u0000${base?.id ?? ''}`, baseId: base?.id ?? null, communeName, baseName: base?.name ?? NO_UNIT };
      places.set(cacheKey, place);
    }
    return place;
  };
  const yearTargets = listTargets(db, year);
  // A year without targets reads nobody: the registry may hold a million people.
  const people = yearTargets.length === 0 ? [] : scopePeople(db);
  const placeOfPerson = people.map(placeOf);
  const rankOf = people.map((p) => Math.max(p.declared === null ? 0 : levelRank(p.declared), steps.get(p.id) ?? 0));
  const targets = yearTargets.map((t) => {
    const matcher = t.groupId === null ? null : matchers.get(t.groupId);
    const inGroup = (p: ScopePerson) => (matcher === null ? member(p) : (matcher?.(p.position) ?? false));
    const byPlace = new Map<string, LevelReportRow>();
    const total = emptyRow('Cộng', '');
    const need = levelRank(t.minLevel);
    const rowOf = new Map<Place, LevelReportRow>();
    people.forEach((p, i) => {
      const place = placeOfPerson[i]!;
      if ((t.baseUnitId !== null && place.baseId !== t.baseUnitId) || !inGroup(p)) return;
      let row = rowOf.get(place);
      if (!row) {
        row = byPlace.get(place.key) ?? emptyRow(place.communeName, place.baseName);
        byPlace.set(place.key, row);
        rowOf.set(place, row);
      }
      const rank = rankOf[i]!;
      const level = rankToLevel(rank);
      const reached = rank >= need ? 1 : 0;
      row.people++;
      row.levels[level]++;
      row.achieved += reached;
      total.people++;
      total.levels[level]++;
      total.achieved += reached;
    });
    const rows = [...byPlace.values()].sort(
      (a, b) => Number(a.communeName === NO_COMMUNE) - Number(b.communeName === NO_COMMUNE) || compareVi(a.communeName, b.communeName) ||
        Number(a.baseUnitName === NO_UNIT) - Number(b.baseUnitName === NO_UNIT) || compareVi(a.baseUnitName, b.baseUnitName),
    );
    for (const r of [...rows, total]) {
      r.share = r.people > 0 ? r.achieved / r.people : null;
      r.gap = gapOf(t.percent, r.people, r.achieved);
    }
    return { ...t, scopeLabel: scopeLabel(t), rows, total };
  });
  return { year, asOf, targets, nominations: listNominations(db, year) };
}

/** Levels in report column order, for the screen, the PDF and Excel. */
export const REPORT_LEVELS = THEORY_LEVELS;
