/**
 * Finds chosen tags in XML as it streams past, in time linear in its length, without building a
 * tree: the checks before a spreadsheet is parsed must cost less than the parse they protect.
 *
 * Only a '<' can start a tag and it may not appear inside an attribute, so a tag is cut at the next
 * '<' even when a hostile file leaves it unclosed. Text between tags is skipped by native searches;
 * only an unfinished tag is carried to the next chunk, and it may not grow past MAX_TAG_CHARS.
 */

export interface XmlTag {
  name: string;
  /** Namespace prefix as written ('' for none): files from .NET tools write `x:row`. */
  prefix: string;
  closing: boolean;
  selfClosing: boolean;
  /** Raw attribute text (latin1: enough for the ASCII attributes looked at). */
  attrs: string;
  /** Byte offsets of '<' and just after '>' in the whole part. */
  start: number;
  end: number;
}

/** DTDs are how entity bombs and external entities get in; Office never writes one. */
export class XmlRefusal extends Error {
  constructor(readonly kind: 'doctype' | 'tag-too-long' | 'unfinished') {
    super(kind);
  }
}

const MAX_TAG_CHARS = 64 * 1024;

const PREFIX = '(?:([A-Za-z_][\\w.-]*):)?';

/** Closing tags are matched only for the names that need them: most of a sheet is `</c>` and `</v>`. */
function tokenPattern(names: readonly string[], closing: readonly string[]): RegExp {
  // With no closing names the group still exists (and never matches), so group numbers stay put.
  const close = `/${PREFIX}(${closing.length ? closing.join('|') : '(?!)'})|`;
  return new RegExp(`<(?:${close}${PREFIX}(${names.join('|')}))(?=[\\s>/])([^<>]*)>|<!(?:DOCTYPE|ENTITY)`, 'g');
}

export class XmlTagScanner {
  private readonly pattern: RegExp;
  private carry = '';
  /** Offset in the part of carry's first character. */
  private offset = 0;

  constructor(
    names: readonly string[],
    private readonly onTag: (tag: XmlTag) => void,
    closing: readonly string[] = [],
  ) {
    this.pattern = tokenPattern(names, closing);
  }

  push(chunk: Buffer): void {
    // latin1 maps each byte to one character, so string indexes stay byte offsets.
    const text = this.carry + chunk.toString('latin1');
    const lastOpen = text.lastIndexOf('<');
    let complete = text.length;
    if (lastOpen >= 0 && text.indexOf('>', lastOpen) === -1) {
      complete = lastOpen;
      if (text.length - lastOpen > MAX_TAG_CHARS) throw new XmlRefusal('tag-too-long');
    }
    this.scan(text, complete);
    this.offset += complete;
    this.carry = complete < text.length ? text.slice(complete) : '';
  }

  /** A part that stops inside a tag was cut short. */
  end(): void {
    if (this.carry !== '') throw new XmlRefusal('unfinished');
  }

  private scan(text: string, length: number): void {
    const region = length === text.length ? text : text.slice(0, length);
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(region); m !== null; m = this.pattern.exec(region)) {
      const closing = m[2] !== undefined;
      const name = closing ? m[2]! : m[4];
      if (name === undefined) throw new XmlRefusal('doctype');
      const attrs = m[5] ?? '';
      this.onTag({
        name,
        prefix: (closing ? m[1] : m[3]) ?? '',
        closing,
        selfClosing: attrs.endsWith('/'),
        attrs,
        start: this.offset + m.index,
        end: this.offset + m.index + m[0].length,
      });
    }
  }
}

/** The value of one attribute in a tag's raw attribute text; no entity decoding (see decodeXml). */
const attributePatterns = new Map<string, RegExp>();

export function attribute(attrs: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const at = pattern.exec(attrs);
  return at ? (at[1] ?? at[2]) : undefined;
}

/** Attribute text comes out of the scanner byte per character; names in it are UTF-8. */
export function fromLatin1(text: string): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}

export function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => safeCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function safeCodePoint(n: number): string {
  return n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

/** Reads a part held in memory through a scanner. */
export function scanAll(xml: Buffer, names: readonly string[], onTag: (tag: XmlTag) => void): void {
  const scanner = new XmlTagScanner(names, onTag);
  scanner.push(xml);
  scanner.end();
}
