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

/**
 * Keeps the database key for the OS user, so the clerk types nothing day to day. `kind` says how
 * well: 'os' is the operating system's protection for this Windows user (DPAPI through Electron's
 * safeStorage); 'file' keeps it as it is in the data folder (the browser host used in development
 * and tests, documented as such); null means nothing on this machine can keep it (Linux without a
 * keyring), and the recovery key is asked for at every start instead of being stored in plain text.
 */
export interface KeyProtectionPort {
  readonly kind: 'os' | 'file' | null;
  protect(secret: string): Promise<Buffer>;
  /** Throws when this OS user cannot unwrap it (another PC, Windows reinstalled, another account). */
  unprotect(wrapped: Buffer): Promise<string>;
}

/** The browser host's key keeping: the key as plain text in the data folder (development and tests only). */
export const fileKeyProtection: KeyProtectionPort = {
  kind: 'file',
  protect: async (secret) => Buffer.from(secret, 'utf8'),
  unprotect: async (wrapped) => wrapped.toString('utf8'),
};

/** The system's folder and file pickers (the desktop app); absent in the browser host, where paths are typed. */
export interface DialogPort {
  chooseFolder(title: string): Promise<string | null>;
  chooseFile(title: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
}
