import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrintPort, type ChromiumPrintPort } from '../../electron/browser-host/chromium-printing';
import { buildReportHtml } from '../../electron/core/documents/report';
import type { Figures, Report } from '../../shared/contract/reports';
import { pdfToolsMissing } from '../fixtures/pdf-printer';
import { CHROMIUM, SCREENSHOTS, communeBody as body } from '../fixtures/document-fixtures';

/** Figures that look like a real program's year, different per row so a misplaced cell shows. */
function figures(i: number, scale: number): Figures {
  const enrollments = 40 * scale + i;
  const completed = enrollments - 2;
  const graded: Record<string, number> =
    i % 5 === 4 ? {} : { 'Xuất sắc': 2 + (i % 3), Giỏi: 10, Khá: completed - 2 - (i % 3) - 10 - 5, 'Trung bình': 5 };
  return {
    planned: 2 * scale,
    opened: 2 * scale - (i % 2),
    planPercent: null,
    enrollments,
    people: enrollments - 1,
    completed,
    certified: completed - 1,
    women: 20 * scale,
    minority: 5 + i,
    party: { chinh_thuc: 10, du_bi: 5, quan_chung: enrollments - 16, unknown: 1 },
    ages: [10, 10, 10, enrollments - 31, 1],
    classifications: graded,
  };
}

/** A ten-year centre's report with forty communes and forty base organisations. */
function bigReport(): Report {
  const programs = Array.from({ length: 7 }, (_, i) => ({
    programId: i + 1,
    code: `P${i + 1}`,
    name:
      i === 0
        ? 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng'
        : `Chương trình bồi dưỡng số ${i + 1} về công tác Đảng ở cơ sở`,
    current: figures(i, 3),
    previous: figures(i, 2),
  }));
  const total = (pick: 'current' | 'previous'): Figures => {
    const t = figures(0, 0);
    for (const k of ['planned', 'opened', 'enrollments', 'people', 'completed', 'certified', 'women', 'minority'] as const)
      t[k] = programs.reduce((s, p) => s + p[pick][k], 0);
    for (const k of ['chinh_thuc', 'du_bi', 'quan_chung', 'unknown'] as const)
      t.party[k] = programs.reduce((s, p) => s + p[pick].party[k], 0);
    t.ages = t.ages.map((_, i) => programs.reduce((s, p) => s + p[pick].ages[i]!, 0));
    t.classifications = {};
    for (const p of programs)
      for (const [l, v] of Object.entries(p[pick].classifications)) t.classifications[l] = (t.classifications[l] ?? 0) + v;
    return t;
  };
  const places = (prefix: string) =>
    Array.from({ length: 40 }, (_, i) => ({
      code: null,
      unitId: i + 1,
      name: `${prefix} số ${i + 1}`,
      current: 100 - i,
      previous: 90 - i,
      byProgram: Object.fromEntries(programs.map((p) => [String(p.programId), 10 + i])),
    }));
  return {
    period: { label: 'Năm 2026', from: '2026-01-01', to: '2026-12-31' },
    previous: { label: 'Năm 2025', from: '2025-01-01', to: '2025-12-31' },
    ageBands: ['Dưới 30', '30–39', '40–49', 'Từ 50 trở lên', 'Không rõ tuổi'],
    classificationLabels: ['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình'],
    programs,
    total: { current: total('current'), previous: total('previous') },
    communes: places('Xã'),
    baseOrgs: places('Đảng bộ cơ sở'),
    lecturers: Array.from({ length: 12 }, (_, i) => ({
      lecturerId: i + 1,
      name: `Giảng viên ${i + 1}`,
      kind: 'chuyen_trach',
      periods: 80 + i,
      previousPeriods: 70,
      norm: 90,
      percent: 90,
    })),
    years: [
      {
        year: 2026,
        programs: programs.map((p) => ({ programId: p.programId, classes: p.current.opened, enrollments: p.current.enrollments })),
      },
    ],
    closedYears: [],
    pendingClasses: 2,
    amendments: [],
  };
}

const missing = pdfToolsMissing('report-pdf');

describe.skipIf(missing)('the yearly report as PDF (Chromium, read back with poppler)', () => {
  let port: ChromiumPrintPort;
  let dir: string;
  let pages: string[] = [];

  beforeAll(async () => {
    port = createChromiumPrintPort({ executablePath: CHROMIUM });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-report-pdf-'));
    const html = buildReportHtml({ body, date: '2027-01-15', report: bigReport() });
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, await port.toPdf(html));
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const count = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    pages = text.split('\f').slice(0, count);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const old of fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith('doc-report-'))) fs.rmSync(path.join(SCREENSHOTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENSHOTS, 'doc-report')]);
  }, 90_000);

  afterAll(async () => {
    await port?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const flat = (s: string) => s.replace(/\s+/g, ' ');

  it('fills its pages: forty communes and forty base organisations take a few pages, many rows on each', () => {
    // Header and overview, charts, seven programs in three tables, two tables of 40 rows, lecturers, signature.
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(11);
    const communeRows = pages.map((p) => (p.match(/^Xã số \d+ /gm) ?? []).length).filter((n) => n > 0);
    expect(communeRows.reduce((a, b) => a + b, 0)).toBe(40);
    // Every page that holds part of the table holds many of its rows, never one and the total.
    for (const n of communeRows.slice(0, -1)) expect(n).toBeGreaterThan(10);
  });

  it('repeats the table header on each page a table runs onto', () => {
    const withOrgs = pages.filter((p) => /^Đảng bộ cơ sở số \d+ /m.test(p));
    expect(withOrgs.length).toBeGreaterThanOrEqual(1);
    for (const p of withOrgs) expect(flat(p)).toContain('Tổ chức cơ sở đảng');
    const withCommunes = pages.filter((p) => /^Xã số \d+ /m.test(p));
    for (const p of withCommunes) expect(flat(p)).toContain('Xã, phường');
  });

  it('gives each breakdown a count and a share, names programs not codes, and states the base of the classification', () => {
    const all = flat(pages.join(' '));
    // KND-like program, 2026: 120 enrolments, 60 women = 50,0%; 5 from ethnic minorities = 4,2%.
    expect(all).toContain('60 (50,0%)');
    expect(all).toContain('5 (4,2%)');
    expect(all).not.toMatch(/\bP[1-7]\b/);
    expect(all).toContain('Đối tượng kết nạp Đảng');
    expect(all).toMatch(/Tỉ lệ xếp loại tính trên [\d.]+ lượt học viên hoàn thành của các chương trình có xếp loại; không tính 122 lượt/);
    expect(all).toContain('Lượt học viên: mỗi người tính một lần cho mỗi lớp đã học');
    expect(all).toContain('Chưa tính 2 lớp dự kiến');
    expect(flat(pages.at(-1)!)).toContain('Nguyễn Văn Thành');
  });
});
