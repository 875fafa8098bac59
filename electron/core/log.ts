import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

const MAX_BYTES = 2 * 1024 * 1024;
const KEEP = 3;

/** Appends to `<logsDir>/app.log`, rotating at 2 MB; logging never throws. */
export function createLogger(logsDir: string, echo = false): Logger {
  const file = path.join(logsDir, 'app.log');
  let ready = false;

  function write(level: string, message: string): void {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    if (echo) process.stderr.write(line);
    try {
      if (!ready) {
        fs.mkdirSync(logsDir, { recursive: true });
        ready = true;
      }
      rotateIfLarge();
      fs.appendFileSync(file, line, 'utf8');
    } catch {
      // A log that cannot be written must not take the app down with it.
    }
  }

  function rotateIfLarge(): void {
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size < MAX_BYTES) return;
    for (let i = KEEP - 1; i >= 1; i--) {
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
      const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : err === undefined ? '' : `\n${String(err)}`;
      write('ERROR', `${m}${detail}`);
    },
  };
}
