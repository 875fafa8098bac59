import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Output } from '../../shared/contract';
import { ok, sweep, THIS_YEAR, TODAY, type Data } from './sweep-calls';

/** A class of this year from plan to certificates, then reports, levels, studies, backups and keys (tests/integration/sweep.test.ts). */
export async function classCommands(d: Data, line: Output<'plans.saveLine'>): Promise<void> {
  // A class of this year from plan to certificates, online at two sites.
  const start = mondayInNovember();
  const proposal = await ok('classes.propose', { programId: line.programId, startDate: start, cohortNumbering: 'per_year' });
  const cls = await ok('classes.save', {
    programId: line.programId,
    planLineId: line.id,
    cohortNumber: proposal.cohortNumber,
    cohortNumbering: 'per_year',
    name: proposal.name,
    startDate: start,
    endDate: start,
    venueId: null,
    form: 'online',
    homeroomLecturerId: null,
    capacity: 80,
    sites: [
      { place: 'Điểm cầu trung tâm', contact: '' },
      { place: 'Điểm cầu xã', contact: '' },
    ],
    openingDecisionNumber: proposal.nextDecisionNumber,
    openingDecisionDate: start,
  });
  d.openClassId = cls.id;
  const generated = await ok('timetable.generate', { classId: cls.id, startDate: start, halves: ['sang', 'chieu'], lecturerByTopic: {} });
  await ok('timetable.save', { classId: cls.id, sessions: generated.sessions, adjustClassDates: true });
  const fits = await peopleFor(cls.programId, 12);
  const list = await ok('enrollments.add', { classId: cls.id, personIds: fits.slice(0, 10) });
  const freeCell = await cellWithFitPeopleNotIn(cls.id, cls.programId);
  expect(freeCell, 'a Party cell whose members fit the program').not.toBeNull();
  await ok('enrollments.addUnit', { classId: cls.id, unitId: freeCell! });
  const enrolled = (await ok('enrollments.list', { classId: cls.id })).enrollments;
  await ok('enrollments.withdraw', { enrollmentId: enrolled[enrolled.length - 1]!.id, reason: 'Chuyển công tác' });
  await ok('enrollments.setDiscipline', { enrollmentId: list.enrollments[1]!.id, discipline: false, note: '' });
  await ok('enrollments.setSite', { enrollmentIds: list.enrollments.slice(0, 5).map((e) => e.id), site: 'Điểm cầu xã' });
  const grid = await ok('attendance.grid', { classId: cls.id });
  const active = (await ok('enrollments.list', { classId: cls.id })).enrollments.filter((e) => e.status === 'enrolled');
  await ok('attendance.set', {
    classId: cls.id,
    changes: active.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const }))),
  });
  const results = await ok('results.grid', { classId: cls.id });
  await ok('results.setScores', {
    classId: cls.id,
    changes: active.flatMap((e) =>
      results.scheme.components.map((_, component) => ({ enrollmentId: e.id, component, attempt: 1 as const, tenths: 80 })),
    ),
  });
  await ok('classes.setStatus', { id: cls.id, status: 'running' });
  await ok('classes.setStatus', { id: cls.id, status: 'finished' });
  const decision = await ok('classes.propose', { programId: cls.programId, startDate: start, cohortNumbering: 'per_year' });
  await ok('results.recognise', { classId: cls.id, decisionNumber: decision.nextDecisionNumber, decisionDate: TODAY });
  const settings = await ok('certificates.settings', {});
  await ok('certificates.saveSettings', { serialPattern: settings.serialPattern, registerPattern: settings.registerPattern });
  // Numbering continued from a paper register: the class's certificates start where the clerk said.
  const next = await ok('certificates.nextNumber', { year: Number(TODAY.slice(0, 4)) });
  await ok('certificates.setNextNumber', { year: next.year, nextSeq: next.nextSeq + 5 });
  const issued = await ok('certificates.issue', { classId: cls.id, issueDate: TODAY, signer: { kind: 'deputy', index: 0 } });
  expect(issued.issued[0]!.seq).toBe(next.nextSeq + 5);
  expect(issued.issued.length).toBe(active.length);
  for (const kind of ['learnerList', 'resultsDecision', 'classSummary'] as const) await ok('documents.pdf', { kind, classId: cls.id });
  // The Word list of a class made through the commands, named as its PDF is.
  const word = await ok('documents.docx', { kind: 'learnerList', classId: cls.id });
  expect(word.fileName).toMatch(/^danh-sach-hoc-vien-.+\.docx$/);

  // Demo certificates: reissued, revoked, verified; nothing left to repair.
  const [toReissue, toRevoke] = d.certificates.filter((c) => c.status === 'valid');
  const reissued = await ok('certificates.reissue', {
    certificateId: toReissue!.id,
    reason: 'Sai ngày sinh',
    issueDate: TODAY,
    signer: { kind: 'director' },
  });
  expect((await ok('certificates.verify', { code: reissued.verificationCode })).status).toBe('genuine');
  const revoked = await ok('certificates.revoke', { certificateId: toRevoke!.id, reason: 'Cấp nhầm người' });
  expect(revoked.status).toBe('revoked');
  const register = await ok('certificates.register', { year: toRevoke!.year });
  expect(register.find((c) => c.id === toRevoke!.id)?.status).toBe('revoked');
  expect(await ok('certificates.repair', { year: toRevoke!.year })).toEqual({ repaired: 0, serials: [], skipped: [] });
  const layout = await ok('certificates.layout', { programId: cls.programId });
  await ok('certificates.saveLayout', { programId: cls.programId, layout: layout.layout });
  const offset = await ok('certificates.offset', {});
  await ok('certificates.saveOffset', offset);
  const job = await ok('certificates.startBatch', { certificateIds: issued.issued.map((c) => c.id), target: 'pdf' });
  let status = await ok('certificates.batchStatus', { jobId: job.jobId });
  for (let i = 0; status.status === 'running' && i < 600; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = await ok('certificates.batchStatus', { jobId: job.jobId });
  }
  expect(status.status).toBe('done');
  await ok('certificates.cancelBatch', { jobId: job.jobId });
  const other = await otherCentreKeyFile();
  const trusted = await ok('certificates.addTrustedKey', { issuer: 'Trung tâm Chính trị xã bên', fileText: other });
  await ok('certificates.removeTrustedKey', { id: trusted.id });

  // Reports: background preparation, settings, the close of a past year and its roll-up.
  const prepared = await ok('reports.prepare', { period: { kind: 'range', fromYear: d.years[0]!, toYear: THIS_YEAR } });
  if (prepared.jobId) {
    await ok('reports.prepareStatus', { jobId: prepared.jobId });
    await ok('reports.cancelPrepare', { jobId: prepared.jobId });
  } else {
    const started = await ok('reports.prepare', { period: { kind: 'year', year: THIS_YEAR + 1 } });
    expect(started.jobId, 'a period with nothing cached starts a job').not.toBeNull();
  }
  const ages = await ok('reports.settings', {});
  await ok('reports.saveSettings', { ageBounds: ages.ageBounds });
  await ok('reports.closeYear', { year: d.years[0]! });
  const rollup = await ok('reports.exportRollup', { year: d.years[0]! });
  await ok('reports.importRollup', { fileText: Buffer.from(rollup.dataBase64, 'base64').toString('utf8') });
  const centres = (await ok('reports.rollup', { year: d.years[0]! })).centres;
  await ok('reports.removeRollup', { id: centres[0]!.id, reason: 'Nhập thử' });

  // Political-theory levels: a diploma, a group with a target, a nomination with a graduate; then each removed.
  const diploma = await ok('levels.saveDiploma', {
    personId: d.people[0]!,
    level: 'trung_cap',
    school: 'Trường Chính trị tỉnh',
    year: THIS_YEAR,
    number: 'TC-1',
  });
  await ok('levels.deleteDiploma', { id: diploma.id });
  const group = await ok('levels.saveGroup', { name: 'Trưởng thôn', titles: ['Trưởng thôn', 'Trưởng bản'] });
  const target = await ok('levels.saveTarget', { year: THIS_YEAR, groupId: group.id, baseUnitId: null, minLevel: 'so_cap', percent: 80 });
  await ok('levels.deleteTarget', { id: target.id });
  await ok('levels.deleteGroup', { id: group.id });
  const nomination = await ok('levels.saveNomination', {
    year: THIS_YEAR,
    level: 'trung_cap',
    school: 'Trường Chính trị tỉnh',
    course: 'Khóa 45, hệ không tập trung',
    decisionNumber: '12-QĐ/TTCT',
    people: [
      { personId: d.people[1]!, result: 'graduated', diplomaNumber: 'TC-2', diplomaDate: TODAY },
      { personId: d.people[2]!, result: 'studying' },
    ],
  });
  await ok('levels.deleteNomination', { id: nomination.id });

  // Resolution-study sessions: members per base organisation copied from last year, a session with counts, then removed.
  const members = await ok('studies.members', { year: THIS_YEAR });
  await ok('studies.saveMembers', { year: THIS_YEAR, rows: members.rows.map((r) => ({ unitId: r.unitId, members: r.previous ?? 40 })) });
  const study = await ok('studies.save', {
    id: null,
    title: 'Quán triệt nghị quyết',
    date: TODAY,
    form: 'in_person',
    sites: null,
    classId: null,
    note: '',
  });
  await ok('studies.saveCounts', {
    sessionId: study.id,
    rows: members.rows.slice(0, 3).map((r) => ({ unitId: r.unitId, present: 20, expected: null })),
  });
  await ok('studies.remove', { id: study.id, reason: 'Nhập thử' });

  // Backups, and a restore of the one just made (once the report job started above has ended: a restore waits for jobs).
  await expect.poll(() => sweep.core.jobs.running(), { timeout: 60_000 }).toBe(0);
  const backup = await ok('backups.create', {});
  await ok('backups.restore', { file: backup.file });
  expect((await ok('app.status', {})).problem).toBeNull();

  // Keys and copies off the PC: the sheet confirmed, a copy to a folder and back, a new key, the recovery screen's unlock.
  await ok('backups.setReminder', { days: 7 });
  await ok('app.chooseFolder', {});
  await ok('app.chooseBackupFile', {});
  const recovery = await ok('protection.recoverySheet', {});
  await ok('protection.recoverySheetPdf', {});
  await ok('protection.confirmRecoveryKey', { groups: recovery.confirmGroups.map((g) => recovery.recoveryKey.split('-')[g - 1]!) });
  const off = await ok('backups.exportOffsite', { folder: fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-usb-')) });
  await ok('backups.restoreFile', { path: off.path });
  await ok('protection.newRecoveryKey', {});
  await ok('protection.unlock', { recoveryKey: (await ok('protection.recoverySheet', {})).recoveryKey });
  expect((await ok('app.status', {})).protection).toMatchObject({ encrypted: true, recoveryKeyPending: true });
}

async function peopleFor(programId: number, n: number): Promise<number[]> {
  const fit = (await ok('programs.get', { id: programId })).fitStatuses;
  const rows = sweep.core.db
    .prepare(
      `SELECT id FROM people WHERE merged_into_id IS NULL ${fit.length ? `AND party_status IN (${fit.map(() => '?').join(',')})` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...fit, n) as { id: number }[];
  return rows.map((r) => r.id);
}

/** A cell whose members all fit the program and none of whom is in the class (a whole cell enrols at once). */
async function cellWithFitPeopleNotIn(classId: number, programId: number): Promise<number | null> {
  const fit = (await ok('programs.get', { id: programId })).fitStatuses;
  const row = sweep.core.db
    .prepare(
      `SELECT u.id FROM units u WHERE u.kind = 'cell' AND EXISTS (SELECT 1 FROM people p WHERE p.unit_id = u.id AND p.merged_into_id IS NULL)
         AND NOT EXISTS (SELECT 1 FROM people p WHERE p.unit_id = u.id AND p.merged_into_id IS NULL AND (
           p.id IN (SELECT person_id FROM enrollments WHERE class_id = ?)
           ${fit.length ? `OR p.party_status IS NULL OR p.party_status NOT IN (${fit.map(() => '?').join(',')})` : ''}))
       ORDER BY (SELECT count(*) FROM people p WHERE p.unit_id = u.id) LIMIT 1`,
    )
    .get(classId, ...fit) as { id: number } | undefined;
  return row?.id ?? null;
}

function mondayInNovember(): string {
  const d = new Date(Date.UTC(THIS_YEAR, 10, 2));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Another centre's public key file, as its clerk would send it. */
async function otherCentreKeyFile(): Promise<string> {
  const { generateCentreKeys, publicKeyFileText } = await import('../../electron/core/certificates/signing');
  return publicKeyFileText(generateCentreKeys().publicKeyPem, 'Trung tâm Chính trị xã bên');
}
