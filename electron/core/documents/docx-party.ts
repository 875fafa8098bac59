import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { partyDateLine } from '../../../shared/domain/format';
import { upperVi } from '../../../shared/domain/text';
import type { Block, Cell, PartyDocumentModel, Run } from './document-model';
import { recipientLines, signatureText } from './party-document';

/**
 * The Party's document format in Word [Hướng dẫn 36-HD/VPTW, 2018]: A4, margins top and bottom
 * 20 mm, left 30 mm, right 15 mm (the low ends of HD 36's ranges, as the PDF uses), Times New Roman
 * 14 in the body and 13 in tables, page numbers from page 2 centred at the top. Clerks edit these
 * files in Word, so everything is real text, paragraphs and tables — no text boxes or images.
 */

const FONT = 'Times New Roman';
const A4 = { width: 210, height: 297 };
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 };
// Twips, rounded as Word does: A4 comes out as Word's own 11906 × 16838.
const mm = (value: number) => Math.round((value / 25.4) * 1440);
/** Font sizes in docx are half-points. */
const pt = (value: number) => Math.round(value * 2);

function runs(items: Run[], base: { size?: number; bold?: boolean; italic?: boolean } = {}): ParagraphChild[] {
  return items.map(
    (r) => new TextRun({ text: r.text, bold: r.bold ?? base.bold, italics: r.italic ?? base.italic, size: base.size === undefined ? undefined : pt(base.size) }),
  );
}

function line(textValue: string, options: { bold?: boolean; italic?: boolean; size?: number; underline?: boolean; after?: number; before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: options.after ?? 0, before: options.before ?? 0 },
    children: [
      new TextRun({
        text: textValue.normalize('NFC'),
        bold: options.bold,
        italics: options.italic,
        size: options.size === undefined ? undefined : pt(options.size),
        underline: options.underline ? { type: UnderlineType.SINGLE } : undefined,
      }),
    ],
  });
}

function bareCell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({ children, width: { size: mm(widthMm), type: WidthType.DXA }, borders: TableBorders.NONE });
}

/** Two borderless columns side by side, as the header and the closing are laid out in the Party's model. */
function sideBySide(left: Paragraph[], right: Paragraph[], leftShare: number, contentWidth: number): Table {
  const widths = [contentWidth * leftShare, contentWidth * (1 - leftShare)];
  return new Table({
    width: { size: mm(contentWidth), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [bareCell(left, widths[0]!), bareCell(right, widths[1]!)] })],
  });
}

function headerTable(model: PartyDocumentModel, contentWidth: number): Table {
  const { body } = model;
  // The space under the header (6 mm on the PDF) goes under the last line of both columns, so that
  // it stays whichever column is the taller.
  const gap = mm(6);
  const left = [
    line(upperVi(body.superior)),
    line(upperVi(body.centreName), { bold: true }),
    line('*', { after: model.number ? 0 : gap }),
    ...(model.number ? [line(`Số ${model.number}`, { after: gap })] : []),
  ];
  const right = [
    line('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15, underline: true }),
    line(partyDateLine(body.placeName, model.date), { italic: true, before: 200, after: gap }),
  ];
  return sideBySide(left, right, 0.45, contentWidth);
}

function signatureParagraphs(model: PartyDocumentModel): Paragraph[] {
  const { lines, name } = signatureText(model.body);
  // About 28 mm left blank for the signature and the seal, as on the PDF.
  return [...lines.map((l) => line(l, { bold: true })), line(name, { bold: true, before: mm(28) })];
}

function paragraph(block: Extract<Block, { kind: 'paragraph' }>): Paragraph {
  const align = block.align === 'center' ? AlignmentType.CENTER : block.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  const indent = block.indent ?? block.align === undefined;
  return new Paragraph({
    alignment: align,
    indent: indent ? { firstLine: mm(10) } : undefined,
    spacing: { after: 80, before: block.spaceBefore === undefined ? undefined : block.spaceBefore * 20 },
    pageBreakBefore: block.pageBreakBefore,
    children: runs(block.runs, { size: block.size, bold: block.bold, italic: block.italic }),
  });
}

function gridCell(c: Cell, size: number, widthMm: number, head: boolean): TableCell {
  return new TableCell({
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: head || c.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: c.text.normalize('NFC'), bold: head, size: pt(size) })],
      }),
    ],
  });
}

function grid(block: Extract<Block, { kind: 'table' }>, contentWidth: number): Table {
  // Widths given for all but the last column; the last takes what is left of the line.
  const given = block.widths.reduce((a, b) => a + b, 0);
  const widths = given < contentWidth ? [...block.widths.slice(0, -1), contentWidth - given + block.widths[block.widths.length - 1]!] : block.widths;
  const spanWidth = (start: number, span = 1) => widths.slice(start, start + span).reduce((a, b) => a + b, 0);
  const row = (cells: Cell[], head: boolean) => {
    let col = 0;
    return new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map((c) => {
        const cell = gridCell(c, block.size, spanWidth(col, c.colSpan), head);
        col += c.colSpan ?? 1;
        return cell;
      }),
    });
  };
  return new Table({
    width: { size: mm(contentWidth), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    layout: TableLayoutType.FIXED,
    rows: [...block.head.map((r) => row(r, true)), ...block.rows.map((r) => row(r, false))],
  });
}

function blocks(model: PartyDocumentModel, contentWidth: number): (Paragraph | Table)[] {
  return model.blocks.flatMap((block): (Paragraph | Table)[] => {
    if (block.kind === 'paragraph') return [paragraph(block)];
    if (block.kind === 'table') return [grid(block, contentWidth)];
    if (block.kind === 'signature') return [sideBySide([new Paragraph({})], signatureParagraphs(model), 0.5, contentWidth)];
    const recipients = [
      new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', underline: { type: UnderlineType.SINGLE } })] }),
      ...recipientLines(block.recipients).map((r) => new Paragraph({ children: [new TextRun({ text: r.normalize('NFC'), size: pt(12) })] })),
    ];
    return [new Paragraph({ spacing: { after: 120 } }), sideBySide(recipients, signatureParagraphs(model), 0.5, contentWidth)];
  });
}

/** The .docx file's bytes. */
export async function partyDocx(model: PartyDocumentModel, title: string): Promise<Buffer> {
  const landscape = model.orientation === 'landscape';
  const pageWidth = landscape ? A4.height : A4.width;
  const contentWidth = pageWidth - MARGIN.left - MARGIN.right;
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })] })],
  });
  const doc = new Document({
    title,
    creator: model.body.centreName,
    styles: { default: { document: { run: { font: FONT, size: pt(14) }, paragraph: { spacing: { line: 288 } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            // docx swaps width and height itself for a landscape page.
            size: { width: mm(A4.width), height: mm(A4.height), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: mm(MARGIN.top), bottom: mm(MARGIN.bottom), left: mm(MARGIN.left), right: mm(MARGIN.right), header: mm(10) },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [headerTable(model, contentWidth), ...blocks(model, contentWidth)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
