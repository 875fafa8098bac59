import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { saveCentre } from '../fixtures/builders';
import { person } from './certificate-class-fixture';
import { invoke, ok } from './helpers';
import { coreForFile, expectText, missingPdfTools, pdfText } from './printing-core';

/**
 * «Giấy xác nhận quá trình học tập»: one person's classes over two years — a graded class with its
 * certificate, an ungraded one completed, one they withdrew from — read back from the PDF as the
 * person's employer would read it; and the two refusals (nothing to certify, a merged-away record).
 */

const KND = 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026';
const NQ = 'Lớp học tập Nghị quyết Đại hội Đảng bộ xã năm 2025';
const CNKT = 'Lớp cập nhật kiến thức cán bộ Mặt trận khóa II năm 2026';

const missing = missingPdfTools('learning-record');

let core: AppCore;
let anId = 0;

/** A one-day class of the program, opened by decision `opening`, every session attended by everyone enrolled. */
async function heldClass(
  c: AppCore,
  code: string,
  name: string,
  start: string,
  form: 'full_time' | 'online',
  personIds: number[],
  opening: [number, string],
) {
  const program = (await ok(c, 'programs.list', { includeArchived: false })).find((p) => p.code === code)!;
  const venues = await ok(c, 'venues.list', { includeArchived: false });
  const hall = venues[0] ?? (await ok(c, 'venues.save', { name: 'Hội trường', address: '', communeCode: null, capacity: 80 }));
  const cls = await ok(c, 'classes.save', {
    programId: program.id,
    planLineId: null,
    cohortNumber: 1,
    cohortNumbering: 'per_year',
    name,
    startDate: start,
    endDate: start,
    venueId: hall.id,
    form,
    homeroomLecturerId: null,
    capacity: 80,
    sites: form === 'online' ? [{ place: 'Hội trường UBND xã Đắk Hà', contact: '' }] : [],
    openingDecisionNumber: opening[0],
    openingDecisionDate: opening[1],
  });
  // One day, typed by hand: NQ and CNKT have no topics in the catalogue to generate from.
  const sessions = (['sang', 'chieu'] as const).map((half) => ({
    date: start,
    half,
    topicId: null,
    title: 'Chuyên đề',
    lecturerId: null,
    venueId: hall.id,
    periods: 4,
  }));
  await ok(c, 'timetable.save', { classId: cls.id, sessions, adjustClassDates: false });
  const list = await ok(c, 'enrollments.add', { classId: cls.id, personIds });
  const grid = await ok(c, 'attendance.grid', { classId: cls.id });
  await ok(c, 'attendance.set', {
    classId: cls.id,
    changes: list.enrollments.flatMap((e) => grid.sessions.map((s) => ({ enrollmentId: e.id, sessionId: s.id, mark: 'present' as const }))),
  });
  return { cls, list };
}

async function scenario(c: AppCore) {
  await saveCentre(c, { validFrom: '2025-01-01', director: { name: 'Nguyễn Văn Thành', title: 'Giám đốc' } });
  const unit = await ok(c, 'units.save', { name: 'Chi bộ thôn 3', kind: 'cell', parentId: null, communeCode: null });
  const an = await person(c, 'Trần Văn An', {
    sex: 'nam',
    birthDate: '1990-05-12',
    unitId: unit.id,
    workplace: 'UBND xã Đắk Hà',
    position: 'Công chức văn hóa',
  });
  const bao = await person(c, 'Lê Văn Bảo');

  // 2025: the resolution study, no scores — completed by attendance alone.
  const nq = await heldClass(c, 'NQ', NQ, '2025-09-15', 'online', [an.id], [15, '2025-09-01']);
  await ok(c, 'classes.setStatus', { id: nq.cls.id, status: 'running' });
  await ok(c, 'classes.setStatus', { id: nq.cls.id, status: 'finished' });
  await ok(c, 'results.recognise', { classId: nq.cls.id, decisionNumber: 21, decisionDate: '2025-09-20' });

  // 2026: KND, scored 8,5 (Giỏi), certificate issued.
  const knd = await heldClass(c, 'KND', KND, '2026-03-02', 'full_time', [an.id, bao.id], [3, '2026-02-20']);
  await ok(c, 'results.setScores', {
    classId: knd.cls.id,
    changes: knd.list.enrollments.map((e) => ({
      enrollmentId: e.id,
      component: 0,
      attempt: 1 as const,
      tenths: e.personId === an.id ? 85 : 65,
    })),
  });
  await ok(c, 'classes.setStatus', { id: knd.cls.id, status: 'running' });
  await ok(c, 'classes.setStatus', { id: knd.cls.id, status: 'finished' });
  await ok(c, 'results.recognise', { classId: knd.cls.id, decisionNumber: 9, decisionDate: '2026-03-10' });
  await ok(c, 'certificates.issue', { classId: knd.cls.id, issueDate: '2026-03-12', signer: { kind: 'director' } });

  // 2026: withdrawn from CNKT.
  const cnkt = await heldClass(c, 'CNKT', CNKT, '2026-05-11', 'full_time', [an.id, bao.id], [12, '2026-05-04']);
  await ok(c, 'enrollments.withdraw', { enrollmentId: cnkt.list.enrollments.find((e) => e.personId === an.id)!.id, reason: 'Ốm dài ngày' });
  return an.id;
}

coreForFile(
  'ttct-learning-record-',
  missing,
  async (c) => {
    core = c;
    anId = await scenario(c);
  },
  90_000,
);

/** The preview's visible words: tags dropped, entities read back, white space squashed. */
const words = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the learning record', () => {
  it('lists every class oldest first, with the results said in words and the withdrawal without its reason', async () => {
    const { html, title } = await ok(core, 'learners.learningRecordPreview', { id: anId, purpose: 'bổ sung hồ sơ cán bộ' });
    expect(title).toBe('Giấy xác nhận quá trình học tập — Trần Văn An');
    const t = words(html);
    expect([t.indexOf(NQ), t.indexOf(KND), t.indexOf(CNKT)].every((i, k, a) => i > 0 && (k === 0 || i > a[k - 1]!))).toBe(true);
    expectText(
      t,
      [
        '15/09/2025',
        'Trực tuyến, nhiều điểm cầu',
        'QĐ số 21-QĐ/TTCT ngày 20/09/2025',
        'Hoàn thành, xếp loại Giỏi',
        '1/2026/GCN',
        'ngày 12/03/2026',
        'Thôi học',
        'cấp theo đề nghị của đồng chí Trần Văn An để bổ sung hồ sơ cán bộ.',
      ],
      ['Ốm dài ngày', 'Lê Văn Bảo'],
    );
    expect(t).toMatch(/Học tập, quán triệt nghị quyết, chuyên đề [^|]*? Hoàn thành QĐ số 21/);
  });

  it('leaves the purpose out of the closing line when none is typed', async () => {
    const { html } = await ok(core, 'learners.learningRecordPreview', { id: anId });
    expect(words(html)).toContain('cấp theo đề nghị của đồng chí Trần Văn An.');
  });

  it('refuses a person with no class: there is nothing to certify', async () => {
    const lone = await person(core, 'Y Hoa Niê', { birthDate: '1999' });
    for (const channel of ['learners.learningRecordPreview', 'learners.learningRecordPdf'] as const) {
      const r = await invoke(core, channel, { id: lone.id });
      expect(r.ok ? null : [r.error.code, r.error.message]).toEqual([
        'NOTHING_TO_CERTIFY',
        'Y Hoa Niê chưa tham gia lớp nào tại trung tâm nên chưa có gì để xác nhận.',
      ]);
    }
  });

  it('refuses a merged-away record, pointing to the record it went into', async () => {
    const twin = await person(core, 'Trần Văn An', { birthDate: '1990-05-12', notes: 'Hồ sơ cũ' });
    await ok(core, 'learners.merge', { keepId: anId, removeId: twin.id });
    const r = await invoke(core, 'learners.learningRecordPreview', { id: twin.id });
    expect(r.ok ? null : r.error.code).toBe('ALREADY_MERGED');
    expect(r.ok ? '' : r.error.message).toContain(`hồ sơ số ${anId} (Trần Văn An)`);
    // The kept record still answers.
    expect((await invoke(core, 'learners.learningRecordPreview', { id: anId })).ok).toBe(true);
  });
});

describe.skipIf(missing.length > 0)('the learning record as PDF (Chromium, read back with poppler)', () => {
  it('prints the header, every class with dates, results and the certificate number, and the signature', async () => {
    const file = await ok(core, 'learners.learningRecordPdf', { id: anId, purpose: 'bổ sung hồ sơ cán bộ' });
    expect(file.fileName).toBe(`giay-xac-nhan-qua-trinh-hoc-tap-tran-van-an-${anId}.pdf`);
    const t = pdfText(file, 'doc-learning-record');
    expectText(
      t,
      [
        'ĐẢNG ỦY XÃ ĐẮK HÀ',
        'TRUNG TÂM CHÍNH TRỊ XÃ ĐẮK HÀ',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'GIẤY XÁC NHẬN QUÁ TRÌNH HỌC TẬP',
        'Trần Văn An',
        'sinh ngày 12/05/1990',
        'Chi bộ thôn 3',
        NQ,
        '15/09/2025',
        'Hoàn thành',
        KND,
        '02/03/2026',
        'Hoàn thành, xếp loại Giỏi',
        '1/2026/GCN',
        '12/03/2026',
        '09-QĐ/TTCT',
        CNKT,
        '11/05/2026',
        'Thôi học',
        'để bổ sung hồ sơ cán bộ',
        'GIÁM ĐỐC',
        'Nguyễn Văn Thành',
      ],
      ['Lê Văn Bảo'],
    );
  });
});
