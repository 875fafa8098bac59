import { contract, type AppErrorShape, type Channel, type Input, type Output, type Result, type TtctBridge } from '../../shared/contract';
import { messageWithFields } from '../../shared/contract/field-labels';

/**
 * A refusal from the core. `message` stands on its own (most screens show it in an alert, with no
 * field in sight), so a refused input names its wrong fields; a form that marks the fields shows
 * `formMessage`, the core's own sentence, above them.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly formMessage: string;
  constructor(error: AppErrorShape) {
    super(messageWithFields(error));
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields ?? {};
    this.formMessage = error.message;
  }
}

// Read through globalThis (the window in the page) so modules built on this one type-check and run in Node tests too.
const bridge = () => (globalThis as typeof globalThis & { ttct: TtctBridge }).ttct;

/** The one transport: window.ttct (preload in Electron, init script in the browser host). */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  let result: Result<Output<C>>;
  try {
    result = (await bridge().invoke(channel, input)) as Result<Output<C>>;
  } catch {
    throw new ApiError({
      code: 'TRANSPORT',
      message: 'Mất kết nối với phần mềm. Hãy đóng và mở lại phần mềm; dữ liệu đã lưu không bị mất.',
    });
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

type CapabilityOf<C> = C extends `${infer Cap}.${string}` ? Cap : never;
type ActionOf<C, Cap extends string> = C extends `${Cap}.${infer A}` ? A : never;
type Method<C extends Channel> =
  Record<string, never> extends Input<C> ? (input?: Input<C>) => Promise<Output<C>> : (input: Input<C>) => Promise<Output<C>>;

export type Api = {
  [Cap in CapabilityOf<Channel>]: {
    [A in ActionOf<Channel, Cap>]: `${Cap}.${A}` extends Channel ? Method<`${Cap}.${A}`> : never;
  };
};

/** `api.programs.save(input)`: derived from the contract's channel names, so it can never drift. */
export const api = Object.keys(contract).reduce<Record<string, Record<string, unknown>>>((acc, channel) => {
  const [cap, action] = channel.split('.') as [string, string];
  acc[cap] ??= {};
  acc[cap][action] = (input?: unknown) => call(channel as Channel, (input ?? {}) as never);
  return acc;
}, {}) as unknown as Api;
