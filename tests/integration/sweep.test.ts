import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { dispatch } from '../../electron/core/dispatch';
import { contract, type Channel } from '../../shared/contract';
import { makeDemo } from '../fixtures/demo';
import { CHROMIUM } from '../fixtures/document-fixtures';
import { collect, ok, sweep, THIS_YEAR, type Data } from './sweep-calls';
import { COMMAND_CHANNELS, runCommands } from './sweep-commands';
import { QUERIES } from './sweep-queries';

/**
 * Every channel of the contract, called on a sample database made as `npm run demo` makes one
 * (300 people, two past years of classes made through the channels): each query with valid inputs
 * taken from the data, then the commands a clerk runs on such records. Each call must be answered ok
 * with an output that passes the contract. The channel list comes from the contract itself: a channel
 * added later with no case here, and no written reason, fails the first test. The queries are in
 * sweep-queries.ts, the commands in sweep-commands.ts and sweep-class-commands.ts.
 */

/** Channels the sweep does not call here, and why. */
const EXCLUDED = {
  'documents.print':
    'sends a document to a printer through the system dialog: Electron only (the browser host cannot print); tests/electron covers the Electron printing path',
  'reports.print':
    'sends the report to a printer through the system dialog: Electron only (the browser host cannot print), as documents.print',
  'protection.recoverySheetPrint': 'sends the recovery sheet to a printer: Electron only, as documents.print',
  'learners.learningRecordPrint': 'sends the learning record to a printer through the system dialog: Electron only, as documents.print',
  'studies.print': 'sends the participation report to a printer through the system dialog: Electron only, as documents.print',
} satisfies { [C in Channel]?: string };

let printing: ChromiumPrintPort;
let data: Data;

describe('every channel on demo data', () => {
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-sweep-'));
    printing = createChromiumPrintPort({ executablePath: CHROMIUM });
    ({ core: sweep.core } = await makeDemo(dir, { people: 300, years: 2, thisYear: THIS_YEAR, printing }));
    data = await collect();
  }, 120_000);
  afterAll(async () => {
    const dir = sweep.core?.dataDir;
    sweep.core?.close();
    await printing?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a case, or a written reason, for every channel of the contract', () => {
    const covered = new Set<string>([...Object.keys(QUERIES), ...COMMAND_CHANNELS, ...Object.keys(EXCLUDED)]);
    expect(Object.keys(contract).filter((c) => !covered.has(c))).toEqual([]);
    expect([...covered].filter((c) => !(c in contract))).toEqual([]);
    for (const reason of Object.values(EXCLUDED)) expect(reason.length).toBeGreaterThan(20);
  });

  it('the demo is real: two years of classes, every certificate whole, verifying as genuine', async () => {
    expect(data.years).toEqual([THIS_YEAR - 2, THIS_YEAR - 1]);
    expect(data.classes.length).toBeGreaterThanOrEqual(10);
    expect(data.certificates.length).toBeGreaterThan(100);
    expect(data.certificates.filter((c) => c.damage !== null)).toEqual([]);
    for (const c of data.certificates.slice(0, 20)) {
      const v = await ok('certificates.verify', { code: c.verificationCode });
      expect([v.status, v.certificate?.serial]).toEqual(['genuine', c.serial]);
    }
  });

  it('answers every query ok, with outputs that pass the contract', async () => {
    const failures: string[] = [];
    for (const [channel, inputs] of Object.entries(QUERIES) as [Channel, (d: Data) => unknown[] | Promise<unknown[]>][]) {
      const list = await inputs(data);
      expect(list.length, channel).toBeGreaterThan(0);
      for (const input of list) {
        const r = await dispatch(sweep.core, channel, input);
        if (!r.ok) failures.push(`${channel} ${JSON.stringify(input).slice(0, 200)} → ${r.error.code}: ${r.error.message}`);
        else sweep.answered.set(channel, (sweep.answered.get(channel) ?? 0) + 1);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('runs the clerk’s commands on demo records', async () => {
    await runCommands(data);
    expect(COMMAND_CHANNELS.filter((c) => !sweep.answered.has(c))).toEqual([]);
  }, 240_000);
});

// The same check at compile time: adding a channel to the contract breaks the type check here first.
type Uncovered = Exclude<Channel, keyof typeof QUERIES | (typeof COMMAND_CHANNELS)[number] | keyof typeof EXCLUDED>;
const everyChannelCovered: [Uncovered] extends [never] ? true : Uncovered = true;
void everyChannelCovered;
