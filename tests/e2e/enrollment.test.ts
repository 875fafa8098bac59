import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { ROSTER_GIVEN, rosterPerson } from '../fixtures/personal-data';
import {
  browserForFile,
  chooseDocument,
  dataFolder,
  ok,
  saveCentreProfile,
  screenshot,
  SCREENSHOTS,
  startApp,
  typeDate,
  watchConsole,
} from './fixtures';

const browser = browserForFile();

/** A lecturer, a hall, an opened KND class (capacity 30) with its 10 sessions, and 30 people in one cell. */
async function setUp(core: AppCore) {
  await saveCentreProfile(core);
  const lecturer = await ok(core, 'lecturers.save', {
    familyAndMiddle: 'Trần Thị',
    given: 'Lan',
    kind: 'chuyen_trach',
    role: 'giang_vien',
    unit: 'Trung tâm Chính trị',
    position: 'Giảng viên',
    phone: '',
    normHours: 120,
    lecturingHours: 90,
  });
  const hall = await ok(core, 'venues.save', {
    name: 'Hội trường trung tâm',
    address: 'Thôn 3, xã Đắk Hà',
    communeCode: null,
    capacity: 80,
  });
  const knd = (await ok(core, 'programs.list', { includeArchived: false })).find((p) => p.code === 'KND')!;
  const cls = await ok(core, 'classes.save', {
    programId: knd.id,
    planLineId: null,
    cohortNumber: 1,
    cohortNumbering: 'per_year',
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
    startDate: '2026-02-12',
    endDate: '2026-02-28',
    venueId: hall.id,
    form: 'full_time',
    homeroomLecturerId: lecturer.id,
    capacity: 30,
    sites: [],
    openingDecisionNumber: 1,
    openingDecisionDate: '2026-02-05',
  });
  const t = await ok(core, 'timetable.generate', {
    classId: cls.id,
    startDate: '2026-02-12',
    halves: ['sang', 'chieu'],
    lecturerByTopic: {},
  });
  const timetable = await ok(core, 'timetable.save', { classId: cls.id, sessions: t.sessions, adjustClassDates: true });
  expect(timetable.sessions).toHaveLength(10);
  const unit = await ok(core, 'units.save', { name: 'Chi bộ thôn 3', kind: 'cell', parentId: null, communeCode: null });
  for (const i of ROSTER_GIVEN.keys()) {
    await ok(core, 'learners.save', {
      ...rosterPerson(i),
      ethnicityCode: '01',
      religion: '',
      homePlace: '',
      communeCode: null,
      workplace: '',
      position: '',
      // Two probationary Party members: the admission course is for non-members, so the core asks why.
      partyStatus: i === 3 || i === 17 ? 'du_bi' : 'quan_chung',
      admissionDate: i === 3 || i === 17 ? '2025-09-02' : null,
      confirmationDate: null,
      unitId: unit.id,
      educationLevel: '',
      theoryLevel: null,
      citizenId: '',
      partyCard: '',
      phone: '',
      notes: '',
    });
  }
  return { cls, sessions: timetable.sessions };
}

/** The grid shows unsaved marks at once: wait until the last batch is in the database. */
async function saved(page: Page) {
  await page.getByRole('status').filter({ hasText: 'Đã lưu mọi thay đổi' }).waitFor();
}

describe('enrolment, attendance and results — as a clerk', () => {
  it('enrols 30 from the registry, takes attendance by keyboard, enters scores and recognises the results', async () => {
    const data = dataFolder();
    const host = await startApp(data.dir);
    try {
      const core = host.core;
      const { cls } = await setUp(core);
      const page = await browser().newPage({ viewport: { width: 1366, height: 900 } });
      const problems = watchConsole(page);
      await page.goto(`${host.url}#/classes/${cls.id}`);

      // Enrol everyone from the registry; two are Party members and need a reason.
      await page.getByRole('tab', { name: /^Học viên/ }).click();
      await page.getByText('0/30 học viên').waitFor();
      await screenshot(page, '40-enrollment-empty');
      await page.getByRole('button', { name: 'Thêm từ sổ học viên' }).click();
      await page.getByRole('checkbox', { name: 'Chọn Nguyễn Văn An' }).waitFor();
      await page.getByRole('textbox', { name: 'Tìm trong sổ học viên' }).fill('dang');
      // Typed without diacritics: «dang» finds the five Đặng.
      await page.getByRole('checkbox', { name: 'Chọn tất cả 5 người đang hiện' }).waitFor();
      await page.getByRole('checkbox', { name: 'Chọn Đặng Thị Mai' }).waitFor();
      await page.getByRole('textbox', { name: 'Tìm trong sổ học viên' }).fill('');
      await page.getByRole('checkbox', { name: 'Chọn tất cả 30 người đang hiện' }).click();
      await page.getByText('Đã chọn 30 người').waitFor();
      await screenshot(page, '41-registry-dialog');
      await page.getByRole('button', { name: 'Thêm 30 người' }).click();
      await page.getByText(/Chương trình dành cho quần chúng; không đúng đối tượng: .*Phạm Văn Dũng \(đảng viên dự bị\)/).waitFor();
      await screenshot(page, '42-fit-warning');
      await page.getByLabel('Lý do vẫn cho học').fill('Theo công văn cử đi học của Đảng ủy xã');
      await page.getByRole('button', { name: 'Vẫn cho học' }).click();
      await page.getByText('Đã thêm 30 người vào lớp.').waitFor();
      await page.getByText('30/30 học viên').waitFor();
      await page.getByRole('tab', { name: 'Học viên (30)' }).waitFor();
      expect(await page.getByText('Vẫn cho học: Theo công văn cử đi học của Đảng ủy xã').count()).toBe(2);
      await screenshot(page, '43-enrollment-list');

      // The whole cell again: refused as a whole, naming who is already in.
      await page.getByRole('button', { name: 'Thêm cả chi bộ' }).click();
      await page.getByRole('combobox', { name: 'Chi bộ, đảng bộ' }).fill('thon 3');
      await page.getByRole('option', { name: 'Chi bộ thôn 3 (30 người)' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Thêm cả chi bộ' }).click();
      await page.getByText(/^Nguyễn Văn An, Trần Văn Bình, .* và 25 người khác đã có trong lớp; chưa ghi danh ai\.$/).waitFor();
      await page.getByRole('button', { name: 'Đóng' }).click();

      // The last on the list withdraws: kept on the list, out of attendance and results.
      const order = (await ok(core, 'enrollments.list', { classId: cls.id })).enrollments.map((e) => e.fullName);
      const leaver = order[29]!;
      await page.getByRole('button', { name: `Thôi học: ${leaver}` }).click();
      await page.getByRole('button', { name: 'Thôi học', exact: true }).click();
      await page.getByText('Chưa ghi lý do').waitFor();
      await page.getByLabel('Lý do thôi học').fill('Chuyển công tác');
      await page.getByRole('button', { name: 'Thôi học', exact: true }).click();
      await page.getByText('Thôi học: Chuyển công tác').waitFor();
      await page.getByText('29/30 học viên').waitFor();
      await page.getByRole('tab', { name: 'Học viên (29)' }).waitFor();

      // Attendance, keyboard only: fill each session from its header button, then mark absences.
      await page.getByRole('tab', { name: 'Điểm danh' }).click();
      const grid = page.getByRole('grid', { name: 'Điểm danh' });
      await grid.getByRole('gridcell', { name: `${order[0]}, sáng 12/02: chưa điểm danh` }).click();
      for (let c = 0; c < 10; c++) {
        if (c > 0) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Space');
      }
      await saved(page);
      expect(await grid.getByRole('gridcell', { name: /: có mặt$/ }).count()).toBe(290);
      expect(await grid.getByRole('gridcell', { name: /: đã thôi học$/ }).count()).toBe(10);
      // A mark on the withdrawn learner is refused on the spot.
      await page.keyboard.press('Control+End');
      await page.keyboard.press('c');
      await page.getByText(`${leaver} đã thôi học: không điểm danh được.`).waitFor();
      await screenshot(page, '44a-attendance-withdrawn');
      // Two learners are absent without leave from three sessions each: 3/10 is over the 20% limit.
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      for (let c = 0; c < 3; c++) {
        if (c > 0) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('k');
      }
      for (let r = 0; r < 3; r++) await page.keyboard.press('ArrowDown');
      for (let c = 0; c < 3; c++) {
        if (c > 0) await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('K');
      }
      // One excused absence, typed and then cleared and typed again, stays within the limit.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('p');
      await page.keyboard.press('Delete');
      await page.keyboard.press('p');
      await saved(page);
      await grid.getByRole('gridcell', { name: `${order[2]}, chiều 12/02: vắng không phép` }).waitFor();
      await grid.getByRole('gridcell', { name: `${order[5]}, sáng 13/02: vắng không phép` }).waitFor();
      await grid.getByRole('gridcell', { name: `${order[6]}, sáng 12/02: vắng có phép` }).waitFor();
      const over = grid.getByRole('gridcell', { name: `${order[2]}: vắng 3/10 buổi, quá giới hạn` });
      expect(await over.textContent()).toBe('3/10 (30%)');
      expect(await over.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(211, 47, 47)');
      expect(await grid.getByRole('gridcell', { name: `${order[6]}: vắng 1/10 buổi` }).textContent()).toBe('1/10 (10%)');
      await screenshot(page, '44-attendance');
      const marks = (await ok(core, 'attendance.grid', { classId: cls.id })).rows;
      expect(marks.filter((r) => r.overLimit).map((r) => r.fullName)).toEqual([order[2], order[5]]);

      // The class ends (through the core: the buttons at the top of the class page do this).
      await ok(core, 'classes.setStatus', { id: cls.id, status: 'running' });
      await ok(core, 'classes.setStatus', { id: cls.id, status: 'finished' });
      await page.reload();
      await page.getByRole('tab', { name: 'Kết quả' }).click();
      await page.getByText('0 đủ điều kiện · 2 không đủ · 27 chưa đủ dữ liệu').waitFor();
      const active = order.slice(0, 29);

      // Scores from the keyboard: type, Enter moves to the next learner; one bad entry, one retake.
      await page.getByLabel(`Bài thu hoạch: ${order[0]}`).click();
      const scores = active.map((_, i) => (i === 7 ? '4,5' : i === 12 ? '11' : `${5 + (i % 5)}${i % 2 ? '.5' : ',0'}`));
      for (const [i, s] of scores.entries()) {
        if (i === active.length - 1) break;
        await page.keyboard.type(s);
        await page.keyboard.press('Enter');
      }
      await page.getByText('Điểm từ 0 đến 10, một chữ số thập phân').waitFor();
      await page.getByLabel(`Bài thu hoạch, đánh giá lại: ${order[7]}`).waitFor();
      // Recognising with a score missing is refused, naming who.
      await page.getByLabel('Số quyết định').fill('2');
      await typeDate(page, 'Ngày quyết định', '27/02/2026');
      await page.getByRole('button', { name: 'Công nhận kết quả' }).click();
      await page.getByText(/^Còn 2 học viên chưa đủ điểm danh hoặc điểm: /).waitFor();
      await screenshot(page, '45-results-errors');

      await page.getByLabel(`Bài thu hoạch: ${order[12]}`).fill('7,5');
      await page.keyboard.press('Enter');
      await page.getByLabel(`Bài thu hoạch: ${order[28]}`).fill('8');
      await page.keyboard.press('Enter');
      await page.getByLabel(`Bài thu hoạch, đánh giá lại: ${order[7]}`).fill('6');
      await page.keyboard.press('Enter');
      await page.getByText('27 đủ điều kiện · 2 không đủ · 0 chưa đủ dữ liệu').waitFor();
      expect(await page.getByLabel(`Bài thu hoạch: ${order[1]}`).inputValue()).toBe('6,5');
      await page.getByRole('button', { name: 'Công nhận kết quả' }).click();
      await page.getByText('Đã công nhận theo Quyết định số 02-QĐ/TTCT ngày 27/02/2026', { exact: false }).waitFor();
      await page.getByText('Đã công nhận kết quả', { exact: true }).waitFor();
      await screenshot(page, '46-results-recognised');

      // Locked: a change asks for the reason once, and goes through with it.
      await page.getByLabel(`Bài thu hoạch: ${order[0]}`).fill('5,5');
      await page.keyboard.press('Tab');
      await page.getByLabel('Lý do sửa').fill('Chấm phúc khảo');
      await screenshot(page, '47-locked-reason');
      await page.getByRole('button', { name: 'Ghi lý do và lưu' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await expect.poll(async () => (await ok(core, 'results.grid', { classId: cls.id })).rows[0]?.scores[0]?.first).toBe(55);
      const results = await ok(core, 'results.grid', { classId: cls.id });
      expect(results.summary).toEqual({ eligible: 27, notEligible: 2, incomplete: 0 });
      expect(results.rows[2]?.result.reasons[0]).toBe('Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)');

      // Discipline after recognition: the note, and the reason the locked results change.
      await page.getByRole('tab', { name: /^Học viên/ }).click();
      await page.getByRole('checkbox', { name: `Kỷ luật: ${order[9]}` }).click();
      await page.getByLabel('Nội dung kỷ luật').fill('Khiển trách vì tự ý bỏ về giữa buổi');
      await page.getByLabel('Lý do sửa sau khi đã công nhận kết quả').fill('Chi bộ báo muộn quyết định kỷ luật');
      await screenshot(page, '48-discipline-locked');
      await page.getByRole('button', { name: 'Ghi nhận kỷ luật' }).click();
      await page.getByText('Khiển trách vì tự ý bỏ về giữa buổi').waitFor();
      await screenshot(page, '49-enrollment-after');
      await page.getByRole('tab', { name: 'Kết quả' }).click();
      await page.getByText('26 đủ điều kiện · 3 không đủ · 0 chưa đủ dữ liệu').waitFor();

      // Attendance is locked too: the first change asks why, and is saved with the reason.
      await page.getByRole('tab', { name: 'Điểm danh' }).click();
      await grid.getByRole('gridcell', { name: `${order[6]}, sáng 12/02: vắng có phép` }).click();
      await page.keyboard.press('c');
      await page.getByRole('dialog', { name: 'Sửa điểm danh sau khi đã công nhận kết quả' }).waitFor();
      await page.getByLabel('Lý do sửa').fill('Học viên có mặt, ghi nhầm');
      await page.getByRole('button', { name: 'Ghi lý do và lưu' }).click();
      await saved(page);
      await grid.getByRole('gridcell', { name: `${order[6]}, sáng 12/02: có mặt` }).waitFor();
      expect((await ok(core, 'attendance.grid', { classId: cls.id })).rows[6]?.marks[0]).toBe('present');

      // Print the score sheet and the results decision from the same HTML the preview shows.
      const savePdf = async (label: string, heading: string, file: string) => {
        await page.getByRole('tab', { name: 'In văn bản' }).click();
        await chooseDocument(page, label);
        await page.frameLocator('iframe[title^="Xem trước"]').getByText(heading, { exact: true }).first().waitFor();
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Lưu PDF' }).click();
        const pdfPath = path.join(data.dir, file);
        await (await download).saveAs(pdfPath);
        return { pdfPath, text: execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }) };
      };
      const scoreSheet = await savePdf('Bảng điểm', 'BẢNG ĐIỂM', 'bang-diem.pdf');
      await page.getByText(/^Đã lưu tệp .*\.pdf\.$/).waitFor();
      await screenshot(page, '4a-score-sheet-preview');
      const flat = scoreSheet.text.replace(/\s+/g, ' ');
      expect(flat).toContain('BẢNG ĐIỂM');
      expect(flat.toLocaleLowerCase('vi')).toContain('lớp bồi dưỡng nhận thức về đảng khóa i năm 2026');
      expect(flat).toContain(`${order[12]} 7,5`);
      expect(flat).toContain('Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        scoreSheet.pdfPath,
        path.join(SCREENSHOTS, '4b-score-sheet-pdf'),
      ]);

      // Another document chosen: what was said about the score sheet's file is gone.
      await chooseDocument(page, 'Quyết định công nhận kết quả');
      expect(await page.getByText(/^Đã lưu tệp /).count()).toBe(0);
      const decision = await savePdf('Quyết định công nhận kết quả', 'QUYẾT ĐỊNH', 'quyet-dinh-cong-nhan.pdf');
      const decisionText = decision.text.replace(/\s+/g, ' ');
      expect(decisionText).toContain('Số 02-QĐ/TTCT');
      expect(decisionText).toContain('Công nhận 26/29 học viên');
      expect(decisionText).toContain('DANH SÁCH HỌC VIÊN ĐƯỢC CÔNG NHẬN KẾT QUẢ HỌC TẬP');
      const final = await ok(core, 'results.grid', { classId: cls.id });
      const refused = final.rows.filter((r) => r.result.status !== 'eligible').map((r) => r.fullName);
      expect(refused).toHaveLength(3);
      for (const name of refused) expect(decisionText).not.toContain(name);
      for (const r of final.rows.filter((x) => x.result.status === 'eligible').slice(0, 3)) expect(decisionText).toContain(r.fullName);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '2',
        '-l',
        '2',
        decision.pdfPath,
        path.join(SCREENSHOTS, '4c-results-decision-list'),
      ]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await host.close();
      data.remove();
    }
  });
});
