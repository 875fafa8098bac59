import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import type { ClassInput } from '../../shared/contract/classes';
import { invoke, ok, startCore } from './helpers';

async function setup(core: AppCore) {
  await ok(core, 'centre.save', {
    validFrom: '2025-07-01',
    name: 'Trung tâm Chính trị xã Đắk Hà',
    superior: 'Đảng ủy xã Đắk Hà',
    docCode: 'TTCT',
    placeName: 'Đắk Hà',
    address: '',
    phone: '',
    director: { name: 'Nguyễn Văn An', title: 'Giám đốc' },
    deputies: [],
    areaCommunes: [],
    areaPartyOrgs: [],
  });
  const programs = await ok(core, 'programs.list', { includeArchived: false });
  const knd = programs.find((p) => p.code === 'KND')!;
  const lecturer = (given: string, norm: number | null = 120) =>
    ok(core, 'lecturers.save', {
      familyAndMiddle: 'Trần Văn',
      given,
      kind: 'chuyen_trach',
      role: 'giang_vien',
      unit: 'Trung tâm',
      position: 'Giảng viên',
      phone: '',
      normHours: norm,
      lecturingHours: norm === null ? null : Math.min(norm, 90),
    });
  const a = await lecturer('Ba');
  const b = await lecturer('Bốn');
  const hall = await ok(core, 'venues.save', { name: 'Hội trường trung tâm', address: 'Thôn 3', communeCode: null, capacity: 80 });
  const room = await ok(core, 'venues.save', { name: 'Phòng học số 2', address: '', communeCode: null, capacity: 40 });
  return { knd, a, b, hall, room };
}

function cls(programId: number, extra: Partial<ClassInput> = {}): ClassInput {
  return {
    programId,
    planLineId: null,
    cohortNumber: 1,
    cohortNumbering: 'per_year',
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
    startDate: '2026-02-12',
    endDate: '2026-02-28',
    venueId: null,
    form: 'full_time',
    homeroomLecturerId: null,
    capacity: 80,
    sites: [],
    openingDecisionNumber: null,
    openingDecisionDate: null,
    ...extra,
  };
}

describe('year plan', () => {
  it('plans by quarter and place, copies last year, and shows plan against actual', async () => {
    const core = await startCore();
    const { knd, hall } = await setup(core);
    const line = await ok(core, 'plans.saveLine', {
      year: 2026,
      programId: knd.id,
      quarter: 1,
      communeCode: null,
      plannedClasses: 4,
      plannedLearners: 200,
      notes: '',
    });
    expect(line.place).toBe('Tại trung tâm');
    await ok(core, 'classes.save', cls(knd.id, { planLineId: line.id, venueId: hall.id }));
    const plan = await ok(core, 'plans.year', { year: 2026 });
    // No opening decision yet: the class is «Dự kiến», shown apart and not counted (as in the report).
    expect(plan.byProgram).toEqual([
      {
        programId: knd.id,
        programName: knd.name,
        plannedClasses: 4,
        plannedLearners: 200,
        actualClasses: 0,
        actualLearners: 0,
        pendingClasses: 1,
        pendingLearners: 0,
      },
    ]);
    expect(plan.lines[0]).toMatchObject({ actualClasses: 0, pendingClasses: 1 });
    expect(await invoke(core, 'plans.deleteLine', { id: line.id })).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    expect(await ok(core, 'plans.copyYear', { from: 2026, to: 2027 })).toEqual({ copied: 1 });
    expect((await ok(core, 'plans.year', { year: 2027 })).lines[0]).toMatchObject({ plannedClasses: 4, actualClasses: 0 });
  });

  it('refuses a plan line for a closed year', async () => {
    const core = await startCore();
    const { knd } = await setup(core);
    core.db.prepare("INSERT INTO year_closures (year, closed_at, actor) VALUES (2025, 'x', 'x')").run();
    const r = await invoke(core, 'plans.saveLine', {
      year: 2025,
      programId: knd.id,
      quarter: null,
      communeCode: null,
      plannedClasses: 1,
      plannedLearners: 50,
      notes: '',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'YEAR_CLOSED', fields: { year: 'Năm 2025 đã khóa sổ' } } });
  });
});

describe('classes', () => {
  it('proposes cohort numbers per program and year, and freezes the issuing body', async () => {
    const core = await startCore();
    const { knd, hall } = await setup(core);
    const first = await ok(core, 'classes.propose', { programId: knd.id, startDate: '2026-02-12', cohortNumbering: 'per_year' });
    expect(first).toMatchObject({
      cohortNumber: 1,
      name: 'Lớp bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng khóa I năm 2026',
      nextDecisionNumber: 1,
    });
    const c = await ok(
      core,
      'classes.save',
      cls(knd.id, { venueId: hall.id, openingDecisionNumber: 5, openingDecisionDate: '2026-02-01' }),
    );
    expect(c).toMatchObject({ status: 'opened', openingDecisionLabel: '05-QĐ/TTCT', issuingBody: { superior: 'Đảng ủy xã Đắk Hà' } });
    expect(await ok(core, 'classes.propose', { programId: knd.id, startDate: '2026-06-01', cohortNumbering: 'per_year' })).toMatchObject({
      cohortNumber: 2,
      nextDecisionNumber: 6,
    });
    await ok(core, 'centre.save', {
      validFrom: '2026-03-01',
      name: 'Trung tâm Chính trị khu vực Đắk Hà',
      superior: 'Đảng ủy xã Đắk Hà',
      docCode: 'TTCT',
      placeName: 'Đắk Hà',
      address: '',
      phone: '',
      director: { name: 'Lê Văn Mới', title: 'Giám đốc' },
      deputies: [],
      areaCommunes: [],
      areaPartyOrgs: [],
    });
    expect((await ok(core, 'classes.get', { id: c.id })).issuingBody.centreName).toBe('Trung tâm Chính trị xã Đắk Hà');
  });

  it('refuses end before start, an archived venue, and a decision number already used in the term', async () => {
    const core = await startCore();
    const { knd, hall, room } = await setup(core);
    const bad = await invoke(core, 'classes.save', cls(knd.id, { venueId: hall.id, endDate: '2026-02-01' }));
    expect(!bad.ok && bad.error.fields?.endDate).toBe('Ngày kết thúc trước ngày khai giảng');
    await ok(core, 'venues.setArchived', { id: room.id, archived: true });
    const archived = await invoke(core, 'classes.save', cls(knd.id, { venueId: room.id }));
    expect(!archived.ok && archived.error.fields?.venueId).toBe('Địa điểm đã lưu trữ');
    await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, openingDecisionNumber: 12, openingDecisionDate: '2026-02-01' }));
    const dup = await invoke(
      core,
      'classes.save',
      cls(knd.id, { venueId: hall.id, cohortNumber: 2, name: 'Lớp khóa II', openingDecisionNumber: 12, openingDecisionDate: '2026-05-01' }),
    );
    expect(!dup.ok && dup.error.fields?.openingDecisionNumber).toMatch(
      /^Số 12-QĐ\/TTCT đã dùng cho «Quyết định mở lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026» ngày 01\/02\/2026$/,
    );
    // A new term starts the numbering again.
    expect(
      (
        await invoke(
          core,
          'classes.save',
          cls(knd.id, {
            venueId: hall.id,
            startDate: '2030-02-12',
            endDate: '2030-02-20',
            openingDecisionNumber: 12,
            openingDecisionDate: '2030-02-01',
          }),
        )
      ).ok,
    ).toBe(true);
  });

  it('moves only along the lifecycle; cancelling needs a reason', async () => {
    const core = await startCore();
    const { knd, hall } = await setup(core);
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id }));
    expect(await invoke(core, 'classes.setStatus', { id: c.id, status: 'running' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_TRANSITION' },
    });
    expect(await invoke(core, 'classes.setStatus', { id: c.id, status: 'opened' })).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_DECISION' },
    });
    expect(await invoke(core, 'classes.setStatus', { id: c.id, status: 'cancelled' })).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_REASON' },
    });
    expect(await ok(core, 'classes.setStatus', { id: c.id, status: 'cancelled', reason: 'Không đủ học viên' })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Không đủ học viên',
    });
  });
});

describe('timetables', () => {
  it('generates across Tết 2026, saves, adjusts the class dates and keeps session ids', async () => {
    const core = await startCore();
    const { knd, a, hall } = await setup(core);
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: a.id }));
    const t = await ok(core, 'timetable.generate', {
      classId: c.id,
      startDate: '2026-02-12',
      halves: ['sang', 'chieu'],
      lecturerByTopic: {},
    });
    expect(t.sessions).toHaveLength(10);
    expect(t.sessions.some((s) => s.date >= '2026-02-14' && s.date <= '2026-02-22')).toBe(false);
    expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(t.sessions[0]).toMatchObject({
      lecturerName: 'Trần Văn Ba',
      venueName: 'Hội trường trung tâm',
      title: 'Khái quát lịch sử Đảng Cộng sản Việt Nam',
    });
    const saved = await ok(core, 'timetable.save', { classId: c.id, sessions: t.sessions, adjustClassDates: true });
    expect(await ok(core, 'classes.get', { id: c.id })).toMatchObject({ startDate: '2026-02-12', endDate: '2026-02-25', sessionCount: 10 });
    const ids = saved.sessions.map((s) => s.id);
    const moved = saved.sessions.map((s, i) => (i === 9 ? { ...s, date: '2026-02-26' } : s));
    const again = await ok(core, 'timetable.save', { classId: c.id, sessions: moved, adjustClassDates: true });
    expect(again.sessions.map((s) => s.id)).toEqual(ids);
  });

  it('skips the day given back for Giỗ Tổ on a Sunday (nghỉ bù, Monday 27/04/2026)', async () => {
    const core = await startCore();
    const { knd, a, hall } = await setup(core);
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: a.id }));
    const t = await ok(core, 'timetable.generate', {
      classId: c.id,
      startDate: '2026-04-23',
      halves: ['sang', 'chieu'],
      lecturerByTopic: {},
    });
    const dates = [...new Set(t.sessions.map((s) => s.date))];
    expect(dates).not.toContain('2026-04-27');
    expect(dates.slice(0, 3)).toEqual(['2026-04-23', '2026-04-24', '2026-04-28']);
    const year = await ok(core, 'holidays.year', { year: 2026 });
    expect(year.daysOff).toContainEqual({ date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04)' });
  });

  it('reports every clash kind before saving, and refuses to save errors', async () => {
    const core = await startCore();
    const { knd, a, b, hall, room } = await setup(core);
    const first = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: a.id }));
    const t1 = await ok(core, 'timetable.generate', {
      classId: first.id,
      startDate: '2026-03-02',
      halves: ['sang', 'chieu'],
      lecturerByTopic: {},
    });
    await ok(core, 'timetable.save', { classId: first.id, sessions: t1.sessions, adjustClassDates: true });
    const second = await ok(
      core,
      'classes.save',
      cls(knd.id, { cohortNumber: 2, name: 'Lớp khóa II', venueId: room.id, startDate: '2026-03-01', endDate: '2026-03-31' }),
    );
    const base = { topicId: null, title: 'Chuyên đề', venueId: room.id, periods: 4 };
    const check = await ok(core, 'timetable.check', {
      classId: second.id,
      sessions: [
        { ...base, date: '2026-03-02', half: 'sang', lecturerId: a.id },
        { ...base, date: '2026-03-02', half: 'chieu', lecturerId: b.id, venueId: hall.id },
        { ...base, date: '2026-03-02', half: 'chieu', lecturerId: b.id },
        { ...base, date: '2026-04-30', half: 'sang', lecturerId: b.id },
        { ...base, date: '2026-03-07', half: 'sang', lecturerId: b.id },
      ],
    });
    const kinds = check.problems.map((p) => `${p.index}:${p.kind}:${p.severity}`);
    // Problems point into the list as returned, sorted by date and half: 07/03 comes before 30/04.
    expect(kinds).toEqual([
      '0:lecturer_busy:error',
      '1:venue_busy:error',
      '2:class_overlap:error',
      '3:weekend:warning',
      '4:outside_dates:error',
      '4:holiday:warning',
    ]);
    expect(check.problems.find((p) => p.kind === 'lecturer_busy')?.message).toBe(
      'Giảng viên Trần Văn Ba đã có buổi dạy lớp «Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026» vào sáng 02/03/2026',
    );
    expect(check.problems.find((p) => p.kind === 'holiday')?.message).toBe('30/04/2026 là ngày nghỉ: Ngày Chiến thắng');
    const refused = await invoke(core, 'timetable.save', { classId: second.id, sessions: check.sessions, adjustClassDates: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TIMETABLE_PROBLEMS' } });
    expect((await ok(core, 'timetable.get', { classId: second.id })).sessions).toHaveLength(0);
  });

  it('warns when a lecturer passes the yearly norm, and refuses an archived lecturer', async () => {
    const core = await startCore();
    const { knd, hall } = await setup(core);
    const small = await ok(core, 'lecturers.save', {
      familyAndMiddle: 'Lê Thị',
      given: 'Năm',
      kind: 'kiem_nhiem',
      role: 'khac',
      unit: 'Đảng ủy xã',
      position: 'Phó Bí thư',
      phone: '',
      normHours: 8,
      lecturingHours: 8,
    });
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: small.id }));
    const t = await ok(core, 'timetable.generate', {
      classId: c.id,
      startDate: '2026-03-02',
      halves: ['sang', 'chieu'],
      lecturerByTopic: {},
    });
    expect(t.problems.find((p) => p.kind === 'norm')?.message).toBe('Giảng viên Lê Thị Năm: 40 giờ năm 2026, vượt định mức 8 giờ');
    await ok(core, 'lecturers.setArchived', { id: small.id, archived: true });
    const after = await ok(core, 'timetable.check', { classId: c.id, sessions: t.sessions.slice(0, 1) });
    expect(after.problems.some((p) => p.kind === 'archived' && p.severity === 'error')).toBe(true);
    const hours = await ok(core, 'lecturers.hours', { year: 2026 });
    expect(hours.find((h) => h.lecturer.id === small.id)?.periods).toBe(0);
  });

  it('shows the centre, a lecturer or a venue calendar', async () => {
    const core = await startCore();
    const { knd, a, hall } = await setup(core);
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, homeroomLecturerId: a.id }));
    const t = await ok(core, 'timetable.generate', { classId: c.id, startDate: '2026-03-02', halves: ['sang'], lecturerByTopic: {} });
    await ok(core, 'timetable.save', { classId: c.id, sessions: t.sessions, adjustClassDates: true });
    const week = await ok(core, 'calendar.sessions', { from: '2026-03-02', to: '2026-03-08', lecturerId: a.id, venueId: null });
    expect(week.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(await ok(core, 'calendar.sessions', { from: '2026-03-02', to: '2026-03-08', lecturerId: null, venueId: 99 })).toEqual([]);
    expect((await ok(core, 'lecturers.hours', { year: 2026 })).find((h) => h.lecturer.id === a.id)).toMatchObject({
      sessions: 10,
      periods: 40,
      classes: 1,
    });
  });
});

describe('holidays', () => {
  it('adds announced days by solar or lunar date, refusing a lunar date that does not exist', async () => {
    const core = await startCore();
    // 2025's twelfth lunar month has 29 days: there is no 30 Tết before Tết 2026.
    const missing = await invoke(core, 'holidays.addAdjustment', {
      lunar: { year: 2025, month: 12, day: 30, leap: false },
      kind: 'day_off',
      name: 'Nghỉ Tết',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'LUNAR_DATE_MISSING' } });
    if (!missing.ok) expect(missing.error.message).toContain('Không có ngày 30 tháng Chạp năm 2025 âm lịch');
    const leap = await invoke(core, 'holidays.addAdjustment', {
      lunar: { year: 2026, month: 3, day: 1, leap: true },
      kind: 'day_off',
      name: 'x',
    });
    expect(leap).toMatchObject({ ok: false, error: { code: 'LUNAR_DATE_MISSING' } });
    expect(
      await ok(core, 'holidays.addAdjustment', {
        lunar: { year: 2026, month: 1, day: 5, leap: false },
        kind: 'day_off',
        name: 'Nghỉ bù Tết',
      }),
    ).toMatchObject({ date: '2026-02-21' });
    await ok(core, 'holidays.addAdjustment', { date: '2026-01-03', kind: 'working_day', name: 'Làm bù' });
    const year = await ok(core, 'holidays.year', { year: 2026 });
    expect(year.daysOff.map((d) => d.date)).toContain('2026-02-21');
    expect(year.workingDays.map((d) => d.date)).toEqual(['2026-01-03']);
    expect(year.defaults.find((d) => d.name === 'Giỗ Tổ Hùng Vương')?.date).toBe('2026-04-26');
  });
});
