/**
 * The reason for changing recognised results, asked once and reused: several askers at once (leaving
 * one field for another) wait for the same answer; a refusal (null) is not kept, so the next change asks again.
 */
export class ReasonGate {
  private reason: string | null = null;
  private waiting: Promise<string | null> | null = null;
  private answer: ((r: string | null) => void) | null = null;

  /** `onAsking(true)` when a question opens, `onAsking(false)` when it is answered. */
  constructor(private readonly onAsking: (asking: boolean) => void = () => undefined) {}

  current(): string | null {
    return this.reason;
  }

  ask(): Promise<string | null> {
    if (this.reason !== null) return Promise.resolve(this.reason);
    this.waiting ??= new Promise<string | null>((resolve) => {
      this.answer = (r) => {
        this.reason = r;
        this.waiting = null;
        this.answer = null;
        this.onAsking(false);
        resolve(r);
      };
      this.onAsking(true);
    });
    return this.waiting;
  }

  give(reason: string): void {
    this.answer?.(reason);
  }

  refuse(): void {
    this.answer?.(null);
  }

  /** The core said the results are locked although the grid did not (recognised meanwhile). */
  forget(): void {
    this.reason = null;
  }
}
