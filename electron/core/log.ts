import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export interface LogLimits {
  /** Size at which app.log is rotated to app.log.1. */
  maxFileBytes: number;
  /** Rotated files kept: with entries capped, this is weeks of an office's history. */
  keep: number;
  /** Characters of one entry; the rest is summarised, so one huge failure cannot push the history out. */
  maxEntryChars: number;
}

export const LOG_LIMITS: LogLimits = { maxFileBytes: 2 * 1024 * 1024, keep: 5, maxEntryChars: 8 * 1024 };

const STACK_LINES = 15;

/** Keeps the head and the tail of an over-long entry and says how much was left out. */
export function capEntry(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.floor(max / 4);
  const head = max - tail;
  return `${text.slice(0, head)} … [bỏ bớt ${text.length - head - tail} ký tự] … ${text.slice(text.length - tail)}`;
}

/**
 * The safety net under "log codes and counts, never a person" (issue 13): a run of 9 to 12 digits
 * (a CCCD or old CMND number, a Party card, a phone number) and a day-month-year date (a birth date
 * as typed or as printed) are masked wherever they come from, an error message or a renderer's
 * report. Names cannot be recognised this way; the log calls themselves keep them out.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(/(?<!\d)\d{9,12}(?!\d)/g, (m) => `[${m.length} chữ số]`)
    .replace(/(?<!\d)(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:1[89]|20)\d\d(?!\d)/g, '[ngày]');
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const stack = (err.stack ?? err.message).split('\n');
    const shown = stack.slice(0, STACK_LINES).join('\n');
    return stack.length > STACK_LINES ? `${shown}\n    … ${stack.length - STACK_LINES} more frames` : shown;
  }
  return err === undefined ? '' : String(err);
}

/**
 * Appends to `<logsDir>/app.log` (owner-only: folder 0700, files 0600), rotating at a size limit;
 * logging never throws. Entries pass through redactPersonalData. The same entry
 * repeated back to back (a screen retrying a failing call) is written once and then counted.
 */
export function createLogger(logsDir: string, echo = false, limits: LogLimits = LOG_LIMITS): Logger {
  const file = path.join(logsDir, 'app.log');
  let ready = false;
  let last = '';
  let repeats = 0;

  function append(line: string): void {
    if (echo) process.stderr.write(line);
    try {
      if (!ready) {
        // Owner-only even where the process's umask was not narrowed (a tool, a test).
        fs.mkdirSync(logsDir, { recursive: true, mode: 0o700 });
        ready = true;
      }
      rotateIfLarge();
      fs.appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 });
    } catch {
      // A log that cannot be written must not take the app down with it.
    }
  }

  function write(level: string, message: string): void {
    const entry = `${level} ${capEntry(redactPersonalData(message), limits.maxEntryChars)}`;
    if (entry === last) {
      repeats++;
      return;
    }
    flushRepeats();
    last = entry;
    append(`${new Date().toISOString()} ${entry}\n`);
  }

  function flushRepeats(): void {
    if (repeats > 0) append(`${new Date().toISOString()} INFO (the entry above was repeated ${repeats} more time(s))\n`);
    repeats = 0;
  }

  function rotateIfLarge(): void {
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size < limits.maxFileBytes) return;
    for (let i = limits.keep - 1; i >= 1; i--) {
      const from = `${file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
    }
    fs.renameSync(file, `${file}.1`);
  }

  return {
    file,
    info: (m) => write('INFO', m),
    warn: (m) => write('WARN', m),
    error: (m, err) => {
      const detail = describeError(err);
      write('ERROR', detail ? `${m}\n${detail}` : m);
    },
  };
}
