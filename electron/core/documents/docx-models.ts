import { formatDate, formatNumber, formatScore } from '../../../shared/domain/format';
import type { Sex } from '../../../shared/domain/learner-fields';
import { PARTY_STATUS_SHORT, type LearnerListDoc, type ResultsDecisionDoc } from './class-lists';
import { text, type Block, type Cell, type PartyDocumentModel } from './document-model';
import { openingDecisionWording, type OpeningDecisionDoc } from './opening-decision';
import { resultsDecisionWording } from './results-decision';

/** The documents that are also saved as Word files, built as content for docx-party.ts. */

/** The birth date under "Nam" or "Nữ", spanning both when the sex is unknown (as on the PDF). */
function birthCells(sex: Sex | null, birthDate: string | null): Cell[] {
  const born = { text: formatDate(birthDate), align: 'center' as const };
  if (sex === 'nam') return [born, { text: '' }];
  if (sex === 'nu') return [{ text: '' }, born];
  return [{ ...born, colSpan: 2 }];
}

export function centred(
  value: string,
  style: { bold?: boolean; italic?: boolean; size?: number; pageBreakBefore?: boolean; spaceBefore?: number } = {},
): Block {
  const { pageBreakBefore, size, spaceBefore, ...run } = style;
  return { kind: 'paragraph', align: 'center', runs: [text(value, run)], size, pageBreakBefore, spaceBefore };
}

/** What every decision says between its subject and its list: decider, grounds, articles, recipients and signature. */
function decisionBody(w: {
  decider: string;
  grounds: string[];
  articles: { lead?: string; text: string }[];
  recipients: string[];
}): Block[] {
  return [
    centred('-----'),
    centred(w.decider, { bold: true, spaceBefore: 6 }),
    ...w.grounds.map((g): Block => ({ kind: 'paragraph', runs: [text(g)], italic: true, indent: true })),
    centred('QUYẾT ĐỊNH:', { bold: true, spaceBefore: 6 }),
    ...w.articles.map((a): Block => ({ kind: 'paragraph', runs: [...(a.lead ? [text(`${a.lead} `, { bold: true })] : []), text(a.text)] })),
    { kind: 'closing', recipients: w.recipients },
  ];
}

export const head = (label: string, extra: Partial<Cell> = {}): Cell => ({ text: label, ...extra });

export function openingDecisionModel(doc: OpeningDecisionDoc): PartyDocumentModel {
  const w = openingDecisionWording(doc);
  const blocks: Block[] = [centred('QUYẾT ĐỊNH', { bold: true, size: 15 }), centred(w.subject, { bold: true }), ...decisionBody(w)];
  if (doc.learners.length > 0) {
    blocks.push(
      centred(w.listTitles[0]!, { bold: true, pageBreakBefore: true }),
      ...w.listTitles.slice(1).map((t) => centred(t, { bold: true })),
      centred(w.listNote, { italic: true }),
      {
        kind: 'table',
        size: 13,
        widths: [12, 44, 25, 25, 26, 33],
        head: [
          [
            head('STT', { rowSpan: 2 }),
            head('Họ và tên', { rowSpan: 2 }),
            head('Ngày sinh', { colSpan: 2 }),
            head('Chức vụ', { rowSpan: 2 }),
            head('Chi bộ, đơn vị', { rowSpan: 2 }),
          ],
          [head('Nam'), head('Nữ')],
        ],
        rows: doc.learners.map((l, i) => [
          { text: String(i + 1), align: 'center' },
          { text: l.fullName },
          ...birthCells(l.sex, l.birthDate),
          { text: l.position },
          { text: l.unitName ?? '' },
        ]),
      },
      { kind: 'paragraph', align: 'left', italic: true, runs: [text(w.listTotal)] },
    );
  }
  return { body: doc.body, number: doc.number, date: doc.date, orientation: 'portrait', blocks };
}

export function learnerListModel(doc: LearnerListDoc): PartyDocumentModel {
  return {
    body: doc.body,
    number: null,
    date: doc.date,
    // Eight columns need a landscape sheet, as on the PDF.
    orientation: 'landscape',
    blocks: [
      centred('DANH SÁCH HỌC VIÊN', { bold: true, size: 15 }),
      centred(doc.className, { bold: true }),
      {
        kind: 'table',
        size: 13,
        widths: [12, 52, 24, 24, 22, 36, 56, 26],
        head: [
          [
            head('STT', { rowSpan: 2 }),
            head('Họ và tên', { rowSpan: 2 }),
            head('Ngày sinh', { colSpan: 2 }),
            head('Dân tộc', { rowSpan: 2 }),
            head('Chức vụ', { rowSpan: 2 }),
            head('Chi bộ, đơn vị', { rowSpan: 2 }),
            head('Đảng viên', { rowSpan: 2 }),
          ],
          [head('Nam'), head('Nữ')],
        ],
        rows: doc.learners.map((l, i) => [
          { text: String(i + 1), align: 'center' },
          { text: l.fullName },
          ...birthCells(l.sex, l.birthDate),
          { text: l.ethnicityName ?? '', align: 'center' },
          { text: l.position },
          { text: l.unitName ?? '' },
          { text: l.partyStatus ? PARTY_STATUS_SHORT[l.partyStatus] : '', align: 'center' },
        ]),
      },
      { kind: 'paragraph', align: 'left', italic: true, runs: [text(`(Danh sách có ${formatNumber(doc.learners.length)} học viên)`)] },
      { kind: 'signature' },
    ],
  };
}

export function resultsDecisionModel(doc: ResultsDecisionDoc): PartyDocumentModel {
  const w = resultsDecisionWording(doc);
  const blocks: Block[] = [
    centred('QUYẾT ĐỊNH', { bold: true, size: 15 }),
    ...w.subjects.map((s) => centred(s, { bold: true })),
    ...decisionBody(w),
  ];
  if (doc.recognised.length > 0) {
    blocks.push(
      centred(w.listTitles[0]!, { bold: true, pageBreakBefore: true }),
      ...w.listTitles.slice(1).map((t) => centred(t, { bold: true })),
      centred(w.listNote, { italic: true }),
      {
        kind: 'table',
        size: 13,
        widths: [12, 38, 24, 24, 29, 14, 24],
        head: [
          [
            head('STT', { rowSpan: 2 }),
            head('Họ và tên', { rowSpan: 2 }),
            head('Ngày sinh', { colSpan: 2 }),
            head('Chi bộ, đơn vị', { rowSpan: 2 }),
            head('Điểm', { rowSpan: 2 }),
            head('Xếp loại', { rowSpan: 2 }),
          ],
          [head('Nam'), head('Nữ')],
        ],
        rows: doc.recognised.map((l, i) => [
          { text: String(i + 1), align: 'center' },
          { text: l.fullName },
          ...birthCells(l.sex, l.birthDate),
          { text: l.unitName ?? '' },
          { text: l.finalTenths === null ? '' : formatScore(l.finalTenths), align: 'center' },
          { text: l.classification ?? '', align: 'center' },
        ]),
      },
      { kind: 'paragraph', align: 'left', italic: true, runs: [text(w.listTotal)] },
    );
  }
  return { body: doc.body, number: doc.number, date: doc.date, orientation: 'portrait', blocks };
}
