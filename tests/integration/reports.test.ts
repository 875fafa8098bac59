import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ok, startCore } from './helpers';
import {
  classificationBaseText,
  classificationColumns,
  compositionColumns,
  gradedCount,
  share,
} from '../../shared/domain/report-breakdown';
import { reportData, ungradedClass } from './report-fixtures';
import { refusal } from '../fixtures/builders';

// The centre's clock stands in January 2027: 2026 is a whole past year.
const clock = new Date('2027-01-15T03:00:00Z');
const now = () => clock;

const zeroAges = [0, 0, 0, 0, 0];

describe('yearly and multi-year reports', () => {
  it('adds up a year per program with the year before beside it, as computed by hand', async () => {
    const core = await startCore(undefined, now);
    const { knd, dvm, units } = await reportData(core);
    const r = await ok(core, 'reports.get', { period: { kind: 'year', year: 2026 } });
    expect(r.period).toEqual({ label: 'Năm 2026', from: '2026-01-01', to: '2026-12-31' });
    expect(r.previous.label).toBe('Năm 2025');
    expect(r.ageBands).toEqual(['Dưới 30', '30–39', '40–49', 'Từ 50 trở lên', 'Không rõ tuổi']);
    expect(r.programs.map((p) => p.programId)).toEqual([knd.id, dvm.id]);
    const [k, d] = r.programs;
    expect(k!.current).toEqual({
      planned: 2,
      opened: 1,
      planPercent: 50,
      enrollments: 3,
      people: 3,
      completed: 3,
      certified: 2,
      women: 1,
      minority: 2,
      party: { chinh_thuc: 0, du_bi: 1, quan_chung: 1, unknown: 1 },
      ages: [1, 0, 0, 1, 1],
      classifications: { Khá: 1, 'Xuất sắc': 1, 'Trung bình': 1 },
    });
    expect(k!.previous).toMatchObject({
      planned: 2,
      opened: 1,
      planPercent: 50,
      enrollments: 2,
      people: 2,
      completed: 1,
      certified: 1,
      women: 1,
      minority: 1,
      classifications: { Giỏi: 1 },
    });
    expect(d!.current).toEqual({
      planned: 1,
      opened: 1,
      planPercent: 100,
      enrollments: 2,
      people: 2,
      completed: 2,
      certified: 0,
      women: 2,
      minority: 1,
      party: { chinh_thuc: 0, du_bi: 1, quan_chung: 1, unknown: 0 },
      ages: [1, 1, 0, 0, 0],
      classifications: { Giỏi: 1, 'Trung bình': 1 },
    });
    expect(d!.previous).toMatchObject({ planned: 0, opened: 0, planPercent: null, enrollments: 0, ages: zeroAges });
    // Cúc studied twice in 2026: five enrolments, four people.
    expect(r.total.current).toMatchObject({
      planned: 3,
      opened: 2,
      planPercent: 66.67,
      enrollments: 5,
      people: 4,
      completed: 5,
      certified: 2,
      women: 3,
      minority: 3,
    });
    expect(r.classificationLabels).toEqual(['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình']);
    const both = { [knd.id]: 1, [dvm.id]: 1 };
    expect(r.communes).toEqual([
      { code: '00004', name: 'Phường Ba Đình', current: 2, previous: 2, byProgram: both },
      { code: '00008', name: 'Phường Ngọc Hà', current: 2, previous: 0, byProgram: both },
      { code: null, name: 'Chưa rõ xã, phường', current: 1, previous: 0, byProgram: { [knd.id]: 1 } },
    ]);
    expect(r.baseOrgs).toEqual([
      { unitId: units.b2.id, name: 'Đảng bộ Công an xã', current: 2, previous: 0, byProgram: both },
      { unitId: units.b1.id, name: 'Đảng bộ xã Đắk Hà', current: 2, previous: 2, byProgram: both },
      { unitId: null, name: 'Chưa rõ tổ chức cơ sở đảng', current: 1, previous: 0, byProgram: { [knd.id]: 1 } },
    ]);
    expect(r.years).toEqual([
      {
        year: 2026,
        programs: [
          { programId: knd.id, classes: 1, enrollments: 3 },
          { programId: dvm.id, classes: 1, enrollments: 2 },
        ],
      },
    ]);

    // The workbook: a sheet per table, numbers as numbers, the plan's share as a fraction shown in %.
    const file = await ok(core, 'reports.xlsx', { period: { kind: 'year', year: 2026 } });
    expect(file.fileName).toBe('bao-cao-dao-tao-nam-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Thành phần',
      'Xếp loại',
      'Theo xã phường',
      'Theo tổ chức cơ sở đảng',
      'Giờ giảng',
      'Theo năm',
    ]);
    const overview = wb.getWorksheet('Tổng hợp')!;
    expect(overview.getRow(2).getCell(1).value).toBe(knd.name);
    expect(overview.getRow(2).getCell(3).value).toBe(1);
    expect(overview.getRow(2).getCell(4).value).toBe(0.5);
    expect(overview.getRow(2).getCell(4).numFmt).toBe('0.00%');
    expect(overview.headerFooter.oddHeader).toBe('&C&BBáo cáo kết quả đào tạo, bồi dưỡng — Năm 2026 — Tổng hợp');
    // No printer behind the test core: printing says so.
    expect(await refusal(core, 'reports.print', { period: { kind: 'year', year: 2026 } })).toMatchObject({ code: 'PRINT_UNAVAILABLE' });
  }, 30_000);

  it('takes classification shares over graded programs only, and gives every breakdown a count and a share', async () => {
    const core = await startCore(undefined, now);
    const data = await reportData(core);
    const { nq } = await ungradedClass(core, data);
    const r = await ok(core, 'reports.get', { period: { kind: 'year', year: 2026 } });
    const t = r.total.current;
    // By hand, 2026: KND B (Khá, Xuất sắc, Trung bình), DVM C (Giỏi, Trung bình), NQ (3 completed, no grading).
    expect(t).toMatchObject({
      enrollments: 8,
      people: 4,
      completed: 8,
      classifications: { 'Xuất sắc': 1, Giỏi: 1, Khá: 1, 'Trung bình': 2 },
    });
    expect(r.programs.find((p) => p.programId === nq.id)!.current).toMatchObject({
      enrollments: 3,
      people: 3,
      completed: 3,
      classifications: {},
    });
    expect(gradedCount(t)).toBe(5);
    const shares = classificationColumns(r.classificationLabels).map((c) => share(c.count(t), c.base(t)));
    expect(shares).toEqual([0.2, 0.2, 0.2, 0.4]);
    expect(shares.reduce((a, b) => a! + b!, 0)).toBeCloseTo(1, 10);
    expect(classificationBaseText(t)).toBe(
      'Tỉ lệ xếp loại tính trên 5 lượt học viên hoàn thành của các chương trình có xếp loại; không tính 3 lượt hoàn thành chương trình không xếp loại.',
    );
    // Composition over the 8 enrolments: An and Cúc twice each among the women (An in DVM and NQ), 4 of 8.
    const composition = compositionColumns(r.ageBands);
    expect(composition.map((c) => [c.fullHeader, c.count(t), share(c.count(t), c.base(t))])).toEqual([
      ['Nữ', 4, 0.5],
      ['Dân tộc thiểu số', 4, 0.5],
      ['Đảng viên chính thức', 0, 0],
      ['Đảng viên dự bị', 2, 0.25],
      ['Quần chúng', 4, 0.5],
      ['Chưa rõ đảng tịch', 2, 0.25],
      ['Dưới 30', 2, 0.25],
      ['30–39', 2, 0.25],
      ['40–49', 0, 0],
      ['Từ 50 trở lên', 2, 0.25],
      ['Không rõ tuổi', 2, 0.25],
    ]);

    // The workbook: each breakdown as a count beside its share; the classification sheet without NQ.
    const file = await ok(core, 'reports.xlsx', { period: { kind: 'year', year: 2026 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const overview = wb.getWorksheet('Tổng hợp')!;
    expect((overview.getRow(1).values as unknown[]).slice(5, 9)).toEqual([
      'Lượt học viên',
      'Lượt hoàn thành',
      'Lượt cấp giấy chứng nhận',
      'Số người (mỗi người một lần)',
    ]);
    const sheet = wb.getWorksheet('Thành phần')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
      'Chương trình',
      'Lượt học viên',
      'Nữ',
      'Tỉ lệ nữ',
      'Dân tộc thiểu số',
    ]);
    const totalRow = sheet.getRow(sheet.rowCount);
    expect(totalRow.getCell(1).value).toBe('Cộng');
    expect([2, 3, 4, 5, 6].map((i) => totalRow.getCell(i).value)).toEqual([8, 4, 0.5, 4, 0.5]);
    const grades = wb.getWorksheet('Xếp loại')!;
    const names = Array.from({ length: grades.rowCount - 1 }, (_, i) => grades.getRow(i + 2).getCell(1).value);
    expect(names).toEqual([data.knd.name, data.dvm.name, 'Cộng']);
    const gradedTotal = grades.getRow(grades.rowCount);
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => gradedTotal.getCell(i).value)).toEqual([5, 1, 0.2, 1, 0.2, 1, 0.2, 2, 0.4]);
  }, 60_000);

  it('counts the first 6 months with their quarters of the plan, and a term with each person once', async () => {
    const core = await startCore(undefined, now);
    const { knd, dvm } = await reportData(core);
    const half = await ok(core, 'reports.get', { period: { kind: 'months', year: 2026, months: 6 } });
    expect(half.period).toMatchObject({ label: '6 tháng đầu năm 2026', to: '2026-06-30' });
    expect(half.previous.label).toBe('6 tháng đầu năm 2025');
    expect(half.programs.find((p) => p.programId === knd.id)!.current).toMatchObject({
      planned: 1,
      opened: 1,
      planPercent: 100,
      enrollments: 3,
    });
    // DVM has neither plan nor class in the first halves of 2025 and 2026: it is left out.
    expect(half.programs.map((p) => p.programId)).toEqual([knd.id]);
    void dvm;
    expect(half.programs.find((p) => p.programId === knd.id)!.previous).toMatchObject({ planned: 2, opened: 1, enrollments: 2 });

    const term = await ok(core, 'reports.get', { period: { kind: 'range', fromYear: 2025, toYear: 2026 } });
    expect(term.period.label).toBe('Giai đoạn 2025–2026');
    expect(term.previous.label).toBe('Giai đoạn 2023–2024');
    // Bình studied KND twice (2025 and 2026): seven enrolments, four people, KND three people.
    expect(term.total.current).toMatchObject({ opened: 3, enrollments: 7, people: 4, planned: 5 });
    expect(term.programs.find((p) => p.programId === knd.id)!.current).toMatchObject({ opened: 2, enrollments: 5, people: 4 });
    expect(term.years.map((y) => y.programs.map((p) => [p.classes, p.enrollments]))).toEqual([
      [
        [1, 2],
        [0, 0],
      ],
      [
        [1, 3],
        [1, 2],
      ],
    ]);
  }, 30_000);

  it('prepares an uncached period in the background, then has nothing left to do', async () => {
    const core = await startCore(undefined, now);
    await reportData(core);
    core.db.exec('DELETE FROM class_figures');
    const { jobId, total } = await ok(core, 'reports.prepare', { period: { kind: 'range', fromYear: 2025, toYear: 2026 } });
    expect(total).toBe(3);
    let s = await ok(core, 'reports.prepareStatus', { jobId: jobId! });
    while (s.status === 'running') {
      await new Promise((r) => setTimeout(r, 10));
      s = await ok(core, 'reports.prepareStatus', { jobId: jobId! });
    }
    expect(s).toMatchObject({ status: 'done', done: 3, total: 3 });
    expect(core.db.prepare('SELECT count(*) AS n FROM class_figures').get()).toEqual({ n: 3 });
    expect(await ok(core, 'reports.prepare', { period: { kind: 'year', year: 2026 } })).toEqual({ jobId: null, total: 0 });
  }, 30_000);

  it('works out the outcome of classes recognised before the reports existed, once', async () => {
    const core = await startCore(undefined, now);
    await reportData(core);
    core.db.exec("UPDATE enrollments SET outcome = NULL, classification = NULL; DELETE FROM settings WHERE key = 'reports.outcomesFilled'");
    const r = await ok(core, 'reports.get', { period: { kind: 'year', year: 2026 } });
    expect(r.total.current).toMatchObject({ completed: 5, classifications: { 'Xuất sắc': 1, Giỏi: 1, Khá: 1, 'Trung bình': 2 } });
    expect(core.db.prepare('SELECT count(*) AS n FROM enrollments WHERE outcome IS NULL').get()).toEqual({ n: 0 });
  }, 30_000);

  it('says when a period has no data or comes before the first record, and refuses a bad period', async () => {
    const core = await startCore(undefined, now);
    expect(await refusal(core, 'reports.get', { period: { kind: 'year', year: 2026 } })).toMatchObject({ code: 'EMPTY' });
    await reportData(core);
    expect(await refusal(core, 'reports.get', { period: { kind: 'range', fromYear: 2010, toYear: 2015 } })).toMatchObject({
      code: 'BEFORE_FIRST',
      message: 'Số liệu của trung tâm bắt đầu từ năm 2025; giai đoạn 2010–2015 không có số liệu.',
    });
    expect(await refusal(core, 'reports.get', { period: { kind: 'year', year: 2028 } })).toMatchObject({
      code: 'EMPTY',
      message: 'Năm 2028 chưa có số liệu: không có kế hoạch và không có lớp nào mở.',
    });
    expect(await refusal(core, 'reports.get', { period: { kind: 'range', fromYear: 2026, toYear: 2020 } })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'period.toYear': 'Năm cuối phải từ năm đầu trở đi' },
    });
  }, 30_000);
});
