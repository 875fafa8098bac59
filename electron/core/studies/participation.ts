import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StudyReport, StudyReportRow, StudyScope, StudySessionSummary } from '../../../shared/contract/studies';
import { formatDate, formatNumber } from '../../../shared/domain/format';
import { participationRate } from '../../../shared/domain/participation';
import { compareVi } from '../../../shared/domain/text';
import { AppError } from '../errors';
import {
  allUnits,
  countsOf,
  isLiveBase,
  listFigures,
  membersOf,
  mergedIntoName,
  sessionById,
  sessionsOfYear,
  type SessionRow,
  type UnitRow,
} from './store';

/**
 * Participation = present / expected per base organisation. Typed counts take the organisation's
 * members of the session's year when «phải dự» is left empty; a linked class list gives both figures.
 * An organisation with neither has no denominator: shown as missing, never as 0 %, and left out of
 * the totals. Rates are truncated to two decimals of the percentage (shares.ts). A merged organisation's
 * counts stay under its former name, noted «đã hợp nhất vào …»: they were reported against its own
 * members, which the kept organisation's do not include for that time.
 */

export interface OrgFigure {
  unitId: number;
  present: number;
  /** Null: no expected typed and no members for the year. */
  expected: number | null;
  source: 'counts' | 'list';
}

export function sessionFigures(
  db: Database,
  session: SessionRow,
  units: Map<number, UnitRow>,
): { figures: OrgFigure[]; unassigned: number } {
  const members = membersOf(db, Number(session.date.slice(0, 4)));
  const list = session.classId === null ? { byOrg: new Map(), unassigned: 0 } : listFigures(db, session.classId, units);
  const figures: OrgFigure[] = [...list.byOrg].map(([unitId, f]) => ({
    unitId,
    present: f.present,
    expected: f.expected,
    source: 'list' as const,
  }));
  for (const [unitId, c] of countsOf(db, session.id)) {
    // Counts are refused for an organisation the list covers; a list that grew afterwards wins.
    if (list.byOrg.has(unitId)) continue;
    figures.push({ unitId, present: c.present, expected: c.expected ?? members.get(unitId) ?? null, source: 'counts' });
  }
  return { figures, unassigned: list.unassigned };
}

/** Truncated, not rounded: a committee reads «95,00%» as the target met. */
const rateOf = participationRate;

/** Lowest rate first; an organisation of no members after the rated ones; missing denominators, then «Chưa báo cáo», last. */
export function sortRows(rows: StudyReportRow[]): StudyReportRow[] {
  const rank = (r: StudyReportRow) => (r.source === 'none' ? 3 : r.expected === null ? 2 : r.rate === null ? 1 : 0);
  return [...rows].sort(
    (a, b) => rank(a) - rank(b) || (a.rate ?? 0) - (b.rate ?? 0) || compareVi(a.label, b.label) || a.key.localeCompare(b.key),
  );
}

export function totalOf(rows: StudyReportRow[]): StudyReport['total'] {
  const reported = rows.filter((r) => r.source !== 'none');
  const counted = reported.filter((r) => r.expected !== null);
  const present = counted.reduce((s, r) => s + r.present, 0);
  const expected = counted.reduce((s, r) => s + r.expected!, 0);
  return {
    present,
    expected,
    rate: rateOf(present, expected),
    rows: reported.length,
    missing: reported.length - counted.length,
    notReported: rows.length - reported.length,
  };
}

const nameOf = (units: Map<number, UnitRow>, id: number) => units.get(id)?.name ?? `Tổ chức #${id}`;

function sessionRows(
  db: Database,
  session: SessionRow,
  units: Map<number, UnitRow>,
  figures = sessionFigures(db, session, units).figures,
): StudyReportRow[] {
  return figures.map((f) => oneSessionRow(String(f.unitId), nameOf(units, f.unitId), session.date, f, mergedIntoName(units, f.unitId)));
}

/** One organisation at one session, as a row. */
function oneSessionRow(
  key: string,
  label: string,
  date: string,
  f: { present: number; expected: number | null; source: StudyReportRow['source'] },
  mergedInto: string | null,
): StudyReportRow {
  return {
    key,
    label,
    detail: formatDate(date),
    sessions: 1,
    present: f.present,
    expected: f.expected,
    rate: rateOf(f.present, f.expected),
    source: f.source,
    missingSessions: f.expected === null ? 1 : 0,
    mergedInto,
  };
}

/**
 * The live base organisations with members that year that sent nothing for the session: «Chưa báo cáo»,
 * their members shown as phải dự but kept out of the total, so «Cộng … đạt x%» cannot pass for complete.
 */
function notReportedRows(db: Database, session: SessionRow, units: Map<number, UnitRow>, reported: ReadonlySet<number>): StudyReportRow[] {
  const rows: StudyReportRow[] = [];
  for (const [unitId, members] of membersOf(db, Number(session.date.slice(0, 4)))) {
    if (members === 0 || reported.has(unitId) || !isLiveBase(units, unitId) || units.get(unitId)!.archived) continue;
    rows.push({
      key: String(unitId),
      label: nameOf(units, unitId),
      detail: formatDate(session.date),
      sessions: 1,
      present: 0,
      expected: members,
      rate: null,
      source: 'none',
      missingSessions: 0,
      mergedInto: null,
    });
  }
  return rows;
}

export function summaryOf(db: Database, session: SessionRow, units = allUnits(db)): StudySessionSummary {
  const t = totalOf(sessionRows(db, session, units));
  return { ...session, orgs: t.rows, missing: t.missing, present: t.present, expected: t.expected, rate: t.rate };
}

/**
 * One row per organisation over the year's sessions: the sessions with a denominator are summed;
 * those without one are counted as missing. Only when every session lacks it is the row missing.
 */
function yearRows(db: Database, year: number, units: Map<number, UnitRow>): { rows: StudyReportRow[]; sessions: number } {
  const sessions = sessionsOfYear(db, year);
  const acc = new Map<
    number,
    { sessions: number; missing: number; present: number; expected: number; missingPresent: number; sources: Set<string> }
  >();
  for (const s of sessions) {
    for (const f of sessionFigures(db, s, units).figures) {
      const a = acc.get(f.unitId) ?? { sessions: 0, missing: 0, present: 0, expected: 0, missingPresent: 0, sources: new Set<string>() };
      a.sessions++;
      a.sources.add(f.source);
      if (f.expected === null) {
        a.missing++;
        a.missingPresent += f.present;
      } else {
        a.present += f.present;
        a.expected += f.expected;
      }
      acc.set(f.unitId, a);
    }
  }
  const rows = [...acc].map(([unitId, a]): StudyReportRow => {
    const allMissing = a.missing === a.sessions;
    const expected = allMissing ? null : a.expected;
    const present = allMissing ? a.missingPresent : a.present;
    return {
      key: String(unitId),
      label: nameOf(units, unitId),
      detail: `${formatNumber(a.sessions)} buổi`,
      sessions: a.sessions,
      present,
      expected,
      rate: rateOf(present, expected),
      source: a.sources.size > 1 ? 'mixed' : (a.sources.values().next().value as 'counts' | 'list'),
      missingSessions: a.missing,
      mergedInto: mergedIntoName(units, unitId),
    };
  });
  return { rows, sessions: sessions.length };
}

function orgRows(db: Database, unitId: number, year: number, units: Map<number, UnitRow>): StudyReportRow[] {
  const rows: StudyReportRow[] = [];
  for (const s of sessionsOfYear(db, year)) {
    const f = sessionFigures(db, s, units).figures.find((x) => x.unitId === unitId);
    if (!f) continue;
    rows.push(oneSessionRow(String(s.id), s.title, s.date, f, null));
  }
  return rows;
}

export function sessionFacts(s: SessionRow, unassigned: number): string[] {
  const form = s.form === 'online' ? 'trực tuyến' : 'trực tiếp';
  const sites = s.sites ? `, ${formatNumber(s.sites)} điểm cầu` : '';
  return [
    `Thời gian: ngày ${formatDate(s.date)}; hình thức: ${form}${sites}.`,
    ...(s.className ? [`Số liệu các tổ chức có học viên trong danh sách lớp «${s.className}» lấy theo danh sách lớp.`] : []),
    ...(unassigned > 0
      ? [`${formatNumber(unassigned)} người trong danh sách lớp chưa có chi bộ, đảng bộ nên chưa tính vào tổ chức nào.`]
      : []),
    ...(s.note.trim() ? [`Ghi chú: ${s.note.trim()}`] : []),
  ];
}

export function buildStudyReport(db: Database, scope: StudyScope): StudyReport {
  const units = allUnits(db);
  if (scope.kind === 'session') {
    const s = sessionById(db, scope.id);
    if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi học tập này; hãy tải lại danh sách.');
    const { figures, unassigned } = sessionFigures(db, s, units);
    const reported = new Set(figures.map((f) => f.unitId));
    const rows = sortRows([...sessionRows(db, s, units, figures), ...notReportedRows(db, s, units, reported)]);
    return { scope, heading: s.title, rowLabel: 'Tổ chức cơ sở đảng', facts: sessionFacts(s, unassigned), rows, total: totalOf(rows) };
  }
  if (scope.kind === 'year') {
    const { rows, sessions } = yearRows(db, scope.year, units);
    const sorted = sortRows(rows);
    return {
      scope,
      heading: `Năm ${scope.year}`,
      rowLabel: 'Tổ chức cơ sở đảng',
      facts: [
        `Trong năm ${scope.year} có ${formatNumber(sessions)} buổi học tập, quán triệt; mỗi tổ chức cộng số liệu các buổi có tham gia.`,
      ],
      rows: sorted,
      total: totalOf(sorted),
    };
  }
  const unit = units.get(scope.unitId);
  if (!unit || unit.kind !== 'base')
    throw new AppError('NOT_FOUND', 'Không tìm thấy tổ chức cơ sở đảng này.', { 'scope.unitId': 'Chọn một tổ chức cơ sở đảng' });
  const rows = sortRows(orgRows(db, scope.unitId, scope.year, units));
  return {
    scope,
    heading: `${unit.name} — năm ${scope.year}`,
    rowLabel: 'Buổi học tập',
    facts: [`${unit.name} có số liệu ở ${formatNumber(rows.length)} buổi học tập, quán triệt trong năm ${scope.year}.`],
    rows,
    total: totalOf(rows),
  };
}
