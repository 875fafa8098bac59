import { formatDate, formatNumber, formatScore } from '../../../shared/domain/format';
import type { Sex } from '../../../shared/domain/learner-fields';
import { type LearnerListDoc, type ResultsDecisionDoc } from './class-lists';
import { PARTY_STATUS_SHORT } from './list-parts';
import { text, type Block, type Cell, type PartyDocumentModel } from './document-model';
import { openingDecisionWording, type OpeningDecisionDoc } from './opening-decision';
import type { IssuingBody, Orientation } from './party-document';
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

export const head = (label: string, extra: Partial<Cell> = {}): Cell => ({ text: label, ...extra });

/**
 * A paper under the centre's header that carries no number (a list, a sheet, a record): its title centred
 * in bold over the content.
 */
export function listDocument(
  doc: { body: IssuingBody; date: string },
  orientation: Orientation,
  title: string,
  blocks: Block[],
  titleStyle: { spaceBefore?: number } = { spaceBefore: 6 },
): PartyDocumentModel {
  return {
    body: doc.body,
    number: null,
    date: doc.date,
    orientation,
    blocks: [centred(title, { bold: true, size: 15, ...titleStyle }), ...blocks],
  };
}

/** A learner table as the Party's lists set it: number, name, then the birth date under "Nam" | "Nữ", then the rest. */
function learnerTable<T extends { fullName: string; sex: Sex | null; birthDate: string | null }>(
  widths: number[],
  after: string[],
  learners: T[],
  rest: (l: T) => Cell[],
): Block {
  const tall = (label: string) => head(label, { rowSpan: 2 });
  return {
    kind: 'table',
    size: 13,
    widths,
    head: [
      [tall('STT'), tall('Họ và tên'), head('Ngày sinh', { colSpan: 2 }), ...after.map(tall)],
      [head('Nam'), head('Nữ')],
    ],
    rows: learners.map((l, i) => [
      { text: String(i + 1), align: 'center' },
      { text: l.fullName },
      ...birthCells(l.sex, l.birthDate),
      ...rest(l),
    ]),
  };
}

/**
 * A decision: its subject, what every decision says (decider, grounds, articles, recipients and signature),
 * then its list of learners on a page of its own when it has one.
 */
function decisionModel(
  doc: { body: IssuingBody; number: string; date: string },
  subjects: string[],
  w: {
    decider: string;
    grounds: string[];
    articles: { lead?: string; text: string }[];
    recipients: string[];
    listTitles: string[];
    listNote: string;
    listTotal: string;
  },
  list: Block | null,
): PartyDocumentModel {
  const blocks: Block[] = [
    centred('QUYẾT ĐỊNH', { bold: true, size: 15 }),
    ...subjects.map((s) => centred(s, { bold: true })),
    centred('-----'),
    centred(w.decider, { bold: true, spaceBefore: 6 }),
    ...w.grounds.map((g): Block => ({ kind: 'paragraph', runs: [text(g)], italic: true, indent: true })),
    centred('QUYẾT ĐỊNH:', { bold: true, spaceBefore: 6 }),
    ...w.articles.map((a): Block => ({ kind: 'paragraph', runs: [...(a.lead ? [text(`${a.lead} `, { bold: true })] : []), text(a.text)] })),
    { kind: 'closing', recipients: w.recipients },
  ];
  if (list) {
    blocks.push(
      centred(w.listTitles[0]!, { bold: true, pageBreakBefore: true }),
      ...w.listTitles.slice(1).map((t) => centred(t, { bold: true })),
      centred(w.listNote, { italic: true }),
      list,
      { kind: 'paragraph', align: 'left', italic: true, runs: [text(w.listTotal)] },
    );
  }
  return { body: doc.body, number: doc.number, date: doc.date, orientation: 'portrait', blocks };
}

export function openingDecisionModel(doc: OpeningDecisionDoc): PartyDocumentModel {
  const w = openingDecisionWording(doc);
  const list =
    doc.learners.length > 0
      ? learnerTable([12, 44, 25, 25, 26, 33], ['Chức vụ', 'Chi bộ, đơn vị'], doc.learners, (l) => [
          { text: l.position },
          { text: l.unitName ?? '' },
        ])
      : null;
  return decisionModel(doc, [w.subject], w, list);
}

export function learnerListModel(doc: LearnerListDoc): PartyDocumentModel {
  // Eight columns need a landscape sheet, as on the PDF.
  return listDocument(
    doc,
    'landscape',
    'DANH SÁCH HỌC VIÊN',
    [
      centred(doc.className, { bold: true }),
      learnerTable([12, 52, 24, 24, 22, 36, 56, 26], ['Dân tộc', 'Chức vụ', 'Chi bộ, đơn vị', 'Đảng viên'], doc.learners, (l) => [
        { text: l.ethnicityName ?? '', align: 'center' },
        { text: l.position },
        { text: l.unitName ?? '' },
        { text: l.partyStatus ? PARTY_STATUS_SHORT[l.partyStatus] : '', align: 'center' },
      ]),
      { kind: 'paragraph', align: 'left', italic: true, runs: [text(`(Danh sách có ${formatNumber(doc.learners.length)} học viên)`)] },
      { kind: 'signature' },
    ],
    {},
  );
}

export function resultsDecisionModel(doc: ResultsDecisionDoc): PartyDocumentModel {
  const w = resultsDecisionWording(doc);
  const list =
    doc.recognised.length > 0
      ? learnerTable([12, 38, 24, 24, 29, 14, 24], ['Chi bộ, đơn vị', 'Điểm', 'Xếp loại'], doc.recognised, (l) => [
          { text: l.unitName ?? '' },
          { text: l.finalTenths === null ? '' : formatScore(l.finalTenths), align: 'center' },
          { text: l.classification ?? '', align: 'center' },
        ])
      : null;
  return decisionModel(doc, w.subjects, w, list);
}
