import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ImportRow, importsChannels } from '../../../shared/contract/imports';
import { IMPORT_FIELDS, type ImportField } from '../../../shared/domain/learner-fields';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { readWorkbookInWorker } from '../io/sheet-worker';
import { registryVersion } from '../learners/person-store';
import { commit } from './commit';
import { describeSheet } from './describe';
import { readHeaderMemory } from './mapping-memory';
import { problemsXlsx } from './problems-xlsx';
import { readRows } from './rows';
import { evaluate, markRepeats, openSessions, rowContext, rowState, session, toRow, type RowState } from './session';

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
  openSessions(ctx).set(id, {
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
  'imports.discard': (ctx, input) => ({ ok: openSessions(ctx).delete(input.sessionId) }),
};
