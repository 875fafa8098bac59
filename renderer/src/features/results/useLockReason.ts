import { useState } from 'react';
import { ReasonGate } from './reason-gate';

/**
 * The reason for changing recognised results, asked once per visit to the tab and reused for
 * every later change. Several fields may ask at once (leaving one field for another): they all wait
 * for the same answer.
 */
export function useLockReason() {
  const [asking, setAsking] = useState(false);
  const [gate] = useState(() => new ReasonGate(setAsking));
  return {
    /** The reason already given, if any: sent with every change while the results are locked. */
    current: () => gate.current(),
    ask: () => gate.ask(),
    forget: () => gate.forget(),
    asking,
    give: (r: string) => gate.give(r),
    refuse: () => gate.refuse(),
  };
}
