import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { todayInVietnam } from '../../../shared/domain/dates';
import { seriousAccessibilityProblems } from '../fixtures';
import { shot } from './shots';

/** Opens a screen from the navigation on the left, by its link's name. */
export async function openFromNav(page: Page, link: string): Promise<void> {
  await page.getByRole('link', { name: link }).click();
}

/** The office PC's screen: nothing may need a sideways scroll of the whole page. */
export async function fitsWidth(page: Page, width = 1366): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/**
 * What a screen is checked for once it shows what it should: it fits the office screen and axe finds nothing serious.
 * Pictured in between as screenshots/<name>.png for the guide.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  await shot(page, name);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
}

/** Year pickers open on the current year: steps back or forth to `year` (from `from`, the year shown). */
export async function gotoYear(page: Page, year: number, from = Number(todayInVietnam().slice(0, 4))): Promise<void> {
  const name = year < from ? 'Năm trước' : 'Năm sau';
  for (let i = 0; i < Math.abs(year - from); i++) await page.getByRole('button', { name }).click();
}

/** The «Cả buổi …» grid and the score sheet save as the clerk types: wait until the last batch is in the database. */
export async function allSaved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Đã lưu mọi thay đổi' }).waitFor();
}

/** The waiting document title: the centre's name heads it once the profile is read. */
export async function titleStartsWith(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction((p) => document.title.startsWith(p), prefix);
}

/** `expect.poll` with the patience of a Playwright wait (30 s, not vitest's 1 s): for values the page reaches in time. */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 });
}
