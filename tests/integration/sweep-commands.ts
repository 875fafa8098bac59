import { expect } from 'vitest';
import type { Channel } from '../../shared/contract';
import { certificateProgram, ok, sweep, THIS_YEAR, TODAY, type Data } from './sweep-calls';
import { classCommands } from './sweep-class-commands';

/** The sweep's commands (tests/integration/sweep.test.ts): what a clerk runs on the demo's records. */

export const COMMAND_CHANNELS = [
  'app.reportError',
  'centre.save',
  'programs.save',
  'programs.setArchived',
  'learners.save',
  'learners.dismissDuplicate',
  'learners.merge',
  'learners.undoMerge',
  'units.save',
  'units.merge',
  'units.setArchived',
  'imports.open',
  'imports.analyze',
  'imports.updateRow',
  'imports.setRowAction',
  'imports.problemsXlsx',
  'imports.commit',
  'imports.discard',
  'lecturers.save',
  'lecturers.setArchived',
  'venues.save',
  'venues.setArchived',
  'plans.saveLine',
  'plans.deleteLine',
  'plans.copyYear',
  'classes.save',
  'classes.setStatus',
  'timetable.generate',
  'timetable.save',
  'holidays.addAdjustment',
  'holidays.removeAdjustment',
  'enrollments.add',
  'enrollments.addUnit',
  'enrollments.withdraw',
  'enrollments.setDiscipline',
  'enrollments.setSite',
  'attendance.set',
  'results.setScores',
  'results.recognise',
  'certificates.saveSettings',
  'certificates.setNextNumber',
  'certificates.issue',
  'certificates.reissue',
  'certificates.revoke',
  'certificates.repair',
  'certificates.saveLayout',
  'certificates.saveOffset',
  'certificates.startBatch',
  'certificates.batchStatus',
  'certificates.cancelBatch',
  'certificates.addTrustedKey',
  'certificates.removeTrustedKey',
  'reports.prepare',
  'reports.prepareStatus',
  'reports.cancelPrepare',
  'reports.saveSettings',
  'reports.closeYear',
  'reports.exportRollup',
  'reports.importRollup',
  'reports.removeRollup',
  'backups.create',
  'backups.restore',
  'backups.exportOffsite',
  'backups.restoreFile',
  'backups.setReminder',
  'app.chooseFolder',
  'app.chooseBackupFile',
  'protection.recoverySheetPdf',
  'protection.confirmRecoveryKey',
  'protection.newRecoveryKey',
  'protection.unlock',
  'app.setClerkName',
  'levels.saveDiploma',
  'levels.deleteDiploma',
  'levels.saveGroup',
  'levels.deleteGroup',
  'levels.saveTarget',
  'levels.deleteTarget',
  'levels.saveNomination',
  'levels.deleteNomination',
  'studies.save',
  'studies.remove',
  'studies.saveCounts',
  'studies.saveMembers',
] as const satisfies readonly Channel[];

export async function runCommands(d: Data): Promise<void> {
  const line = await recordCommands(d);
  await classCommands(d, line);
}

/** Centre, programs, people, units, imports, catalogues, plans and holidays; returns the plan line the new class is for. */
async function recordCommands(d: Data) {
  await ok('app.reportError', { message: 'sweep: a renderer error report', where: 'sweep' });
  await ok('app.setClerkName', { name: 'Nguyễn Thị Văn Thư' });
  const centre = (await ok('centre.get', {})).current!;
  await ok('centre.save', {
    validFrom: TODAY,
    name: centre.name,
    superior: centre.superior,
    docCode: centre.docCode,
    placeName: centre.placeName,
    address: centre.address,
    phone: centre.phone,
    director: centre.director,
    deputies: centre.deputies,
    areaCommunes: centre.areaCommunes,
    areaPartyOrgs: centre.areaPartyOrgs,
  });

  // Programs: saved back as they are, archived and restored.
  const program = await ok('programs.get', { id: d.programs[d.programs.length - 1]!.id });
  await ok('programs.save', {
    id: program.id,
    code: program.code,
    name: program.name,
    targetLearners: program.targetLearners,
    outcome: program.outcome,
    validityMonths: program.validityMonths,
    maxAbsencePct: program.maxAbsencePct,
    maxRetakes: program.maxRetakes,
    typicalDays: program.typicalDays,
    fitStatuses: program.fitStatuses,
    topics: program.topics.map(({ id: _id, ...t }) => t),
    components: program.components,
    bands: program.bands,
  });
  await ok('programs.setArchived', { id: program.id, archived: true });
  await ok('programs.setArchived', { id: program.id, archived: false });

  // People: an edit, a dismissed pair, a merge and its undo.
  const person = await ok('learners.get', { id: d.people[2]! });
  const {
    id: _pid,
    fullName: _f,
    ethnicityName: _e,
    communeName: _c,
    unitName: _u,
    mergedIntoId: _m,
    createdAt: _ca,
    updatedAt,
    ...fields
  } = person.person;
  await ok('learners.save', {
    ...fields,
    id: person.person.id,
    expectedUpdatedAt: updatedAt,
    citizenId: fields.citizenId ?? '',
    notes: 'Ghi chú của lượt kiểm tra',
  });
  const [a, b] = await twoPeopleNotInOneClass();
  await ok('learners.dismissDuplicate', { aId: a, bId: b });
  const merged = await ok('learners.merge', { keepId: a, removeId: b });
  await ok('learners.undoMerge', { mergeId: merged.mergeId });

  // Units: a rename kept as it was, an archive and back, a merge of two cells of one base.
  const cells = d.units.filter((u) => u.kind === 'cell');
  const cell = cells[0]!;
  await ok('units.save', { id: cell.id, name: cell.name, kind: cell.kind, parentId: cell.parentId, communeCode: cell.communeCode });
  const spare = cells.find((u) => u.parentId === cell.parentId && u.id !== cell.id && u.memberCount === 0) ?? cells[cells.length - 1]!;
  await ok('units.setArchived', { id: spare.id, archived: true });
  await ok('units.setArchived', { id: spare.id, archived: false });
  await ok('units.merge', {
    fromId: spare.id,
    intoId: cells.find((u) => u.parentId === spare.parentId && u.id !== spare.id)!.id,
    date: TODAY,
  });

  // An exported list imported back: everyone is already in the registry, nobody is added twice.
  const exported = await ok('learners.exportXlsx', { q: 'nguyen', filters: {} });
  const opened = await ok('imports.open', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
  const sheet = opened.sheets[opened.suggestedSheet]!;
  const analysis = await ok('imports.analyze', {
    sessionId: opened.sessionId,
    sheet: sheet.index,
    firstDataRow: sheet.firstDataRow,
    mapping: sheet.columns.map((c) => c.mapping),
    defaultUnitId: null,
  });
  const first = analysis.rows[0]!;
  await ok('imports.updateRow', { sessionId: opened.sessionId, rowNumber: first.rowNumber, values: first.values });
  await ok('imports.setRowAction', { sessionId: opened.sessionId, rowNumber: first.rowNumber, action: 'auto' });
  await ok('imports.problemsXlsx', { sessionId: opened.sessionId });
  const before = await ok('learners.count', { q: '' });
  const committed = await ok('imports.commit', { sessionId: opened.sessionId });
  expect(committed).toMatchObject({ created: 0, skipped: 0 });
  expect(await ok('learners.count', { q: '' })).toEqual(before);
  const again = await ok('imports.open', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
  await ok('imports.discard', { sessionId: again.sessionId });

  // Catalogues and plans.
  const lecturer = d.lecturers[0]!;
  await ok('lecturers.save', {
    id: lecturer.id,
    familyAndMiddle: lecturer.familyAndMiddle,
    given: lecturer.given,
    kind: lecturer.kind,
    role: lecturer.role,
    unit: lecturer.unit,
    position: lecturer.position,
    phone: lecturer.phone,
    normHours: lecturer.normHours,
    lecturingHours: lecturer.lecturingHours,
  });
  const extra = await ok('lecturers.save', {
    familyAndMiddle: 'Đinh Văn',
    given: 'Kiểm',
    kind: 'bao_cao_vien',
    role: 'khac',
    unit: '',
    position: '',
    phone: '',
    normHours: null,
    lecturingHours: null,
  });
  await ok('lecturers.setArchived', { id: extra.id, archived: true });
  const room = await ok('venues.save', { name: 'Phòng họp thôn 5', address: 'Thôn 5', communeCode: null, capacity: 30 });
  await ok('venues.setArchived', { id: room.id, archived: true });
  const line = await ok('plans.saveLine', {
    year: THIS_YEAR,
    programId: certificateProgram(d),
    quarter: 4,
    communeCode: null,
    plannedClasses: 1,
    plannedLearners: 40,
    notes: 'Lớp cuối năm',
  });
  const temp = await ok('plans.saveLine', {
    year: THIS_YEAR,
    programId: d.programs[0]!.id,
    quarter: null,
    communeCode: null,
    plannedClasses: 1,
    plannedLearners: 30,
    notes: '',
  });
  await ok('plans.deleteLine', { id: temp.id });
  await ok('plans.copyYear', { from: d.years[1]!, to: THIS_YEAR + 1 });
  const adjustment = await ok('holidays.addAdjustment', { date: `${THIS_YEAR}-12-31`, kind: 'day_off', name: 'Nghỉ bù (kiểm tra)' });
  await ok('holidays.removeAdjustment', { id: adjustment.id });
  return line;
}

async function twoPeopleNotInOneClass(): Promise<[number, number]> {
  const rows = sweep.core.db
    .prepare(
      `SELECT p.id FROM people p WHERE p.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = p.id) ORDER BY p.id LIMIT 2`,
    )
    .all() as { id: number }[];
  return [rows[0]!.id, rows[1]!.id];
}
