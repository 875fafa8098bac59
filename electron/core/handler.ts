import type { Channel, Output, ParsedInput } from '../../shared/contract';
import type { AppCore } from './app-core';

export type Handler<C extends Channel> = (ctx: AppCore, input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;

/** A capability's handlers, keyed by the channels of its contract file; the compiler checks none is missing. */
export type Handlers<Channels extends Record<string, unknown>> = {
  [C in keyof Channels & Channel]: Handler<C>;
};
