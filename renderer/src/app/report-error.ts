import { api } from '../api';

/** Sends a renderer error to the log file in the data folder; the clerk only ever sees a Vietnamese message. */
export function reportError(error: unknown, where: string): void {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  api.app
    .reportError({ message: message.slice(0, 2000), where, ...(stack ? { stack: stack.slice(0, 20000) } : {}) })
    .catch(() => undefined);
}
