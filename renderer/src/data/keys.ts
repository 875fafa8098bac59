import type { Channel, Input } from '../../../shared/contract';

/** "levels" for "levels.report": the part of a channel before the dot. */
export type Capability = Channel extends infer C ? (C extends `${infer Cap}.${string}` ? Cap : never) : never;

/**
 * What a change makes stale: a whole capability ("levels": every levels.* query), one channel
 * ("levels.report": whatever its input), or one channel for inputs that contain the given fields
 * (["levels.history", { personId: 7 }]).
 */
export type Stale = Capability | Channel | readonly [Channel, Record<string, unknown>];

/**
 * Every cached answer is filed under its channel and the input it was asked with, so nobody writes
 * a key by hand and a change can make a channel (or a whole capability) stale by its name.
 */
export function channelKey<C extends Channel>(channel: C, input?: Input<C>): readonly [C, Input<C>] {
  return [channel, (input ?? {}) as Input<C>];
}

function contains(whole: unknown, part: Record<string, unknown>): boolean {
  if (typeof whole !== 'object' || whole === null) return false;
  const w = whole as Record<string, unknown>;
  return Object.entries(part).every(([k, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? contains(w[k], v as Record<string, unknown>) : Object.is(w[k], v),
  );
}

/** Whether a cached query (by its key) is made stale by `stale`. */
export function isStale(queryKey: readonly unknown[], stale: Stale): boolean {
  const channel = queryKey[0];
  if (typeof channel !== 'string') return false;
  if (typeof stale !== 'string') return channel === stale[0] && contains(queryKey[1], stale[1]);
  return stale.includes('.') ? channel === stale : channel.startsWith(`${stale}.`);
}
