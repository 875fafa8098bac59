import path from 'node:path';
import { describe, expect } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { blankPerson } from '../fixtures/builders';
import { ROSTER_GIVEN, rosterPerson } from '../fixtures/personal-data';
import { ok, saveCentreProfile, typeDate } from './fixtures';
import { allSaved } from './pages/app';
import { attendanceCell, chooseDocument, classTab, printDocument } from './pages/class-page';
import { journey } from './pages/journey';
import { saveHall, saveKndClass, saveLecturerLan, saveTimetable } from './pages/seed';
import { shot, shotPdf } from './pages/shots';

/** A lecturer, a hall, an opened KND class (capacity 30) with its 10 sessions, and 30 people in one cell. */
async function setUp(core: AppCore) {
  await saveCentreProfile(core);
  const lecturer = await saveLecturerLan(core);
  const hall = await saveHall(core);
  const cls = await saveKndClass(core, {
    name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026',
    startDate: '2026-02-12',
    endDate: '2026-02-28',
    venueId: hall.id,
    homeroomLecturerId: lecturer.id,
    capacity: 30,
    openingDecisionNumber: 1,
    openingDecisionDate: '2026-02-05',
  });
  const timetable = await saveTimetable(core, cls.id, '2026-02-12');
  expect(timetable.sessions).toHaveLength(10);
  const unit = await ok(core, 'units.save', { name: 'Chi bộ thôn 3', kind: 'cell', parentId: null, communeCode: null });
  for (const i of ROSTER_GIVEN.keys()) {
    // Two probationary Party members: the admission course is for non-members, so the core asks why.
    const member = i === 3 || i === 17;
    await ok(core, 'learners.save', {
      ...blankPerson,
      ...rosterPerson(i),
      ethnicityCode: '01',
      unitId: unit.id,
      partyStatus: member ? 'du_bi' : 'quan_chung',
      admissionDate: member ? '2025-09-02' : null,
    });
  }
  return cls;
}

describe('enrolment, attendance and results — as a clerk', () => {
  const j = journey({ viewport: { width: 1366, height: 900 }, seed: setUp, open: (cls) => `#/classes/${cls.id}` });
  const cell = (name: string | RegExp) => attendanceCell(j.page, name);
  /** The class list in its order, read once enrolled; the last one withdraws. */
  let order: string[] = [];

  j.step('enrols everyone from the registry; the two Party members need a reason', async () => {
    const { page } = j;
    await classTab(page, /^Học viên/);
    await page.getByText('0/30 học viên').waitFor();
    await shot(page, '40-enrollment-empty');
    await page.getByRole('button', { name: 'Thêm từ sổ học viên' }).click();
    await page.getByRole('checkbox', { name: 'Chọn Nguyễn Văn An' }).waitFor();
    await page.getByRole('textbox', { name: 'Tìm trong sổ học viên' }).fill('dang');
    // Typed without diacritics: «dang» finds the five Đặng.
    await page.getByRole('checkbox', { name: 'Chọn tất cả 5 người đang hiện' }).waitFor();
    await page.getByRole('checkbox', { name: 'Chọn Đặng Thị Mai' }).waitFor();
    await page.getByRole('textbox', { name: 'Tìm trong sổ học viên' }).fill('');
    await page.getByRole('checkbox', { name: 'Chọn tất cả 30 người đang hiện' }).click();
    await page.getByText('Đã chọn 30 người').waitFor();
    await shot(page, '41-registry-dialog');
    await page.getByRole('button', { name: 'Thêm 30 người' }).click();
    await page.getByText(/Chương trình dành cho quần chúng; không đúng đối tượng: .*Phạm Văn Dũng \(đảng viên dự bị\)/).waitFor();
    await shot(page, '42-fit-warning');
    await page.getByLabel('Lý do vẫn cho học').fill('Theo công văn cử đi học của Đảng ủy xã');
    await page.getByRole('button', { name: 'Vẫn cho học' }).click();
    await page.getByText('Đã thêm 30 người vào lớp.').waitFor();
    await page.getByText('30/30 học viên').waitFor();
    await page.getByRole('tab', { name: 'Học viên (30)' }).waitFor();
    expect(await page.getByText('Vẫn cho học: Theo công văn cử đi học của Đảng ủy xã').count()).toBe(2);
    await shot(page, '43-enrollment-list');
    order = (await ok(j.core, 'enrollments.list', { classId: j.seeded.id })).enrollments.map((e) => e.fullName);
  });

  j.step('the whole cell again is refused as a whole, naming who is already in', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Thêm cả chi bộ' }).click();
    await page.getByRole('combobox', { name: 'Chi bộ, đảng bộ' }).fill('thon 3');
    await page.getByRole('option', { name: 'Chi bộ thôn 3 (30 người)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Thêm cả chi bộ' }).click();
    await page.getByText(/^Nguyễn Văn An, Trần Văn Bình, .* và 25 người khác đã có trong lớp; chưa ghi danh ai\.$/).waitFor();
    await page.getByRole('button', { name: 'Đóng' }).click();
  });

  j.step('the last on the list withdraws: kept on the list, out of attendance and results', async () => {
    const { page } = j;
    await page.getByRole('button', { name: `Thôi học: ${order[29]}` }).click();
    await page.getByRole('button', { name: 'Thôi học', exact: true }).click();
    await page.getByText('Chưa ghi lý do').waitFor();
    await page.getByLabel('Lý do thôi học').fill('Chuyển công tác');
    await page.getByRole('button', { name: 'Thôi học', exact: true }).click();
    await page.getByText('Thôi học: Chuyển công tác').waitFor();
    await page.getByText('29/30 học viên').waitFor();
    await page.getByRole('tab', { name: 'Học viên (29)' }).waitFor();
  });

  j.step('takes attendance by keyboard only: each session filled from its header; the withdrawn learner refused', async () => {
    const { page } = j;
    await classTab(page, 'Điểm danh');
    await cell(`${order[0]}, sáng 12/02: chưa điểm danh`).click();
    for (let c = 0; c < 10; c++) {
      if (c > 0) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Space');
    }
    await allSaved(page);
    expect(await cell(/: có mặt$/).count()).toBe(290);
    expect(await cell(/: đã thôi học$/).count()).toBe(10);
    // A mark on the withdrawn learner is refused on the spot.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('c');
    await page.getByText(`${order[29]} đã thôi học: không điểm danh được.`).waitFor();
    await shot(page, '44a-attendance-withdrawn');
  });

  j.step('marks absences: two learners over the 20% limit, one excused absence within it', async () => {
    const { page } = j;
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
    await allSaved(page);
    await cell(`${order[2]}, chiều 12/02: vắng không phép`).waitFor();
    await cell(`${order[5]}, sáng 13/02: vắng không phép`).waitFor();
    await cell(`${order[6]}, sáng 12/02: vắng có phép`).waitFor();
    const over = cell(`${order[2]}: vắng 3/10 buổi, quá giới hạn`);
    expect(await over.textContent()).toBe('3/10 (30%)');
    expect(await over.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(211, 47, 47)');
    expect(await cell(`${order[6]}: vắng 1/10 buổi`).textContent()).toBe('1/10 (10%)');
    await shot(page, '44-attendance');
    const marks = (await ok(j.core, 'attendance.grid', { classId: j.seeded.id })).rows;
    expect(marks.filter((r) => r.overLimit).map((r) => r.fullName)).toEqual([order[2], order[5]]);
  });

  j.step('enters scores from the keyboard; recognising with a score missing is refused, naming who', async () => {
    const { page, core } = j;
    // The class ends (through the core: the buttons at the top of the class page do this).
    await ok(core, 'classes.setStatus', { id: j.seeded.id, status: 'running' });
    await ok(core, 'classes.setStatus', { id: j.seeded.id, status: 'finished' });
    await page.reload();
    await classTab(page, 'Kết quả');
    await page.getByText('0 đủ điều kiện · 2 không đủ · 27 chưa đủ dữ liệu').waitFor();
    const active = order.slice(0, 29);
    // Type, Enter moves to the next learner; one bad entry, one retake.
    await page.getByLabel(`Bài thu hoạch: ${order[0]}`).click();
    const scores = active.map((_, i) => (i === 7 ? '4,5' : i === 12 ? '11' : `${5 + (i % 5)}${i % 2 ? '.5' : ',0'}`));
    for (const [i, s] of scores.entries()) {
      if (i === active.length - 1) break;
      await page.keyboard.type(s);
      await page.keyboard.press('Enter');
    }
    await page.getByText('Điểm từ 0 đến 10, một chữ số thập phân').waitFor();
    await page.getByLabel(`Bài thu hoạch, đánh giá lại: ${order[7]}`).waitFor();
    await page.getByLabel('Số quyết định').fill('2');
    await typeDate(page, 'Ngày quyết định', '27/02/2026');
    await page.getByRole('button', { name: 'Công nhận kết quả' }).click();
    await page.getByText(/^Còn 2 học viên chưa đủ điểm danh hoặc điểm: /).waitFor();
    await shot(page, '45-results-errors');
  });

  j.step('completes the scores and the retake, and recognises the results', async () => {
    const { page } = j;
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
    await shot(page, '46-results-recognised');
  });

  j.step('locked results: a change asks for the reason once, and goes through with it', async () => {
    const { page, core } = j;
    await page.getByLabel(`Bài thu hoạch: ${order[0]}`).fill('5,5');
    await page.keyboard.press('Tab');
    await page.getByLabel('Lý do sửa').fill('Chấm phúc khảo');
    await shot(page, '47-locked-reason');
    await page.getByRole('button', { name: 'Ghi lý do và lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await ok(core, 'results.grid', { classId: j.seeded.id })).rows[0]?.scores[0]?.first).toBe(55);
    const results = await ok(core, 'results.grid', { classId: j.seeded.id });
    expect(results.summary).toEqual({ eligible: 27, notEligible: 2, incomplete: 0 });
    expect(results.rows[2]?.result.reasons[0]).toBe('Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)');
  });

  j.step('discipline after recognition: the note, and the reason the locked results change', async () => {
    const { page } = j;
    await classTab(page, /^Học viên/);
    await page.getByRole('checkbox', { name: `Kỷ luật: ${order[9]}` }).click();
    await page.getByLabel('Nội dung kỷ luật').fill('Khiển trách vì tự ý bỏ về giữa buổi');
    await page.getByLabel('Lý do sửa sau khi đã công nhận kết quả').fill('Chi bộ báo muộn quyết định kỷ luật');
    await shot(page, '48-discipline-locked');
    await page.getByRole('button', { name: 'Ghi nhận kỷ luật' }).click();
    await page.getByText('Khiển trách vì tự ý bỏ về giữa buổi').waitFor();
    await shot(page, '49-enrollment-after');
    await classTab(page, 'Kết quả');
    await page.getByText('26 đủ điều kiện · 3 không đủ · 0 chưa đủ dữ liệu').waitFor();
  });

  j.step('locked attendance: the first change asks why, and is saved with the reason', async () => {
    const { page } = j;
    await classTab(page, 'Điểm danh');
    await cell(`${order[6]}, sáng 12/02: vắng có phép`).click();
    await page.keyboard.press('c');
    await page.getByRole('dialog', { name: 'Sửa điểm danh sau khi đã công nhận kết quả' }).waitFor();
    await page.getByLabel('Lý do sửa').fill('Học viên có mặt, ghi nhầm');
    await page.getByRole('button', { name: 'Ghi lý do và lưu' }).click();
    await allSaved(page);
    await cell(`${order[6]}, sáng 12/02: có mặt`).waitFor();
    expect((await ok(j.core, 'attendance.grid', { classId: j.seeded.id })).rows[6]?.marks[0]).toBe('present');
  });

  j.step('prints the score sheet from the same HTML the preview shows', async () => {
    const { page } = j;
    const sheet = await printDocument(page, 'Bảng điểm', 'BẢNG ĐIỂM', path.join(j.dir, 'bang-diem.pdf'));
    await page.getByText(/^Đã lưu tệp .*\.pdf\.$/).waitFor();
    await shot(page, '4a-score-sheet-preview');
    expect(sheet.text).toContain('BẢNG ĐIỂM');
    expect(sheet.text.toLocaleLowerCase('vi')).toContain('lớp bồi dưỡng nhận thức về đảng khóa i năm 2026');
    expect(sheet.text).toContain(`${order[12]} 7,5`);
    expect(sheet.text).toContain('Vắng 3/10 buổi, quá 20% (tối đa 2 buổi)');
    shotPdf(sheet.filePath, '4b-score-sheet-pdf', { pages: [1, 1] });
  });

  j.step('prints the results decision: the recognised learners, not the three refused', async () => {
    const { page } = j;
    // Another document chosen: what was said about the score sheet's file is gone.
    await chooseDocument(page, 'Quyết định công nhận kết quả');
    expect(await page.getByText(/^Đã lưu tệp /).count()).toBe(0);
    const decision = await printDocument(page, 'Quyết định công nhận kết quả', 'QUYẾT ĐỊNH', path.join(j.dir, 'quyet-dinh-cong-nhan.pdf'));
    expect(decision.text).toContain('Số 02-QĐ/TTCT');
    expect(decision.text).toContain('Công nhận 26/29 học viên');
    expect(decision.text).toContain('DANH SÁCH HỌC VIÊN ĐƯỢC CÔNG NHẬN KẾT QUẢ HỌC TẬP');
    const final = await ok(j.core, 'results.grid', { classId: j.seeded.id });
    const refused = final.rows.filter((r) => r.result.status !== 'eligible').map((r) => r.fullName);
    expect(refused).toHaveLength(3);
    for (const name of refused) expect(decision.text).not.toContain(name);
    for (const r of final.rows.filter((x) => x.result.status === 'eligible').slice(0, 3)) expect(decision.text).toContain(r.fullName);
    shotPdf(decision.filePath, '4c-results-decision-list', { pages: [2, 2] });
  });
});
