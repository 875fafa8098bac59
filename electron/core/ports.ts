/**
 * What the core needs from the shell it runs in, as interfaces: the Electron app and the browser
 * host each supply their own implementation, and the core never imports either.
 */

export interface PrintOptions {
  /** Straight to this printer, without the dialog. */
  deviceName?: string;
  /** The sheet the document is laid out on: a silent print would otherwise fall back to A4 portrait. */
  paper?: 'A4' | 'A5';
  landscape?: boolean;
}

/** Turns a self-contained document (see electron/core/documents) into paper or a PDF. */
export interface PrintPort {
  toPdf(html: string): Promise<Buffer>;
  /**
   * Prints: with a device name, straight to that printer (batches, after the clerk chose it on screen);
   * without, through the system print dialog. Absent where there is no printer (the browser host).
   */
  print?: (html: string, options?: PrintOptions) => Promise<void>;
  /** The printers installed on this PC, for the clerk to choose one for a batch. */
  printers?: () => Promise<{ name: string; displayName: string }[]>;
  readonly canPrint: boolean;
}
