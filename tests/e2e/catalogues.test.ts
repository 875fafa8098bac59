import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInVietnam } from '../../shared/domain/dates';
import { ok, saveCentreProfile } from './fixtures';
import { eventually, gotoYear, openFromNav } from './pages/app';
import { journey } from './pages/journey';
import { kndProgram, saveTimetable } from './pages/seed';
import { shot } from './pages/shots';

/** Long pages: the fixed bar and menu are drawn where the window is scrolled, so shoot from the top. */
async function shootFromTop(page: Page, name: string): Promise<void> {
  await shot(page, name, { prepare: () => page.evaluate(() => window.scrollTo(0, 0)) });
}

const CLASS_1 = 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026';
const CLASS_2 = 'Lớp bồi dưỡng nhận thức về Đảng khóa II năm 2026';

describe('catalogues: lecturers, venues, hours, holidays and the teaching calendar — as a clerk', () => {
  const j = journey({
    viewport: { width: 1366, height: 860 },
    locale: 'vi-VN',
    seed: async (core) => {
      await saveCentreProfile(core);
      const reporter = await ok(core, 'lecturers.save', {
        familyAndMiddle: 'Phạm Thị',
        given: 'Hoa',
        kind: 'bao_cao_vien',
        role: 'khac',
        unit: 'Ban Tuyên giáo và Dân vận Đảng ủy xã',
        position: 'Phó Trưởng ban',
        phone: '',
        normHours: null,
        lecturingHours: null,
      });
      await ok(core, 'lecturers.save', {
        familyAndMiddle: 'Lê Thị',
        given: 'Năm',
        kind: 'kiem_nhiem',
        role: 'giang_vien',
        unit: 'Trường THCS Đắk Hà',
        position: '',
        phone: '',
        normHours: null,
        lecturingHours: null,
      });
      const room = await ok(core, 'venues.save', { name: 'Phòng học số 2', address: 'Thôn 3', communeCode: null, capacity: 40 });
      return { reporter, room };
    },
    open: '#/lecturers',
  });
  const week = () => j.page.getByRole('table', { name: 'Lịch giảng dạy trong tuần' });
  let class1 = 0;

  j.step('adds a lecturer: choosing the role fills the norms', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Thêm giảng viên' }).click();
    await page.locator('input[name="familyAndMiddle"]').fill('Trần Văn');
    await page.locator('input[name="given"]').fill('Ba');
    await page.getByRole('combobox', { name: 'Chức danh' }).click();
    await page.getByRole('option', { name: 'Giảng viên', exact: true }).click();
    expect(await page.locator('input[name="normHours"]').inputValue()).toBe('120');
    expect(await page.locator('input[name="lecturingHours"]').inputValue()).toBe('90');
    await page.locator('input[name="unit"]').fill('Trung tâm Chính trị xã Đắk Hà');
    await page.locator('input[name="position"]').fill('Giảng viên chính');
    await page.locator('input[name="phone"]').fill('0912 345 678');
    await shot(page, '30-lecturer-dialog');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('cell', { name: '120 (giảng 90)' }).waitFor();
  });

  j.step('stopping someone asks first; the switch brings them back into view', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Ngừng giảng dạy: Lê Thị Năm' }).click();
    await page.getByRole('dialog', { name: 'Ngừng giảng dạy?' }).getByRole('button', { name: 'Ngừng giảng dạy' }).click();
    await page.getByRole('cell', { name: /Lê Thị Năm/ }).waitFor({ state: 'detached' });
    await page.getByLabel('Hiện cả người đã ngừng giảng dạy').check();
    await page.getByText('Đã ngừng giảng dạy', { exact: true }).waitFor();
    await shot(page, '31-lecturers');
  });

  j.step('adds a venue: the commune named comes first; a capacity that is not a number is caught at the field', async () => {
    const { page } = j;
    await page.getByRole('tab', { name: 'Địa điểm' }).click();
    await page.getByRole('button', { name: 'Thêm địa điểm' }).click();
    await page.locator('input[name="name"]').fill('Hội trường trung tâm');
    await page.locator('input[name="address"]').fill('Thôn 3, xã Đắk Hà');
    await page.getByLabel('Xã, phường (danh mục 2025)').fill('dak ha');
    // Issue 14: the commune named comes first, not "Xã Sơn Thành, Đắk Lắk" (d-a-k … t-h-a-n-h).
    await page.getByRole('option', { name: /^Xã Đăk Hà,/ }).waitFor();
    expect(await page.getByRole('option').first().textContent()).toMatch(/^Xã Đăk Hà,/);
    await page.getByRole('option').first().click();
    await page.locator('input[name="capacity"]').fill('tám mươi');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Sức chứa phải từ 1 đến 5.000 người').waitFor();
    expect(await page.locator('input[name="capacity"]').getAttribute('aria-invalid')).toBe('true');
    await shot(page, '32-venue-errors');
    await page.locator('input[name="capacity"]').fill('80');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('cell', { name: 'Hội trường trung tâm', exact: true }).waitFor();
    await page.getByRole('cell', { name: '80 người' }).waitFor();
    await shot(page, '33-venues');
  });

  j.step('hours in 2026 of two timetabled classes: ten sessions of four periods each', async () => {
    const { page, core } = j;
    // Two classes with timetables, set up behind the scenes as the class pages would.
    const lecturer = (await ok(core, 'lecturers.list', { includeArchived: false })).find((l) => l.fullName === 'Trần Văn Ba')!;
    const hall = (await ok(core, 'venues.list', { includeArchived: false })).find((v) => v.name === 'Hội trường trung tâm')!;
    expect(hall.communeName).toBe('Xã Đăk Hà');
    const knd = await kndProgram(core);
    const timetabled = async (c: { cohort: number; name: string; start: string; venueId: number; lecturerId: number }) => {
      const saved = await ok(core, 'classes.save', {
        programId: knd.id,
        planLineId: null,
        cohortNumber: c.cohort,
        cohortNumbering: 'per_year',
        name: c.name,
        startDate: c.start,
        endDate: '2026-03-31',
        venueId: c.venueId,
        form: 'full_time',
        homeroomLecturerId: c.lecturerId,
        capacity: 80,
        sites: [],
        openingDecisionNumber: null,
        openingDecisionDate: null,
      });
      await saveTimetable(core, saved.id, c.start);
      return saved.id;
    };
    class1 = await timetabled({ cohort: 1, name: CLASS_1, start: '2026-03-02', venueId: hall.id, lecturerId: lecturer.id });
    await timetabled({ cohort: 2, name: CLASS_2, start: '2026-03-04', venueId: j.seeded.room.id, lecturerId: j.seeded.reporter.id });

    await page.getByRole('tab', { name: 'Giờ giảng' }).click();
    await gotoYear(page, 2026);
    const ba = page.getByRole('table', { name: 'Giờ giảng năm 2026' }).getByRole('row', { name: /Trần Văn Ba/ });
    await ba.waitFor();
    expect(await ba.getByRole('cell').allInnerTexts()).toEqual(['Trần Văn Ba', 'Chuyên trách', '1', '10', '40', '120 (giảng 90)', '33,3%']);
    const external = page.getByRole('table', { name: 'Giảng viên kiêm nhiệm và báo cáo viên năm 2026' });
    expect(
      await external
        .getByRole('row', { name: /Phạm Thị Hoa/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['Phạm Thị Hoa', 'Báo cáo viên', 'Ban Tuyên giáo và Dân vận Đảng ủy xã', '1', '10', '40']);
    await external.getByRole('row', { name: /Cộng/ }).waitFor();
    await shot(page, '34-hours');
  });

  j.step('holidays 2026: the lunar dates beside Tết and Giỗ Tổ, the day given back, Vietnamese date picker', async () => {
    const { page } = j;
    await openFromNav(page, 'Ngày nghỉ lễ');
    await gotoYear(page, 2026);
    await page.getByRole('table', { name: 'Ngày nghỉ theo Bộ luật Lao động năm 2026' }).getByText('(10/3 âm lịch)').waitFor();
    // Giỗ Tổ on Sunday 26/04/2026: Monday 27/04 is given back (nghỉ bù, Labour Code art. 112(3)).
    await page
      .getByRole('table', { name: 'Các ngày nghỉ thực tế năm 2026' })
      .getByRole('row', { name: /27\/04\/2026.*Nghỉ bù Giỗ Tổ Hùng Vương/ })
      .waitFor();
    // The date picker heads its columns the Vietnamese way.
    await page
      .getByRole('button', { name: /Choose date|Chọn ngày/ })
      .first()
      .click();
    await eventually(() => page.getByRole('dialog').getByRole('columnheader').allInnerTexts()).toEqual([
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'CN',
    ]);
    await page.keyboard.press('Escape');
  });

  j.step('adds an announced day off by its lunar date', async () => {
    const { page } = j;
    await page.getByLabel('Theo âm lịch').check();
    await page.locator('input[name="lunarDay"]').fill('5');
    await page.getByText('→ Thứ Bảy, 21/02/2026').waitFor();
    await page.locator('input[name="name"]').fill('Nghỉ Tết theo thông báo của Chính phủ');
    await page.getByRole('button', { name: 'Thêm vào bảng' }).click();
    await page.getByText('Đã thêm ngày Thứ Bảy, 21/02/2026.').waitFor();
    await page
      .getByRole('table', { name: 'Các ngày nghỉ thực tế năm 2026' })
      .getByRole('row', { name: /21\/02\/2026.*Nghỉ Tết theo thông báo của Chính phủ/ })
      .waitFor();
    await page.getByRole('table', { name: 'Điều chỉnh năm 2026' }).getByRole('button', { name: 'Xóa ngày 21/02/2026' }).waitFor();
    await shootFromTop(page, '35-holidays');
  });

  j.step('lunar 2025 has a short twelfth month: the core’s answer lands at the day field', async () => {
    const { page } = j;
    await gotoYear(page, 2025, 2026);
    await page.getByRole('table', { name: 'Ngày nghỉ theo Bộ luật Lao động năm 2025' }).waitFor();
    await page.getByLabel('Theo âm lịch').check();
    await page.locator('input[name="lunarDay"]').fill('30');
    await page.getByRole('combobox', { name: /^Tháng/ }).click();
    await page.getByRole('option', { name: 'Tháng Chạp' }).click();
    await page.getByRole('button', { name: 'Thêm vào bảng' }).click();
    await page.getByText('Không có ngày 30 tháng Chạp năm 2025 âm lịch', { exact: true }).waitFor();
    expect(await page.locator('input[name="lunarDay"]').getAttribute('aria-invalid')).toBe('true');
    await shootFromTop(page, '36-holidays-missing-lunar-day');
  });

  j.step('the calendar: the week of 2 March 2026 holds both classes', async () => {
    const { page } = j;
    await openFromNav(page, 'Lịch giảng dạy');
    await page.getByRole('heading', { name: /^Tuần từ / }).waitFor();
    await page.goto(`${j.host.url}#/calendar?date=2026-03-04`);
    await page.getByRole('heading', { name: 'Tuần từ 02/03/2026 đến 08/03/2026' }).waitFor();
    await week()
      .getByRole('button', { name: new RegExp(CLASS_2) })
      .first()
      .waitFor();
    expect(
      await week()
        .getByRole('button', { name: new RegExp(CLASS_1) })
        .count(),
    ).toBe(10);
    expect(
      await week()
        .getByRole('button', { name: new RegExp(CLASS_2) })
        .count(),
    ).toBe(6);
    await week().getByText('Khái quát lịch sử Đảng Cộng sản Việt Nam').first().waitFor();
    await page.getByText('16 buổi học', { exact: true }).waitFor();
    await shootFromTop(page, '37-calendar-week');
  });

  j.step('one lecturer’s own schedule', async () => {
    const { page } = j;
    await page.getByLabel('Xem lịch của').click();
    await page.getByRole('option', { name: 'Phạm Thị Hoa' }).click();
    await page.getByText('6 buổi học', { exact: true }).waitFor();
    expect(
      await week()
        .getByRole('button', { name: new RegExp(CLASS_1) })
        .count(),
    ).toBe(0);
    await page.getByLabel('Xem lịch của').click();
    await page.getByRole('option', { name: 'Toàn trung tâm' }).click();
    await page.getByText('16 buổi học', { exact: true }).waitFor();
  });

  j.step('the month; February 2026 with Tết and the announced day shaded and named', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Tháng', exact: true }).click();
    await page.getByRole('heading', { name: 'Tháng 3 năm 2026' }).waitFor();
    await page.getByText('+1 buổi nữa').first().waitFor();
    await page.getByText('20 buổi học', { exact: true }).waitFor();
    await shootFromTop(page, '38-calendar-month');
    await page.getByRole('button', { name: 'Tháng trước' }).click();
    await page.getByRole('heading', { name: 'Tháng 2 năm 2026' }).waitFor();
    await page.getByText('Nghỉ Tết theo thông báo của Chính phủ').waitFor();
    expect(await page.getByRole('table', { name: 'Lịch giảng dạy trong tháng' }).getByText('Tết Nguyên đán').count()).toBe(5);
    await shootFromTop(page, '39-calendar-tet');
  });

  j.step('«Hôm nay» brings back the current week, with today marked', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Tuần', exact: true }).click();
    await page.getByRole('button', { name: 'Hôm nay' }).click();
    await page
      .getByRole('columnheader', { name: new RegExp(`${todayInVietnam().slice(8, 10)}/${todayInVietnam().slice(5, 7)}`) })
      .waitFor();
    expect(await page.locator('[aria-current="date"]').count()).toBe(1);
  });

  j.step('a session opens its class', async () => {
    const { page } = j;
    await page.goto(`${j.host.url}#/calendar?view=month&date=2026-03-01`);
    await page
      .getByRole('button', { name: new RegExp(`^Sáng: ${CLASS_1}`) })
      .first()
      .click();
    await page.waitForURL(new RegExp(`#/classes/${class1}$`));
  });
});
