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
  text: string;
  align?: 'left' | 'center';
  colSpan?: number;
  rowSpan?: number;
}

export type Block =
  /** A body paragraph: justified with a first-line indent unless aligned otherwise; spaceBefore in points. */
  | { kind: 'paragraph'; runs: Run[]; align?: 'center' | 'justify' | 'left'; indent?: boolean; italic?: boolean; bold?: boolean; size?: number; pageBreakBefore?: boolean; spaceBefore?: number }
  /** Column widths in millimetres; the header rows repeat on every page. */
  | { kind: 'table'; widths: number[]; head: Cell[][]; rows: Cell[][]; size: number }
  /** "Nơi nhận" on the left and the signature on the right. */
  | { kind: 'closing'; recipients: string[] }
  /** The signature alone, in the right half. */
  | { kind: 'signature' };

export interface PartyDocumentModel {
  body: IssuingBody;
  /** "12-QĐ/TTCT"; lists carry none. */
  number: string | null;
  date: string;
  orientation: Orientation;
  blocks: Block[];
}

export function text(value: string, style: Omit<Run, 'text'> = {}): Run {
  return { text: value.normalize('NFC'), ...style };
}
