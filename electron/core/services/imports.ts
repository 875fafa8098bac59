import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ColumnMapping, FontChoice, ImportRow, importsChannels } from '../../../shared/contract/imports';
import { LEGACY_FONT_LABELS, type LegacyFont } from '../../../shared/domain/legacy-vietnamese';
import { IMPORT_FIELDS, type ImportField } from '../../../shared/domain/learner-fields';
import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { AppError } from '../errors';
import type { RawSheet, RawWorkbook } from '../io/raw-sheet';
import { readWorkbookInWorker } from '../io/sheet-worker';
import { addTableSheet, newWorkbook, workbookToBase64 } from '../io/xlsx-write';
import { interpretRow, matchExisting, readRows, type Interpreted, type Match, type RawRow, type RowContext } from '../learners/import-rows';
import { mergeData } from '../learners/merge';
import { readPerson, registryVersion, toData, writePeople } from '../learners/person-store';
import { personInput } from '../../../shared/contract/learners';
import { guessUnitKind, insertUnit } from '../learners/units-store';
import { readHeaderMemory, rememberHeaderChoices, type ProposedColumn } from '../learners/import-mapping-memory';
import { describeSheet } from './import-describe';
import { centreProfileAt } from './centre';
import type { Handlers } from '../handler';
import { enrolPeople } from './enrollments';

interface RowState {
  raw: RawRow;
  result: Interpreted;
  match: Match;
  action: ImportRow['action'];
  edited: boolean;
  sameAsRow: number | null;
}

interface Session {
  id: string;
  fileName: string;
  workbook: RawWorkbook;
  openedAt: number;
  /** Per sheet: each header and its built-in guess, to tell the clerk's corrections from agreement. */
  headers: ProposedColumn[][];
  /** Per sheet: its legacy font and the sheet converted to Unicode, else null. */
  legacy: ({ font: LegacyFont; sheet: RawSheet } | null)[];
  analysis: {
    sheet: number;
    fontChoice: FontChoice | null;
    mapping: ColumnMapping[];
    rows: Map<number, RowState>;
    defaultUnitId: number | null;
    registryVersion: string;
  } | null;
}

const SESSION_TTL_MS = 4 * 3600_000;
const sessions = new WeakMap<AppCore, Map<string, Session>>();

function store(ctx: AppCore): Map<string, Session> {
  let m = sessions.get(ctx);
  if (!m) sessions.set(ctx, (m = new Map()));
  for (const [id, s] of m) if (Date.now() - s.openedAt > SESSION_TTL_MS) m.delete(id);
  return m;
}

function session(ctx: AppCore, id: string): Session {
  const s = store(ctx).get(id);
  if (!s) throw new AppError('IMPORT_EXPIRED', 'Phiên nhập đã hết hạn hoặc đã hoàn tất; hãy chọn lại tệp.');
  return s;
}

async function open(ctx: AppCore, fileName: string, dataBase64: string) {
  const bytes = Buffer.from(dataBase64, 'base64');
  const started = performance.now();
  const size = `${Math.round(bytes.length / 1024)} KB`;
  const read = await readWorkbookInWorker(bytes, fileName, {
    onSlow: (ms) => ctx.log.warn(`Reading a ${size} file for import is still running after ${Math.round(ms)} ms`),
  }).catch((err: unknown) => {
    // The clerk sees the reason; the log keeps that a file was refused and how long it took.
    if (err instanceof AppError)
      ctx.log.info(`Refused a ${size} file for import: ${err.code} after ${Math.round(performance.now() - started)} ms`);
    throw err;
  });
  const { book: workbook, heapMb } = read;
  ctx.log.info(`Read a ${size} file for import in ${Math.round(performance.now() - started)} ms (reader heap ${heapMb} MB)`);
  const memory = readHeaderMemory(ctx.db);
  const described = workbook.sheets.map((s, i) => describeSheet(s, i, memory));
  const id = randomUUID();
  store(ctx).set(id, {
    id,
    fileName,
    workbook,
    openedAt: Date.now(),
    headers: described.map((d) => d.headers),
    legacy: described.map((d) => d.legacy),
    analysis: null,
  });
  const candidates = described.filter((d) => !d.info.hidden && d.info.headerRow !== null);
  const suggested = (candidates.sort((a, b) => b.info.dataRows - a.info.dataRows)[0] ?? described[0])?.info.index ?? 0;
  return {
    sessionId: id,
    fileName,
    format: workbook.format,
    encoding: workbook.encoding ?? null,
    sheets: described.map((d) => d.info),
    suggestedSheet: suggested,
  };
}

function rowContext(ctx: AppCore, defaultUnitId: number | null): RowContext {
  const profile = centreProfileAt(ctx, new Date().toISOString().slice(0, 10));
  const unit =
    defaultUnitId === null
      ? undefined
      : (ctx.db.prepare('SELECT name FROM units WHERE id = ?').get(defaultUnitId) as { name: string } | undefined);
  if (defaultUnitId !== null && !unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị đã chọn.');
  return { db: ctx.db, now: ctx.now(), preferredCommunes: profile?.areaCommunes ?? [], defaultUnitId, defaultUnitName: unit?.name ?? null };
}

function evaluate(ctx: AppCore, raw: RawRow, rc: RowContext): Pick<RowState, 'result' | 'match'> {
  const result = interpretRow(raw, rc);
  const match: Match = result.data ? matchExisting(ctx.db, result.data) : { status: 'new', match: null };
  if (match.conflict) {
    result.problems.push({ field: 'citizenId', cell: raw.cells.citizenId ?? null, message: match.conflict, severity: 'error' });
  }
  return { result, match };
}

function identity(state: Pick<RowState, 'result'>): string[] {
  const d = state.result.data;
  if (!d) return [];
  // Two lines are one person only on the same CCCD, or the same name and full birth date.
  const keys: string[] = [];
  if (d.birthDate?.length === 10) keys.push(`n:${foldText(`${d.familyAndMiddle} ${d.given}`)}:${d.birthDate}`);
  if (d.citizenId) keys.push(`c:${d.citizenId}`);
  return keys;
}

/** A person listed twice in the same file: the later line is skipped unless the clerk says otherwise. */
function markRepeats(rows: Map<number, RowState>): void {
  const seen = new Map<string, number>();
  for (const [n, s] of rows) {
    s.sameAsRow = null;
    for (const key of identity(s)) {
      const first = seen.get(key);
      if (first !== undefined && first !== n) s.sameAsRow = first;
      else seen.set(key, n);
    }
  }
}

function status(s: RowState): ImportRow['status'] {
  if (s.result.problems.some((p) => p.severity === 'error')) return 'error';
  if (s.sameAsRow !== null) return 'duplicate';
  return s.match.status;
}

function toRow(s: RowState): ImportRow {
  const d = s.result.data;
  const repeat =
    s.sameAsRow !== null
      ? [{ field: null, cell: null, message: `Trùng với dòng ${s.sameAsRow} trong cùng tệp`, severity: 'warning' as const }]
      : [];
  return {
    rowNumber: s.raw.rowNumber,
    values: s.raw.values as Record<string, string>,
    fullName: d
      ? `${d.familyAndMiddle} ${d.given}`.trim()
      : (s.raw.values.fullName ?? `${s.raw.values.familyAndMiddle ?? ''} ${s.raw.values.given ?? ''}`.trim()),
    birthDate: d?.birthDate ?? null,
    sex: s.result.sex,
    unitName: s.result.unitName,
    status: status(s),
    action: s.action,
    match: s.match.match,
    problems: [...s.result.problems, ...repeat],
    edited: s.edited,
  };
}

function analyze(ctx: AppCore, input: z.output<(typeof importsChannels)['imports.analyze']['input']>) {
  const s = session(ctx, input.sessionId);
  const legacy = s.legacy[input.sheet] ?? null;
  const fontChoice = legacy ? (input.fontChoice ?? null) : null;
  const sheet = fontChoice === 'convert' ? legacy!.sheet : s.workbook.sheets[input.sheet];
  if (!sheet) throw new AppError('INVALID_INPUT', 'Không có trang tính này trong tệp.');
  const names = input.mapping.filter((m) => m.field === 'fullName' || m.field === 'given');
  if (names.length === 0) {
    throw new AppError('IMPORT_NO_NAME', 'Chưa chọn cột họ tên: hãy chọn cột «Họ và tên» (hoặc «Tên» và «Họ và chữ đệm»).');
  }
  const rc = rowContext(ctx, input.defaultUnitId);
  const rows = new Map<number, RowState>();
  for (const raw of readRows(sheet, input.firstDataRow, input.mapping)) {
    rows.set(raw.rowNumber, { raw, ...evaluate(ctx, raw, rc), action: 'auto', edited: false, sameAsRow: null });
  }
  markRepeats(rows);
  s.analysis = {
    sheet: input.sheet,
    fontChoice,
    mapping: input.mapping,
    rows,
    defaultUnitId: input.defaultUnitId,
    registryVersion: registryVersion(ctx.db),
  };
  const list = [...rows.values()].map(toRow);
  const newUnits = [...new Set([...rows.values()].flatMap((r) => (r.result.newUnitName ? [r.result.newUnitName] : [])))];
  return { sessionId: s.id, sheetName: sheet.name, rows: list, newUnits, fontUndecided: legacy !== null && fontChoice === null };
}

function rowState(ctx: AppCore, sessionId: string, rowNumber: number): { s: Session; row: RowState } {
  const s = session(ctx, sessionId);
  const row = s.analysis?.rows.get(rowNumber);
  if (!s.analysis || !row) throw new AppError('NOT_FOUND', `Không có dòng ${rowNumber} trong danh sách đang nhập.`);
  return { s, row };
}

/** Re-checks an edited row; a fix can change which other rows repeat it, so every changed row comes back. */
function updateRow(ctx: AppCore, sessionId: string, rowNumber: number, values: Record<string, string>): ImportRow[] {
  const { s, row } = rowState(ctx, sessionId, rowNumber);
  const rows = s.analysis!.rows;
  const before = new Map([...rows].map(([n, r]) => [n, JSON.stringify(toRow(r))]));
  const clean: Partial<Record<ImportField, string>> = {};
  for (const [k, v] of Object.entries(values)) if (k in IMPORT_FIELDS && v.trim()) clean[k as ImportField] = v;
  row.raw = { ...row.raw, values: clean };
  Object.assign(row, evaluate(ctx, row.raw, rowContext(ctx, s.analysis!.defaultUnitId)), { edited: true });
  markRepeats(rows);
  return [...rows].filter(([n, r]) => n === rowNumber || before.get(n) !== JSON.stringify(toRow(r))).map(([, r]) => toRow(r));
}

/**
 * The registry may have changed since the list was checked (a merge, another import). Then every
 * row is checked again; if any comes out differently, nothing is written and the clerk sees the new result.
 */
function recheckIfRegistryChanged(ctx: AppCore, s: Session): void {
  const analysis = s.analysis!;
  if (registryVersion(ctx.db) === analysis.registryVersion) return;
  const rc = rowContext(ctx, analysis.defaultUnitId);
  let changed = 0;
  for (const r of analysis.rows.values()) {
    const beforeStatus = status(r);
    const beforeMatch = r.match.match?.id ?? null;
    const beforeUnit = r.result.newUnitName;
    Object.assign(r, evaluate(ctx, r.raw, rc));
    if (status(r) !== beforeStatus || (r.match.match?.id ?? null) !== beforeMatch || r.result.newUnitName !== beforeUnit) {
      changed++;
      if (r.action === 'link' && !r.match.match) r.action = 'auto';
    }
  }
  markRepeats(analysis.rows);
  analysis.registryVersion = registryVersion(ctx.db);
  if (changed > 0) {
    throw new AppError(
      'IMPORT_STALE',
      `Sổ học viên đã thay đổi từ lúc kiểm tra danh sách (gộp hồ sơ, nhập tệp khác…): ${changed} dòng có kết quả khác. Chưa có gì được ghi; hãy xem lại danh sách rồi nhập.`,
    );
  }
}

async function problemsXlsx(ctx: AppCore, sessionId: string) {
  const s = session(ctx, sessionId);
  if (!s.analysis) throw new AppError('INVALID_INPUT', 'Chưa phân tích danh sách.');
  const sheetName = s.workbook.sheets[s.analysis.sheet]!.name;
  const lines = [...s.analysis.rows.values()].flatMap((r) =>
    toRow(r).problems.map((p) => ({
      row: r.raw.rowNumber,
      name: toRow(r).fullName,
      p,
      value: p.field ? (r.raw.values[p.field as ImportField] ?? '') : '',
    })),
  );
  const wb = newWorkbook();
  addTableSheet(
    wb,
    'Các vấn đề',
    [
      { header: 'Trang tính', width: 16, value: () => sheetName },
      { header: 'Dòng', width: 7, value: (l) => l.row },
      { header: 'Ô', width: 7, value: (l) => l.p.cell },
      { header: 'Họ và tên', width: 24, value: (l) => l.name },
      {
        header: 'Cột',
        width: 22,
        value: (l) => (l.p.field && l.p.field in IMPORT_FIELDS ? IMPORT_FIELDS[l.p.field as ImportField] : null),
      },
      { header: 'Giá trị trong tệp', width: 22, value: (l) => l.value || null },
      { header: 'Vấn đề', width: 60, value: (l) => l.p.message },
      { header: 'Mức độ', width: 10, value: (l) => (l.p.severity === 'error' ? 'Lỗi' : 'Lưu ý') },
    ],
    lines,
  );
  const base = s.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-cac-van-de.xlsx`, dataBase64: await workbookToBase64(wb), rowCount: lines.length };
}

/** All rows or none: an error left on a row that is not skipped stops the whole import before anything is written. */
function commit(ctx: AppCore, sessionId: string, enrol: { classId: number; fitOverrideReason?: string | undefined } | undefined) {
  const s = session(ctx, sessionId);
  const analysis = s.analysis;
  if (!analysis) throw new AppError('INVALID_INPUT', 'Chưa phân tích danh sách.');
  const font = s.legacy[analysis.sheet]?.font;
  if (font && analysis.fontChoice === null) {
    throw new AppError(
      'IMPORT_FONT_UNDECIDED',
      `Danh sách này gõ bằng phông chữ cũ (${LEGACY_FONT_LABELS[font]}): hãy chọn «Chuyển sang Unicode» hoặc «Giữ nguyên» trước khi nhập; chưa có gì được ghi.`,
    );
  }
  const rows = [...analysis.rows.values()];
  const blocking = rows.filter((r) => r.action !== 'skip' && status(r) === 'error');
  if (blocking.length > 0) {
    throw new AppError(
      'IMPORT_HAS_ERRORS',
      `Còn ${blocking.length} dòng có lỗi (dòng ${blocking
        .slice(0, 5)
        .map((r) => r.raw.rowNumber)
        .join(', ')}${blocking.length > 5 ? '…' : ''}). Hãy sửa hoặc bỏ qua các dòng đó; chưa có gì được ghi.`,
    );
  }
  const db = ctx.db;
  recheckIfRegistryChanged(ctx, s);
  const sheetName = s.workbook.sheets[analysis.sheet]!.name;
  const counts = { created: 0, linked: 0, filled: 0, skipped: 0, unitsCreated: 0, enrolled: 0, capacityWarning: null as string | null };
  const people: number[] = [];
  db.transaction(() => {
    writePeople(db, (writer) => {
      const now = ctx.now().toISOString();
      const createdUnits = new Map<string, { id: number; name: string }>();
      for (const r of rows) {
        const st = status(r);
        const action =
          r.action === 'auto' ? (st === 'same' ? 'link' : st === 'duplicate' ? (r.sameAsRow !== null ? 'skip' : 'new') : 'new') : r.action;
        if (action === 'skip' || !r.result.data) {
          counts.skipped++;
          continue;
        }
        const data = { ...r.result.data };
        let unitName = r.result.unitName;
        if (r.result.newUnitName) {
          const key = foldText(r.result.newUnitName);
          let unit = createdUnits.get(key);
          if (!unit) {
            unit = {
              id: insertUnit(db, r.result.newUnitName, guessUnitKind(r.result.newUnitName), null, null, now),
              name: r.result.newUnitName,
            };
            createdUnits.set(key, unit);
            audit(ctx, { action: 'create', entity: 'unit', entityId: unit.id, after: unit, reason: `Nhập từ tệp «${s.fileName}»` });
          }
          data.unitId = unit.id;
          unitName = unit.name;
        }
        const source = `Nhập từ tệp «${s.fileName}», trang «${sheetName}», dòng ${r.raw.rowNumber}`;
        if (action === 'link' && r.match.match) {
          counts.linked++;
          const existing = readPerson(db, r.match.match.id)!;
          // Fill only what the registry lacks, and only if the result is itself a valid record.
          const merged = personInput.safeParse(mergeData(toData(existing), data));
          const fuller = merged.success ? merged.data : toData(existing);
          if (JSON.stringify(fuller) !== JSON.stringify(toData(existing))) {
            writer.update(existing.id, fuller, fuller.unitId === existing.unitId ? existing.unitName : unitName, now);
            audit(ctx, {
              action: 'update',
              entity: 'person',
              entityId: existing.id,
              before: existing,
              after: fuller,
              reason: `Bổ sung thông tin còn thiếu — ${source}`,
            });
            counts.filled++;
          }
          people.push(existing.id);
          continue;
        }
        const id = writer.insert(data, unitName, now);
        people.push(id);
        audit(ctx, { action: 'create', entity: 'person', entityId: id, reason: source });
        counts.created++;
      }
      counts.unitsCreated = createdUnits.size;
      rememberHeaderChoices(db, s.headers[analysis.sheet] ?? [], analysis.mapping);
    });
    // Inside the same transaction: a refused enrolment (already in the class, wrong audience) writes nothing.
    if (enrol && people.length > 0) {
      const r = enrolPeople(ctx, enrol.classId, people, enrol.fitOverrideReason);
      counts.enrolled = r.added;
      counts.capacityWarning = r.capacityWarning;
    }
    audit(ctx, {
      action: 'create',
      entity: 'import',
      entityId: null,
      after: { file: s.fileName, sheet: sheetName, ...(enrol ? { classId: enrol.classId } : {}), ...counts },
    });
  })();
  store(ctx).delete(sessionId);
  return counts;
}

export const importsHandlers: Handlers<typeof importsChannels> = {
  'imports.open': (ctx, input) => open(ctx, input.fileName, input.dataBase64),
  'imports.analyze': (ctx, input) => analyze(ctx, input),
  'imports.updateRow': (ctx, input) => updateRow(ctx, input.sessionId, input.rowNumber, input.values),
  'imports.setRowAction': (ctx, input) => {
    const { row } = rowState(ctx, input.sessionId, input.rowNumber);
    if (input.action === 'link' && !row.match.match) throw new AppError('INVALID_INPUT', 'Dòng này không có hồ sơ nào để gắn vào.');
    row.action = input.action;
    return toRow(row);
  },
  'imports.problemsXlsx': (ctx, input) => problemsXlsx(ctx, input.sessionId),
  'imports.commit': (ctx, input) => commit(ctx, input.sessionId, input.enrol),
  'imports.discard': (ctx, input) => ({ ok: store(ctx).delete(input.sessionId) }),
};
