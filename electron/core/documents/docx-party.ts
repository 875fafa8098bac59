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
  HeightRule,
  SectionType,
  type ISectionOptions,
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
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold ?? base.bold,
        italics: r.italic ?? base.italic,
        size: base.size === undefined ? undefined : pt(base.size),
      }),
  );
}

function line(
  textValue: string,
  options: { bold?: boolean; italic?: boolean; size?: number; underline?: boolean; after?: number; before?: number } = {},
): Paragraph {
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

function bareCell(children: (Paragraph | Table)[], widthMm: number, margins?: { left?: number; right?: number }): TableCell {
  return new TableCell({ children, width: { size: mm(widthMm), type: WidthType.DXA }, borders: TableBorders.NONE, margins });
}

/** Borderless columns side by side, widths in millimetres. */
function borderlessRow(columns: (Paragraph | Table)[][], widths: number[], margins?: { left?: number; right?: number }): Table {
  return new Table({
    width: { size: mm(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // Never split: a signature cut from its title, or a recipient list broken across sheets, would not do.
    rows: [new TableRow({ cantSplit: true, children: columns.map((c, i) => bareCell(c, widths[i]!, margins)) })],
  });
}

/** Two borderless columns side by side, as the header and the closing are laid out in the Party's model. */
function sideBySide(left: Paragraph[], right: Paragraph[], leftShare: number, contentWidth: number): Table {
  return borderlessRow([left, right], [contentWidth * leftShare, contentWidth * (1 - leftShare)]);
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
    ...(model.dateLine === false ? [] : [line(partyDateLine(body.placeName, model.date), { italic: true, before: 200, after: gap })]),
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

function gridCell(c: Cell, size: number, widthMm: number, head: boolean, top = false, padding = 4, keepNext = false): TableCell {
  const alignment = head || c.align === 'center' ? AlignmentType.CENTER : c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const bold = head || c.bold;
  // A '\n' breaks the line inside the paragraph, as <br> does on the PDF.
  const textRuns = c.text
    .normalize('NFC')
    .split('\n')
    .map(
      (part, i) =>
        new TextRun({ text: part, bold, italics: c.italic, strike: c.strike, size: pt(c.size ?? size), break: i > 0 ? 1 : undefined }),
    );
  const note = c.note
    ? [
        new Paragraph({
          alignment,
          keepNext,
          spacing: { line: 240 },
          children: [new TextRun({ text: c.note.normalize('NFC'), italics: true, bold: false, size: pt(c.noteSize ?? size - 2) })],
        }),
      ]
    : [];
  return new TableCell({
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: top && !head ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
    margins: { left: padding * 20, right: padding * 20, top: 40, bottom: 40 },
    borders: c.borderless ? TableBorders.NONE : undefined,
    // Word's single line is about 1,15 em in Times New Roman; 1,05 of it comes near the PDF's 1,2–1,25 in tables.
    children: [new Paragraph({ alignment, keepNext, spacing: { line: 252 }, children: textRuns }), ...note],
  });
}

function grid(block: Extract<Block, { kind: 'table' }>, contentWidth: number): Table {
  // Widths given for all but the last column; the last takes what is left of the line.
  const given = block.widths.reduce((a, b) => a + b, 0);
  const widths =
    given < contentWidth ? [...block.widths.slice(0, -1), contentWidth - given + block.widths[block.widths.length - 1]!] : block.widths;
  const spanWidth = (start: number, span = 1) => widths.slice(start, start + span).reduce((a, b) => a + b, 0);
  const row = (cells: Cell[], head: boolean, keepNext = false) => {
    let col = 0;
    return new TableRow({
      tableHeader: head,
      cantSplit: true,
      height: !head && block.rowHeight ? { value: mm(block.rowHeight), rule: HeightRule.ATLEAST } : undefined,
      children: cells.map((c) => {
        const cell = gridCell(c, block.size, spanWidth(col, c.colSpan), head, block.valign === 'top', block.padding, keepNext);
        col += c.colSpan ?? 1;
        return cell;
      }),
    });
  };
  return new Table({
    width: { size: mm(contentWidth), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    layout: TableLayoutType.FIXED,
    rows: [...block.head.map((r) => row(r, true)), ...block.rows.map((r, i) => row(r, false, block.keepWithNext?.[i] ?? false))],
  });
}

function blocks(model: PartyDocumentModel, items: Block[], contentWidth: number): (Paragraph | Table)[] {
  return items.flatMap((block): (Paragraph | Table)[] => {
    if (block.kind === 'paragraph') return [paragraph(block)];
    if (block.kind === 'table') return [grid(block, contentWidth)];
    if (block.kind === 'sheet') return [];
    if (block.kind === 'columns') {
      const width = (contentWidth - block.gap * (block.columns.length - 1)) / block.columns.length;
      // The gap is split into the cells' inner margins, so each nested table keeps its own width.
      const half = mm(block.gap / 2);
      const widths = block.columns.map((_, i) => width + (i > 0 ? block.gap / 2 : 0) + (i < block.columns.length - 1 ? block.gap / 2 : 0));
      const cells = block.columns.map((col) => {
        const inner = blocks(model, col, width);
        // A cell must end with a paragraph; a small one keeps the row's height close to the PDF's.
        return inner.length === 0 || inner[inner.length - 1] instanceof Table
          ? [...inner, new Paragraph({ spacing: { after: 0, line: 240 }, children: [new TextRun({ text: '', size: pt(6) })] })]
          : inner;
      });
      return [
        new Table({
          width: { size: mm(contentWidth), type: WidthType.DXA },
          columnWidths: widths.map(mm),
          layout: TableLayoutType.FIXED,
          borders: TableBorders.NONE,
          rows: [
            new TableRow({
              cantSplit: true,
              children: cells.map((children, i) =>
                bareCell(children, widths[i]!, { left: i > 0 ? half : 0, right: i < cells.length - 1 ? half : 0 }),
              ),
            }),
          ],
        }),
      ];
    }
    if (block.kind === 'signature') return [sideBySide([new Paragraph({})], signatureParagraphs(model), 0.5, contentWidth)];
    const recipients = [
      new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', underline: { type: UnderlineType.SINGLE } })] }),
      ...recipientLines(block.recipients).map(
        (r) => new Paragraph({ children: [new TextRun({ text: r.normalize('NFC'), size: pt(12) })] }),
      ),
    ];
    return [new Paragraph({ spacing: { after: 120 } }), sideBySide(recipients, signatureParagraphs(model), 0.5, contentWidth)];
  });
}

const contentWidthOf = (orientation: PartyDocumentModel['orientation']) =>
  (orientation === 'landscape' ? A4.height : A4.width) - MARGIN.left - MARGIN.right;

/** The sheets of a document: a 'sheet' block starts a new one (a Word section) with the header again. */
function sheets(model: PartyDocumentModel): { orientation: PartyDocumentModel['orientation']; blocks: Block[] }[] {
  const out = [{ orientation: model.orientation, blocks: [] as Block[] }];
  for (const block of model.blocks) {
    if (block.kind === 'sheet') out.push({ orientation: block.orientation ?? model.orientation, blocks: [] });
    else out[out.length - 1]!.blocks.push(block);
  }
  return out;
}

/** The .docx file's bytes. */
export async function partyDocx(model: PartyDocumentModel, title: string): Promise<Buffer> {
  const pageNumber = new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })] }),
    ],
  });
  const sections = sheets(model).map((sheet, i): ISectionOptions => {
    const landscape = sheet.orientation === 'landscape';
    const contentWidth = contentWidthOf(sheet.orientation);
    return {
      properties: {
        // Only the document's first page goes unnumbered; later sheets inherit the numbered header and keep counting.
        titlePage: i === 0,
        type: i === 0 ? undefined : SectionType.NEXT_PAGE,
        page: {
          // docx swaps width and height itself for a landscape page.
          size: {
            width: mm(A4.width),
            height: mm(A4.height),
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: mm(MARGIN.top), bottom: mm(MARGIN.bottom), left: mm(MARGIN.left), right: mm(MARGIN.right), header: mm(10) },
        },
      },
      headers: i === 0 ? { default: pageNumber, first: new Header({ children: [] }) } : undefined,
      children: [headerTable(model, contentWidth), ...blocks(model, sheet.blocks, contentWidth)],
    };
  });
  const doc = new Document({
    title,
    creator: model.body.centreName,
    styles: { default: { document: { run: { font: FONT, size: pt(14) }, paragraph: { spacing: { line: 288 } } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
