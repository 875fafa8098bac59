import { useRef, useState } from 'react';

/**
 * The reason for changing recognised results, asked once per visit to the tab and reused for
 * every later change. Several fields may ask at once (leaving one field for another): they all wait
 * for the same answer.
 */
export function useLockReason() {
  const reason = useRef<string | null>(null);
  const waiting = useRef<Promise<string | null> | null>(null);
  const [answer, setAnswer] = useState<((r: string | null) => void) | null>(null);

  const ask = (): Promise<string | null> => {
    if (reason.current !== null) return Promise.resolve(reason.current);
    waiting.current ??= new Promise<string | null>((resolve) => {
      setAnswer(() => (r: string | null) => {
        reason.current = r;
        waiting.current = null;
        setAnswer(null);
        resolve(r);
      });
    });
    return waiting.current;
  };
  return {
    /** The reason already given, if any: sent with every change while the results are locked. */
    current: () => reason.current,
    ask,
    /** The core said the results are locked although the grid did not (recognised meanwhile). */
    forget: () => {
      reason.current = null;
    },
    asking: answer !== null,
    give: (r: string) => answer?.(r),
    refuse: () => answer?.(null),
  };
}
