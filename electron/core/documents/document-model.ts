import type { IssuingBody, Orientation } from './party-document';

/**
 * A Party document as content, with no markup: the header, the title, paragraphs, tables, the
 * closing. The Word writer (docx-party.ts) lays it out; the text a clerk reads comes from the same
 * phrases the HTML builders print, so the .docx and the PDF say the same thing.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface Cell {
  /** A line break where the text has '\n' ("Thứ Hai" over "02/03/2026"). */
  text: string;
  align?: 'left' | 'center' | 'right';
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  italic?: boolean;
  /** Struck through: a voided number in the certificate register. */
  strike?: boolean;
  /** The text's size in points when it differs from the table's (a long unit name set smaller). */
  size?: number;
  /** A smaller italic line under the text, not bold: a weight "(30%)", a re-take "(lần 2: 8,0)", a session's topic. */
  note?: string;
  /** The note's size in points; two points under the table's by default. */
  noteSize?: number;
  /** No borders: a caption row over the columns, repeated with them on every page. */
  borderless?: boolean;
}

export type Block =
  /** A body paragraph: justified with a first-line indent unless aligned otherwise; spaceBefore in points. */
  | {
      kind: 'paragraph';
      runs: Run[];
      align?: 'center' | 'justify' | 'left';
      indent?: boolean;
      italic?: boolean;
      bold?: boolean;
      size?: number;
      pageBreakBefore?: boolean;
      spaceBefore?: number;
    }
  /** Column widths in millimetres; the header rows repeat on every page; rowHeight (mm) is a body row's least height;
   * body cells are centred vertically unless valign is 'top' (cells of several lines, as on the learning record);
   * padding is the cells' left and right inner margin in points (4 by default; narrow for a crowded register);
   * keepWithNext[i] keeps body row i on the same page as the row after it (a program and its previous year). */
  | {
      kind: 'table';
      widths: number[];
      head: Cell[][];
      rows: Cell[][];
      size: number;
      rowHeight?: number;
      valign?: 'top' | 'center';
      padding?: number;
      keepWithNext?: boolean[];
    }
  /** "Nơi nhận" on the left and the signature on the right. */
  | { kind: 'closing'; recipients: string[] }
  /** The signature alone, in the right half. */
  | { kind: 'signature' }
  /** A new sheet starting with the header again (a form printed as several sheets); it may turn the page. */
  | { kind: 'sheet'; orientation?: Orientation }
  /** Blocks side by side in equal columns (the class summary's tallies, two by two). */
  | { kind: 'columns'; columns: Block[][]; gap: number };

export interface PartyDocumentModel {
  body: IssuingBody;
  /** "12-QĐ/TTCT"; lists carry none. */
  number: string | null;
  date: string;
  /** False for a form filled in over days (the attendance sheet): the header has no date line. */
  dateLine?: boolean;
  orientation: Orientation;
  blocks: Block[];
}

export function text(value: string, style: Omit<Run, 'text'> = {}): Run {
  return { text: value.normalize('NFC'), ...style };
}
