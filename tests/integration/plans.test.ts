import { describe, expect, it } from 'vitest';
import { cls, setup } from './class-fixtures';
import { invoke, ok, startCore } from './helpers';
import { reportData } from './report-fixtures';
import { refusal } from '../fixtures/builders';

const now = () => new Date('2027-01-15T03:00:00Z');

type Counts = [classes: number, learners: number];
/** A program's row of plans.year: planned, opened, and still «Dự kiến» (no opening decision yet). */
function programRow(program: { id: number; name: string }, c: { planned: Counts; actual: Counts; pending: Counts }) {
  return {
    programId: program.id,
    programName: program.name,
    plannedClasses: c.planned[0],
    plannedLearners: c.planned[1],
    actualClasses: c.actual[0],
    actualLearners: c.actual[1],
    pendingClasses: c.pending[0],
    pendingLearners: c.pending[1],
  };
}

describe('plans against what was done', () => {
  it('compares classes and learners per line and per program, and counts a «Dự kiến» class the way the report does: apart', async () => {
    const core = await startCore(undefined, now);
    const { knd, dvm, hall, people } = await reportData(core);
    const plan = await ok(core, 'plans.year', { year: 2026 });
    const q3 = plan.lines.find((l) => l.programId === knd.id && l.quarter === 3)!;
    // A KND class planned from the Q3 line, learners listed, no opening decision yet: «Dự kiến».
    const pendingInput = cls(knd.id, {
      planLineId: q3.id,
      cohortNumber: 3,
      name: 'Lớp KND khóa 3 năm 2026',
      startDate: '2026-08-03',
      endDate: '2026-08-07',
      venueId: hall.id,
    });
    const pending = await ok(core, 'classes.save', pendingInput);
    expect(pending.status).toBe('planned');
    await ok(core, 'enrollments.add', {
      classId: pending.id,
      personIds: [people.an.id, people.dung.id],
      fitOverrideReason: 'Theo danh sách cấp ủy gửi',
    });

    const year = await ok(core, 'plans.year', { year: 2026 });
    // By hand, 2026: KND planned 1 + 1 classes, 30 + 30 learners; class B opened with 3 learners (class D
    // cancelled, the new one still «Dự kiến» with 2). DVM planned 1 class of 30; class C opened with 2.
    expect(year.byProgram).toEqual([
      programRow(knd, { planned: [2, 60], actual: [1, 3], pending: [1, 2] }),
      programRow(dvm, { planned: [1, 30], actual: [1, 2], pending: [0, 0] }),
    ]);
    // The Q3 line: nothing opened yet, one class waiting for its decision.
    expect(year.lines.find((l) => l.id === q3.id)).toMatchObject({
      plannedClasses: 1,
      plannedLearners: 30,
      actualClasses: 0,
      actualLearners: 0,
      pendingClasses: 1,
    });

    // The report counts the same classes: KND opened 1, and names the «Dự kiến» one apart.
    const report = await ok(core, 'reports.get', { period: { kind: 'year', year: 2026 } });
    const reported = (id: number) => report.programs.find((p) => p.programId === id)!.current;
    for (const p of year.byProgram) {
      expect(reported(p.programId).opened).toBe(p.actualClasses);
      expect(reported(p.programId).enrollments).toBe(p.actualLearners);
      expect(reported(p.programId).planned).toBe(p.plannedClasses);
    }
    expect(report.pendingClasses).toBe(1);

    // A line with a «Dự kiến» class is in use: deleting it would lose the link.
    expect(await refusal(core, 'plans.deleteLine', { id: q3.id })).toMatchObject({
      code: 'IN_USE',
      message: 'Đã có 1 lớp theo dòng kế hoạch này (1 lớp dự kiến); không xóa được.',
    });

    // With its opening decision the class counts, on both screens at once.
    await ok(core, 'classes.save', { ...pendingInput, id: pending.id, openingDecisionNumber: 90, openingDecisionDate: '2026-07-20' });
    const after = await ok(core, 'plans.year', { year: 2026 });
    expect(after.byProgram[0]).toMatchObject({ actualClasses: 2, actualLearners: 5, pendingClasses: 0, pendingLearners: 0 });
    expect(after.lines.find((l) => l.id === q3.id)).toMatchObject({ actualClasses: 1, actualLearners: 2, pendingClasses: 0 });
    const again = await ok(core, 'reports.get', { period: { kind: 'year', year: 2026 } });
    expect(again.programs.find((p) => p.programId === knd.id)!.current).toMatchObject({
      opened: 2,
      enrollments: 5,
      planned: 2,
      planPercent: 100,
    });
    expect(again.pendingClasses).toBe(0);
  }, 60_000);

  it('shows a program with classes but no plan line, with nothing planned', async () => {
    const core = await startCore(undefined, now);
    const { dvm } = await reportData(core);
    const y2025 = await ok(core, 'plans.year', { year: 2025 });
    // 2025: only KND was planned (2 classes); class A opened with An and Bình. DVM had neither.
    expect(y2025.byProgram).toHaveLength(1);
    expect(y2025.byProgram[0]).toMatchObject({ plannedClasses: 2, plannedLearners: 30, actualClasses: 1, actualLearners: 2 });
    await ok(core, 'plans.deleteLine', {
      id: (await ok(core, 'plans.year', { year: 2026 })).lines.find((l) => l.programId === dvm.id)!.id,
    });
    const y2026 = await ok(core, 'plans.year', { year: 2026 });
    // DVM's line had class C opened from no line, so the line could go; its class still counts.
    expect(y2026.byProgram.find((p) => p.programId === dvm.id)).toMatchObject({
      plannedClasses: 0,
      plannedLearners: 0,
      actualClasses: 1,
      actualLearners: 2,
    });
  }, 60_000);
});

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
    expect(plan.byProgram).toEqual([programRow(knd, { planned: [4, 200], actual: [0, 0], pending: [1, 0] })]);
    expect(plan.lines[0]).toMatchObject({ actualClasses: 0, pendingClasses: 1 });
    expect(await refusal(core, 'plans.deleteLine', { id: line.id })).toMatchObject({ code: 'IN_USE' });
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
