import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/log';
import { PERSONAL_DATA, personalDataIn, personalDataInLogs, personalValues, type FixturePerson } from '../fixtures/personal-data';
import { openAndAnalyze, personInput, refusal } from '../fixtures/builders';
import { reportData } from './report-fixtures';
import { invoke, ok, startCore, tempDir } from './helpers';

/**
 * Issue 13: the log holds codes, counts and ids, never a person. The core is driven through the
 * paths whose messages are built from people (imports with bad rows and a file named after a
 * person, edits and refusals that name the CCCD's holder, merges, enrolment and certificate
 * refusals, a renderer's report, backup and restore), then every log file is read.
 */

/** This test's own people, on top of the e2e fixtures' (PERSONAL_DATA). */
const PEOPLE: FixturePerson[] = [
  { name: 'Lê Văn Tư', birthDate: '12/05/1990', citizenId: '062090001234' },
  { name: 'Đinh Thị Nụ', birthDate: '02/09/1995', citizenId: '062195004321' },
  { name: 'Hà Văn Sáu', birthDate: '31/02/1990', citizenId: '06209000' },
  { name: 'Vi Thị Mơ', birthDate: '28/02/1990', citizenId: '062090000999' },
  { name: 'Quàng Văn Pâng', birthDate: '1977-07-17', citizenId: '011077000555' },
  { name: 'Quàng Thị Lả', birthDate: '1979-09-19', citizenId: '011079000666' },
];
const VALUES = [...new Set([...PERSONAL_DATA, ...personalValues(PEOPLE)])];

async function cellList(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lê Văn Tư');
  ws.getRow(1).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Dân tộc', 'Chi bộ', 'Số CCCD'];
  const rows = [
    ['Lê Văn Tư', '12/05/1990', 'Kinh', 'Chi bộ thôn 7', '062090001234'],
    ['Đinh Thị Nụ', '02/09/1995', 'Kinhh', 'Chi bộ thôn 7', '062195004321'],
    ['Hà Văn Sáu', '31/02/1990', 'Kinh', 'Chi bộ thôn 7', '06209000'],
    // The CCCD of someone already in the registry, under another name.
    ['Quàng Văn Pâng', '17/07/1977', 'Thái', 'Chi bộ thôn 7', '011079000666'],
    [null, '01/01/1980', 'Kinh', 'Chi bộ thôn 7', null],
  ];
  rows.forEach((r, i) => (ws.getRow(2 + i).values = [i + 1, ...r]));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

describe('nothing personal in the log', () => {
  it('the scanner finds a fixture’s name, CCCD or birth date in a log, as written or without diacritics', () => {
    const dir = tempDir('ttct-scan-');
    const log = createLogger(path.join(dir, 'logs'));
    log.info('Opened the database');
    expect(personalDataInLogs(dir, VALUES)).toEqual([]);

    // A name goes through the logger as it is: only the log calls can keep it out.
    log.warn('learners.save: refused for Lê Văn Tư');
    expect(personalDataInLogs(dir, VALUES)).toEqual(['logs/app.log: «Lê Văn Tư»']);
    // An e2e fixture's person, in a rotated file, written as a search key would hold it.
    fs.writeFileSync(path.join(dir, 'logs', 'app.log.1'), 'INFO search "nguyen thi hang" took 4000 ms\n');
    expect(personalDataInLogs(dir, VALUES)).toContain('logs/app.log.1: «Nguyễn Thị Hằng»');
    // A CCCD and birth dates that reached a file without the logger's mask.
    fs.writeFileSync(path.join(dir, 'logs', 'app.log.2'), 'ERROR 062175000123 born 1990-05-12 (typed 02/03/1975)\n');
    expect(personalDataInLogs(dir, VALUES).filter((f) => f.startsWith('logs/app.log.2'))).toEqual([
      'logs/app.log.2: «062175000123»',
      'logs/app.log.2: «02/03/1975»',
      'logs/app.log.2: «1990-05-12»',
    ]);
    // A name made into a file name, a date with other separators.
    expect(personalDataIn('WARN Download of du-lieu-ca-nhan-nguyen-thi-hang-1.pdf ended; born 12-05-1990', VALUES)).toEqual([
      'Nguyễn Thị Hằng',
      '12/05/1990',
    ]);
    // Whole words only: a given name inside a longer one, or a CCCD inside a longer number, is not a find.
    expect(personalDataIn('Trần Văn Anh; id 10621750001234', ['Trần Văn An', '062175000123'])).toEqual([]);
  });

  it('the logger masks CCCD-like numbers and day-month-year dates whatever the message', () => {
    const dir = tempDir('ttct-scan-');
    const log = createLogger(path.join(dir, 'logs'));
    log.error('learners.save failed', new Error('constraint on 062090001234, born 12/05/1990 or 12-05-1990'));
    log.warn('Renderer: row 011077000555 (17.07.1977)');
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toContain('constraint on [12 chữ số], born [ngày] or [ngày]');
    expect(text).toContain('row [12 chữ số] ([ngày])');
    expect(personalDataInLogs(dir, VALUES)).toEqual([]);
  });

  it('imports, edits, merges, refusals, certificates, a renderer report, backup and restore leave no person in the log', async () => {
    const dataDir = tempDir('ttct-private-log-');
    const core = await startCore(dataDir, () => new Date('2027-01-15T03:00:00Z'));

    // A centre with two years of classes, results and certificates (names and birth dates of OTHER_PEOPLE).
    const report = await reportData(core);

    // People registered by hand; one edit refused for a short CCCD, one for a CCCD someone else holds.
    const la = await ok(core, 'learners.save', personInput('Quàng Thị Lả', { birthDate: '1979-09-19', citizenId: '011079000666' }));
    const pang = await ok(core, 'learners.save', personInput('Quàng Văn Pâng', { birthDate: '1977-07-17' }));
    const pangWith = (extra: { citizenId: string; phone?: string }) => ({
      ...personInput('Quàng Văn Pâng', { birthDate: '1977-07-17', ...extra }),
      id: pang.id,
    });
    expect(await invoke(core, 'learners.save', pangWith({ citizenId: '01107700' }))).toMatchObject({ ok: false });
    const taken = await invoke(core, 'learners.save', pangWith({ citizenId: '011079000666' }));
    expect(taken).toMatchObject({ ok: false });
    await ok(core, 'learners.save', pangWith({ citizenId: '011077000555', phone: '0905123456' }));

    // A list named after a person: one good row, a misspelt ethnicity, an impossible date and a short
    // CCCD, a CCCD that is someone else's, a row without a name. Refused, fixed on screen, committed.
    const fileName = 'DS Lê Văn Tư 062090001234 sinh 12-05-1990.xlsx';
    const { opened, analysis } = await openAndAnalyze(core, await cellList(), fileName);
    expect(analysis.rows.filter((r) => r.status === 'error').length).toBeGreaterThanOrEqual(3);
    expect(await refusal(core, 'imports.commit', { sessionId: opened.sessionId })).toMatchObject({ code: 'IMPORT_HAS_ERRORS' });
    await ok(core, 'imports.problemsXlsx', { sessionId: opened.sessionId });
    const byRow = new Map(analysis.rows.map((r) => [r.rowNumber, r]));
    await ok(core, 'imports.updateRow', {
      sessionId: opened.sessionId,
      rowNumber: 3,
      values: { ...byRow.get(3)!.values, ethnicity: 'Kinh' },
    });
    await ok(core, 'imports.updateRow', {
      sessionId: opened.sessionId,
      rowNumber: 4,
      values: { ...byRow.get(4)!.values, fullName: 'Vi Thị Mơ', birthDate: '28/02/1990', citizenId: '062090000999' },
    });
    await ok(core, 'imports.setRowAction', { sessionId: opened.sessionId, rowNumber: 5, action: 'skip' });
    await ok(core, 'imports.setRowAction', { sessionId: opened.sessionId, rowNumber: 6, action: 'skip' });
    const committed = await ok(core, 'imports.commit', { sessionId: opened.sessionId });
    expect(committed.created).toBeGreaterThanOrEqual(3);
    // A file that is no list at all, named after a person: refused with its name on screen only.
    expect(
      await invoke(core, 'imports.open', {
        fileName: 'Hồ sơ Quàng Thị Lả 011079000666.xlsx',
        dataBase64: Buffer.from('%PDF-1.7 Quàng Thị Lả').toString('base64'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_SPREADSHEET' } });

    // Two records of one person merged, the merge undone, merged again.
    const twin = await ok(core, 'learners.save', personInput('Quàng Thị Lả', { birthDate: '1979' }));
    const merged = await ok(core, 'learners.merge', { keepId: twin.id, removeId: la.id });
    await ok(core, 'learners.undoMerge', { mergeId: merged.mergeId });
    await ok(core, 'learners.merge', { keepId: la.id, removeId: twin.id });

    // Refusals whose messages name people: already enrolled, already certified.
    const cuc = report.people.cuc;
    const enrolled = await invoke(core, 'enrollments.add', { classId: report.classes.b.id, personIds: [cuc.id] });
    expect(enrolled).toMatchObject({ ok: false });
    const again = await invoke(core, 'certificates.issue', {
      classId: report.classes.b.id,
      issueDate: '2026-03-02',
      signer: { kind: 'director' },
      enrollmentIds: [report.classes.b.eid(cuc.id)],
    });
    expect(again).toMatchObject({ ok: false });
    const issued = await ok(core, 'certificates.ofClass', { classId: report.classes.b.id });
    await ok(core, 'certificates.revoke', { certificateId: issued[0]!.id, reason: 'Sai ngày sinh của Lò Thị Cúc (09/09/2001)' });
    await ok(core, 'learners.exportXlsx', { q: 'quang' });

    // The renderer reports an error whose text carries a CCCD and a birth date.
    await ok(core, 'app.reportError', {
      message: 'Không vẽ được dòng 062090001234 (12/05/1990)',
      where: 'route',
      stack: 'at Row (062090001234)',
    });

    // A manual backup, then a restore from it.
    const backup = await ok(core, 'backups.create', {});
    await ok(core, 'backups.restore', { file: backup.file });

    const logText = fs
      .readdirSync(path.join(dataDir, 'logs'))
      .map((f) => fs.readFileSync(path.join(dataDir, 'logs', f), 'utf8'))
      .join('\n');
    // The paths above did reach the log…
    expect(logText).toContain('file for import');
    expect(logText).toContain('Renderer:');
    expect(logText).toContain('Restored');
    if (process.env.SHOW_LOG) console.log(logText);
    // …and left no one in it.
    expect(personalDataInLogs(dataDir, VALUES)).toEqual([]);
  });
});
