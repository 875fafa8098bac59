import { api, ApiError } from '../api';

/**
 * What of an error goes to the log. A refusal from the core that no screen caught is sent as its
 * code only: its message is written for the clerk and may name a learner ("Nguyễn Văn A đã thôi
 * học…"), and the log keeps nothing personal (issue 13). Its stack keeps the frames, not that line.
 */
export function errorReport(error: unknown, where: string): { message: string; where: string; stack?: string } {
  if (error instanceof ApiError) {
    const frames = (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n');
    return { message: `Refusal ${error.code} not handled on screen`, where, ...(frames ? { stack: frames.slice(0, 20000) } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  return { message: message.slice(0, 2000), where, ...(stack ? { stack: stack.slice(0, 20000) } : {}) };
}

/** Sends a renderer error to the log file in the data folder; the clerk only ever sees a Vietnamese message. */
export function reportError(error: unknown, where: string): void {
  api.app.reportError(errorReport(error, where)).catch(() => undefined);
}
