/**
 * What the core needs from the shell it runs in, as interfaces: the Electron app and the browser
 * host each supply their own implementation, and the core never imports either.
 */

/** Turns a self-contained document (see electron/core/documents) into paper or a PDF. */
export interface PrintPort {
  toPdf(html: string): Promise<Buffer>;
  /** Opens the system print dialog; absent where there is no printer (the browser host). */
  print?: (html: string) => Promise<void>;
  readonly canPrint: boolean;
}
