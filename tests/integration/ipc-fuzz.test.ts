import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/dispatch';
import { contract, type Channel, type Input, type Output, type Result } from '../../shared/contract';
import { makeDemo } from '../fixtures/demo';
import { fuzz, idsOf, must, payloads, THIS_YEAR, type Files } from './ipc-fuzz-payloads';

/**
 * Every channel of the contract, called with random and malformed payloads on a demo database, as a
 * broken or hostile renderer could send them: any value at all, and values shaped like the channel's
 * input with fields swapped for wrong types, huge or broken strings, NaN and Infinity, huge or negative
 * numbers, deep nesting, prototype keys and very long arrays. A call may be accepted (a random payload
 * can be valid); it may never fail as INTERNAL, and a refusal is in Vietnamese and writes nothing.
 *
 * The channel list is the contract itself, so a channel added later is fuzzed with no change here.
 * The core has no print port: the two printing channels are fuzzed too, and answer "cannot print"
 * to a valid payload instead of opening a dialog.
 */

// Fixed, so a run is repeatable. When hunting, FUZZ_SEED=n tries other payloads and FUZZ_FINDINGS=file
// keeps the findings, the replayable payloads of the bad ones (file.jsonl) and every answer's code
// (file.codes, to see how deep the payloads get); what a hunt finds is kept below as a case.
const HUNT = process.env.FUZZ_FINDINGS;

/** Channels not fuzzed here, and why (none today; a reason must be written, as in the sweep test). */
const EXCLUDED = {} satisfies { [C in Channel]?: string };

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** zod's own wording (English, or its Vietnamese locale's "expected object, received string"). */
const MACHINE_WORDING = /Invalid|expected|received|Required|mong đợi|nhận được|\b(object|string|undefined|boolean|bigint|symbol)\b/;

// ---------------------------------------------------------------------------------------------
// Writes

/**
 * Counts committed writes: a temporary trigger on every table bumps a counter in the temp schema,
 * which rolls back with the transaction it ran in. A refused call must leave the count unchanged.
 */
function watchWrites(core: AppCore): () => number {
  const db = core.db;
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS fuzz_writes (n INTEGER NOT NULL); INSERT INTO fuzz_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM fuzz_writes);',
  );
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
    .all() as { name: string }[];
  let watched = 0;
  for (const { name } of tables) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      try {
        db.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS "fuzz_${name}_${op}" AFTER ${op} ON main."${name}" BEGIN UPDATE fuzz_writes SET n = n + 1; END`,
        );
        watched++;
      } catch {
        // Shadow tables of the full-text index take no triggers; the table they index does.
      }
    }
  }
  expect(watched).toBeGreaterThan(30);
  return () => {
    const n = (core.db.prepare('SELECT n FROM fuzz_writes').get() as { n: number }).n;
    return n + 1e9 * (core.db.pragma('schema_version', { simple: true }) as number);
  };
}

// ---------------------------------------------------------------------------------------------

function describePayload(p: unknown): string {
  try {
    const s = JSON.stringify(p, (_k, v: unknown) =>
      typeof v === 'bigint'
        ? `${v}n`
        : typeof v === 'string' && v.length > 60
          ? `${v.slice(0, 20)}…(${v.length} chars)`
          : Array.isArray(v) && v.length > 20
            ? `[array of ${v.length}]`
            : v,
    );
    return (s ?? String(p)).slice(0, 400);
  } catch {
    return `${Object.prototype.toString.call(p)} (not JSON)`;
  }
}

let files: Files;
let writes: () => number;
let total = 0;
let acceptedCalls = 0;
const started = performance.now();

/** Files as a clerk would give them: learner lists, another centre's key, a closed year's roll-up. */
async function realFiles(): Promise<Files> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getCell('A1').value = 'DANH SÁCH HỌC VIÊN';
  ws.getRow(3).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Chi bộ', 'Số CCCD', 'Ngày vào Đảng'];
  const people: ExcelJS.CellValue[][] = [
    ['Nguyễn Văn An', new Date(Date.UTC(1990, 4, 12)), 'Nam', 'Kinh', 'Chi bộ thôn 3', '062090001234', '15/03/2020'],
    ['Trần Thị Bình', '02/09/1995', 'Nữ', 'Xơ Đăng', 'Chi bộ thôn 3', '062195004321', null],
    ['Y Hoa', '1998', 'nữ', 'Ba-na', '', null, '31/02/2020'],
    ['', '13/13/2000', 'X', 'Không rõ', 'Chi bộ mới', '12345', 'hôm qua'],
  ];
  people.forEach((r, i) => (ws.getRow(4 + i).values = [i + 1, ...r]));
  const xlsx = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
  const csv = Buffer.from(
    'Họ và tên;Ngày sinh;Giới tính;Chi bộ\r\nLê Văn Cường;01/01/1980;Nam;Chi bộ 1\r\nPhạm Thị Dung;1985;Nữ;\r\n',
    'utf8',
  ).toString('base64');
  const { generateCentreKeys, publicKeyFileText } = await import('../../electron/core/certificates/signing');
  const own = await must('certificates.settings', {});
  const year = THIS_YEAR - 2;
  await must('reports.closeYear', { year });
  const rollup = await must('reports.exportRollup', { year });
  return {
    importLists: [xlsx, csv],
    keyFiles: [publicKeyFileText(generateCentreKeys().publicKeyPem, 'Trung tâm Chính trị xã bên'), own.publicKeyFile],
    rollups: [Buffer.from(rollup.dataBase64, 'base64').toString('utf8')],
  };
}

async function settle(): Promise<void> {
  for (let i = 0; fuzz.core.jobs.running() > 0 && i < 300; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('IPC fuzzing: every channel, random and malformed payloads', () => {
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-fuzz-'));
    ({ core: fuzz.core } = await makeDemo(dir, { people: 300, years: 2, thisYear: THIS_YEAR }));
    files = await realFiles();
    await must('backups.create', {});
    fuzz.communeCodes = (await must('reference.communes', {})).filter((_, i) => i % 50 === 0).map((c) => c.code);
    writes = watchWrites(fuzz.core);
  }, 120_000);

  afterAll(() => {
    console.log(
      `ipc-fuzz: ${total} payloads (${acceptedCalls} accepted) on ${Object.keys(contract).length} channels in ${Math.round((performance.now() - started) / 1000)} s`,
    );
    const dir = fuzz.core?.dataDir;
    fuzz.core?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const channels = (Object.keys(contract) as Channel[]).filter((c) => !(c in EXCLUDED));

  /** The input that saves `program` again as it is (its level not given, so none), but with `topics` as its topics. */
  function saveInput(program: Output<'programs.get'>, topics: Output<'programs.get'>['topics']): Input<'programs.save'> {
    const { grantsLevel: _level, archivedAt: _archived, updatedAt: _updated, topics: _topics, ...rest } = program;
    return { ...rest, topics };
  }

  // What the fuzzing found, kept as cases (before the fuzzing changes the demo).
  describe('findings', () => {
    it('the write watcher sees a command write', async () => {
      const before = writes();
      const program = await must('programs.get', { id: 1 });
      await must('programs.save', saveInput(program, program.topics));
      expect(writes()).toBeGreaterThan(before);
    });

    it('timetable.generate from a start late in 2100, past the end of the holiday calendar, places what fits', async () => {
      const classId = idsOf("SELECT id FROM classes WHERE status = 'planned' ORDER BY id")[0] ?? 1;
      const r = await dispatch(fuzz.core, 'timetable.generate', {
        classId,
        startDate: '2100-12-31',
        halves: ['chieu'],
        lecturerByTopic: {},
      });
      expect(r.ok ? null : r.error.code).not.toBe('INTERNAL');
      if (r.ok) expect((r.value as Output<'timetable.generate'>).problems[0]?.kind).toBe('not_placed');
    });

    it('programs.save without a topic a class was taught is refused, not an internal error', async () => {
      const programId = idsOf(
        'SELECT c.program_id FROM sessions s JOIN classes c ON c.id = s.class_id WHERE s.topic_id IS NOT NULL LIMIT 1',
      )[0]!;
      const program = await must('programs.get', { id: programId });
      const before = writes();
      const r = await dispatch(fuzz.core, 'programs.save', saveInput(program, program.topics.slice(1)));
      expect(r.ok ? null : [r.error.code, Object.keys(r.error.fields ?? {})]).toEqual(['IN_USE', ['topics']]);
      expect(writes()).toBe(before);
    });

    it('reports.pdf on a machine that cannot make PDFs writes nothing', async () => {
      for (const period of [
        { kind: 'year', year: THIS_YEAR - 1 },
        { kind: 'range', fromYear: THIS_YEAR - 2, toYear: THIS_YEAR + 20 },
      ]) {
        const before = writes();
        const r = await dispatch(fuzz.core, 'reports.pdf', { period });
        expect([r.ok ? null : r.error.code, writes() - before], JSON.stringify(period)).toEqual(['PRINT_UNAVAILABLE', 0]);
      }
    });
  });

  it('fuzzes every channel of the contract', () => {
    expect(channels.length).toBe(Object.keys(contract).length - Object.keys(EXCLUDED).length);
    for (const reason of Object.values(EXCLUDED) as string[]) expect(reason.length).toBeGreaterThan(20);
  });

  for (const channel of channels) {
    it(
      channel,
      async () => {
        const findings: string[] = [];
        for (const payload of await payloads(channel, files)) {
          total++;
          const db = fuzz.core.db;
          const before = writes();
          let r: Result<unknown>;
          try {
            r = await dispatch(fuzz.core, channel, payload);
          } catch (err) {
            findings.push(`threw ${String(err)} for ${describePayload(payload)}`);
            continue;
          }
          await settle();
          if (fuzz.core.db !== db) writes = watchWrites(fuzz.core); // a restore opened the database again
          if (({} as Record<string, unknown>).polluted !== undefined)
            findings.push(`Object.prototype polluted by ${describePayload(payload)}`);
          if (HUNT)
            fs.appendFileSync(
              `${HUNT}.codes`,
              `${channel} ${r.ok ? 'OK' : `${r.error.code} ${JSON.stringify(r.error.fields ?? {}).slice(0, 200)}`}\n`,
            );
          if (r.ok) {
            acceptedCalls++;
            continue;
          }
          const e = r.error;
          const wrote = fuzz.core.db === db && writes() !== before;
          const where = `${e.code} «${e.message.slice(0, 200)}» ${JSON.stringify(e.fields ?? {}).slice(0, 300)} for ${describePayload(payload)}`;
          if (e.code === 'INTERNAL') findings.push(`INTERNAL: ${where}`);
          if (wrote) findings.push(`refused but wrote: ${where}`);
          if (HUNT && (e.code === 'INTERNAL' || wrote)) {
            try {
              fs.appendFileSync(`${HUNT}.jsonl`, `${JSON.stringify([channel, payload])}\n`);
            } catch {
              // Not JSON (a BigInt, a cycle): the finding's text describes it.
            }
          }
          if (!VIETNAMESE.test(e.message)) findings.push(`message not Vietnamese: ${where}`);
          for (const [key, message] of Object.entries(e.fields ?? {})) {
            if (!VIETNAMESE.test(message) || MACHINE_WORDING.test(message)) findings.push(`field ${key} says «${message}»: ${where}`);
          }
        }
        if (HUNT) fs.appendFileSync(HUNT, findings.map((f) => `${channel}: ${f}\n`).join(''));
        expect(findings).toEqual([]);
      },
      60_000,
    );
  }
});
