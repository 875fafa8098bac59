import { contract, isChannel, zodIssuesToFields, type AppErrorShape, type Channel, type Result } from '../../shared/contract';
import type { AppCore } from './app-core';
import { AppError, storageError } from './errors';
import { handlers } from './services';
import type { Handler } from './services/types';

/** While the database cannot be opened, only these answer; the recovery screen needs nothing else. */
const WITHOUT_DATABASE = new Set<Channel>(['app.status', 'app.reportError', 'backups.list', 'backups.restore']);

function fail(error: AppErrorShape): Result<never> {
  return { ok: false, error };
}

/**
 * One path for every transport (Electron IPC and the browser host): validate the input with the
 * contract, run the service, validate its output, and turn every failure into a Vietnamese message.
 * Stack traces go to the log, never to the screen.
 */
export async function dispatch(core: AppCore, channel: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    core.log.warn(`Unknown channel ${JSON.stringify(channel).slice(0, 100)}`);
    return fail({ code: 'UNKNOWN_CHANNEL', message: 'Chức năng không tồn tại.' });
  }
  if (core.problem && !WITHOUT_DATABASE.has(channel)) {
    return fail({ code: 'DB_UNAVAILABLE', message: core.problem.message });
  }
  const def = contract[channel];
  const parsed = def.input.safeParse(rawInput);
  if (!parsed.success) {
    const fields = zodIssuesToFields(parsed.error.issues);
    return fail({ code: 'INVALID_INPUT', message: 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu.', fields });
  }
  try {
    const handler = handlers[channel] as Handler<Channel>;
    const value = await handler(core, parsed.data as never);
    const checked = def.output.safeParse(value);
    if (!checked.success) {
      core.log.error(`Output of ${channel} does not match the contract: ${checked.error.message}`);
      return fail(internalError(core));
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    if (err instanceof AppError) {
      return fail({ code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) });
    }
    const known = storageError(err, core.dataDir);
    if (known) {
      core.log.warn(`${channel}: ${known.code} (${String((err as Error).message)})`);
      return fail({ code: known.code, message: known.message });
    }
    core.log.error(`${channel} failed`, err);
    return fail(internalError(core));
  }
}

function internalError(core: AppCore): AppErrorShape {
  return {
    code: 'INTERNAL',
    message: `Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện. Chi tiết đã được ghi vào nhật ký: ${core.log.file}`,
  };
}
