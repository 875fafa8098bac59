import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTimetableHtml, type TimetableDoc } from '../../electron/core/documents/class-timetable';
import { fontFaceCss, TINOS_FILES } from '../../electron/core/documents/fonts';
import {
  buildOpeningDecisionHtml,
  classPhrase,
  type DecisionLearner,
  type OpeningDecisionDoc,
} from '../../electron/core/documents/opening-decision';
import { escapeHtml, superiorInText, type IssuingBody } from '../../electron/core/documents/party-document';
import { pdfPrinter, pdfToolsMissing, type PrintedPdf } from '../fixtures/pdf-printer';
import { FAMILY, GIVEN as CLASS_GIVEN, MIDDLE_F, MIDDLE_M, POSITIONS, TOPICS as CLASS_TOPICS, UNITS } from './class-documents-fixtures';
import { TRICKY, communeBody } from '../fixtures/document-fixtures';

const root = path.resolve(__dirname, '../..');

const districtBody: IssuingBody = {
  superior: 'HUYỆN ỦY ĐẮK HÀ',
  centreName: 'Trung tâm Bồi dưỡng chính trị',
  docCode: 'TTCT',
  placeName: 'Đắk Hà',
  directorName: 'Trần Quốc Hưng',
  directorTitle: 'Giám đốc',
};
const deputySigns: IssuingBody = { ...communeBody, signerName: 'Y Moan Niê', signerTitle: 'Phó giám đốc' };

/** The list tests' names, with fewer given names, so the names here come out as the pictures show them. */
const GIVEN = CLASS_GIVEN.slice(0, 12);

function learners(n: number): DecisionLearner[] {
  const list: DecisionLearner[] = [
    { fullName: 'A Thút', sex: 'nam', birthDate: '1999-02-14', unitName: 'Chi bộ làng Kon Klốc', position: 'Phó trưởng thôn' },
    { fullName: "Rơ Châm H'Luyến", sex: 'nu', birthDate: '2001-11-03', unitName: 'Chi bộ thôn Đắk Mút', position: 'Đoàn viên' },
    { fullName: TRICKY, sex: null, birthDate: '1990-05', unitName: null, position: 'Công chức' },
  ];
  for (let i = list.length; i < n; i++) {
    const female = i % 2 === 0;
    list.push({
      fullName: `${FAMILY[i % FAMILY.length]} ${female ? MIDDLE_F[i % 4] : MIDDLE_M[i % 4]} ${GIVEN[i % GIVEN.length]}`,
      sex: female ? 'nu' : 'nam',
      birthDate: `${1985 + (i % 15)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      unitName: UNITS[i % UNITS.length]!,
      position: POSITIONS[i % POSITIONS.length]!,
    });
  }
  return list;
}

const TOPICS = [...CLASS_TOPICS, 'Lịch sử Đảng bộ xã Đắk Hà'];

/** A new-member class from Monday 19/01/2026 to Sunday 25/01/2026 (some centres teach on weekends). */
const timetable: TimetableDoc = {
  body: deputySigns,
  date: '2026-01-15',
  className: 'Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới khóa I năm 2026',
  programName: 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới',
  startDate: '2026-01-19',
  endDate: '2026-01-25',
  venueName: 'Hội trường Trung tâm Chính trị',
  sessions: [
    ...['2026-01-19', '2026-01-20', '2026-01-21', '2026-01-22', '2026-01-23'].flatMap((date, d) =>
      (['sang', 'chieu'] as const).map((half, h) => ({
        date,
        half,
        title: TOPICS[d * 2 + h]!,
        lecturerName: ['Nguyễn Văn Thành', 'Y Moan Niê', TRICKY, 'Phạm Thị Thu Hà'][(d + h) % 4]!,
        venueName: d === 2 && h === 1 ? 'Hội trường UBND xã Đắk Hà' : null,
      })),
    ),
    { date: '2026-01-25', half: 'sang', title: TOPICS[10]!, lecturerName: null, venueName: null },
  ],
};

const decision: OpeningDecisionDoc = {
  body: communeBody,
  number: '12-QĐ/TTCT',
  date: '2026-09-05',
  className: 'Lớp bồi dưỡng nhận thức về Đảng khóa II năm 2026',
  programName: 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng',
  startDate: '2026-09-08',
  endDate: '2026-09-12',
  venueName: 'Hội trường Trung tâm Chính trị',
  homeroomName: 'Phạm Thị Thu Hà',
  learners: learners(40),
};

/** A 2014 class keeps the district-era header it was issued under; no list was attached. */
const oldDecision: OpeningDecisionDoc = {
  body: districtBody,
  number: '03-QĐ/TTCT',
  date: '2014-02-17',
  className: 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2014',
  programName: 'Bồi dưỡng nhận thức về Đảng',
  startDate: '2014-02-24',
  endDate: '2014-02-28',
  venueName: null,
  homeroomName: null,
  learners: [],
};

function time<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('document HTML', () => {
  const built = time(() => ({
    timetable: buildTimetableHtml(timetable),
    decision: buildOpeningDecisionHtml(decision),
    oldDecision: buildOpeningDecisionHtml(oldDecision),
  }));
  const docs = built.value;

  it('is self-contained and inert: no script, nothing fetched, a strict CSP', () => {
    console.info(`[documents] 3 documents built as HTML in ${built.ms.toFixed(0)} ms (fonts read once)`);
    for (const html of Object.values(docs)) {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:/i);
      expect(html).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
      );
      expect(html).toContain('@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }');
      const sources = [...html.matchAll(/src:url\(([^)]*)\)/g)].map((m) => m[1]!);
      expect(sources).toHaveLength(8);
      for (const s of sources) expect(s.startsWith('data:font/woff2;base64,')).toBe(true);
    }
  });

  it('escapes what the clerk typed', () => {
    expect(escapeHtml(`<b>&"'`)).toBe('&lt;b&gt;&amp;&quot;&#39;');
    expect(docs.decision).toContain('Lê Văn &lt;b&gt;&amp; Tú');
    expect(docs.timetable).toContain('Lê Văn &lt;b&gt;&amp; Tú');
    expect(docs.decision).not.toContain(TRICKY);
    expect(docs.decision).toContain('Rơ Châm H&#39;Luyến');
  });

  it.each([
    ['ĐẢNG ỦY XÃ ĐẮK HÀ', 'Đảng ủy xã Đắk Hà'],
    ['HUYỆN ỦY ĐẮK HÀ', 'Huyện ủy Đắk Hà'],
    ['ĐẢNG ỦY PHƯỜNG KON TUM', 'Đảng ủy phường Kon Tum'],
    ['BAN THƯỜNG VỤ HUYỆN UỶ SA THẦY', 'Ban Thường vụ Huyện uỷ Sa Thầy'],
    ['THƯỜNG TRỰC ĐẢNG ỦY XÃ ĐẮK HÀ', 'Thường trực Đảng ủy xã Đắk Hà'],
    ['Đảng ủy xã Ia H’Drai', 'Đảng ủy xã Ia H’Drai'],
  ])('writes the superior «%s» in a sentence as «%s»', (heading, sentence) => {
    expect(superiorInText(heading)).toBe(sentence);
  });

  it('writes the class as a phrase', () => {
    expect(classPhrase('Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026')).toBe('lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026');
    expect(classPhrase('Khóa 62')).toBe('lớp Khóa 62');
  });

  it('reads the same fonts from resources/fonts (packaged app) as from @fontsource/tinos (development)', () => {
    const fromPackage = path.join(path.dirname(require.resolve('@fontsource/tinos/package.json')), 'files');
    for (const f of TINOS_FILES) {
      expect(fs.readFileSync(path.join(root, 'resources/fonts', f)).equals(fs.readFileSync(path.join(fromPackage, f)))).toBe(true);
    }
    expect(fontFaceCss({ fontsDir: path.join(root, 'resources/fonts') })).toBe(fontFaceCss());
    expect(fontFaceCss()).toContain('unicode-range:U+0102-0103,U+0110-0111');
  });
});

describe.skipIf(pdfToolsMissing('documents'))('documents as PDF (Chromium, read back with poppler)', () => {
  const printer = pdfPrinter('documents', 'ttct-docs-', 'layout');
  const pdfs = new Map<string, PrintedPdf>();

  beforeAll(async () => {
    const jobs: [string, string][] = [
      ['timetable', buildTimetableHtml(timetable)],
      ['decision', buildOpeningDecisionHtml(decision)],
      ['old-decision', buildOpeningDecisionHtml(oldDecision)],
    ];
    for (const [name, html] of jobs) pdfs.set(name, await printer.print(name, html));
    const png = (name: string, page: number, out: string) => printer.screenshot(pdfs.get(name)!, page, out, 80);
    png('timetable', 1, 'doc-timetable');
    png('decision', 1, 'doc-opening-decision');
    png('decision', 2, 'doc-opening-decision-list');
    png('old-decision', 1, 'doc-opening-decision-district');
  }, 60_000);

  /** pdftotext -layout pads columns and wraps lines: phrases are checked on the text with single spaces. */
  function flat(name: string): string {
    return pdfs.get(name)!.text.replace(/\s+/g, ' ');
  }

  it('comes out in Tinos, precomposed (NFC) and copyable', () => {
    for (const name of pdfs.keys()) {
      const fonts = execFileSync('pdffonts', [pdfs.get(name)!.file], { encoding: 'utf8' });
      expect(fonts).toMatch(/Tinos/);
      expect(fonts).not.toMatch(/DejaVu|Liberation|Noto/);
      const text = pdfs.get(name)!.text;
      expect(text).toBe(text.normalize('NFC'));
    }
  });

  it('the timetable: Party header without a number, days by name, the deputy signing', () => {
    const t = flat('timetable');
    // Five full days and a Sunday morning: the table runs onto a second sheet, its header repeated.
    const { pageCount: pages, text } = pdfs.get('timetable')!;
    expect(pages).toBe(2);
    expect(text.split('\f')[1]).toMatch(/Ngày\s+Buổi\s+Nội dung\s+Giảng viên\s+Địa điểm/);
    expect(t).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(t).toContain('ĐẢNG ỦY XÃ ĐẮK HÀ');
    expect(t).toContain('TRUNG TÂM CHÍNH TRỊ');
    expect(t).toContain('Đắk Hà, ngày 15 tháng 01 năm 2026');
    expect(t).not.toMatch(/Số \d/);
    expect(t).toContain('LỊCH HỌC');
    expect(t).toContain('(Từ ngày 19/01/2026 đến ngày 25/01/2026)');
    expect(t).toContain('Thứ Hai');
    expect(t).toContain('Thứ Sáu');
    expect(t).toContain('Chủ nhật');
    expect(t).toContain('25/01/2026');
    expect(t).toContain('UBND xã Đắk');
    expect(t).toContain(TRICKY);
    expect(t).toContain('KT. GIÁM ĐỐC');
    expect(t).toContain('PHÓ GIÁM ĐỐC');
    expect(t).toContain('Y Moan Niê');
    expect(t).toMatch(/Nơi nhận:/);
    expect(t).toContain('- Lưu VP.');
  });

  it('the opening decision: number, date line, decision, articles, then the list on its own pages', () => {
    const d = flat('decision');
    const { pageCount: pages, text } = pdfs.get('decision')!;
    expect(pages).toBe(3);
    expect(d).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(d).toContain('Đắk Hà, ngày 05 tháng 9 năm 2026');
    expect(d).toContain('Số 12-QĐ/TTCT');
    expect(d).toContain('QUYẾT ĐỊNH');
    expect(d).toContain('về việc mở lớp bồi dưỡng nhận thức về Đảng khóa II năm 2026');
    expect(d).toContain('GIÁM ĐỐC TRUNG TÂM CHÍNH TRỊ');
    expect(d).toContain('QUYẾT ĐỊNH:');
    expect(d).toContain('Điều 1.');
    expect(d).toContain('cho 40 học viên');
    expect(d).toContain('- Đảng ủy xã Đắk Hà (b/c),');
    expect(d).toContain('Nguyễn Văn Thành');
    expect(d).toContain('DANH SÁCH HỌC VIÊN');
    expect(d).toContain('(Kèm theo Quyết định số 12-QĐ/TTCT ngày 05/09/2026 của Trung tâm Chính trị)');
    for (const l of decision.learners) expect(d).toContain(l.fullName);
    // The list starts on page 2 (form feed between pages) and its header repeats on page 3.
    const byPage = text.split('\f');
    expect(byPage[0]).not.toContain('DANH SÁCH HỌC VIÊN');
    expect(byPage[1]).toContain('DANH SÁCH HỌC VIÊN');
    expect(byPage[2]).toMatch(/Họ và tên/);
    expect(byPage[1]!.replace(/\s+/g, ' ')).toMatch(/A Thút 14\/02\/1999/);
    // Page numbers from page 2, at the top.
    expect(byPage[1]!.trim().split('\n')[0]!.trim()).toBe('2');
  });

  it('a district-era decision keeps its header and has no list', () => {
    const d = flat('old-decision');
    expect(pdfs.get('old-decision')!.pageCount).toBe(1);
    expect(d).toContain('HUYỆN ỦY ĐẮK HÀ');
    expect(d).toContain('TRUNG TÂM BỒI DƯỠNG CHÍNH TRỊ');
    expect(d).toContain('Số 03-QĐ/TTCT');
    expect(d).toContain('Đắk Hà, ngày 17 tháng 02 năm 2014');
    expect(d).toContain('- Huyện ủy Đắk Hà (b/c),');
    expect(d).not.toContain('DANH SÁCH');
    expect(d).not.toContain('kèm theo');
  });
});
