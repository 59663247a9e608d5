/**
 * Claimed messages not yet settled, and the pace at which they settle: the drain claims the next
 * batch before the current one runs dry, but no more than it can send well within the lease.
 */
export class Backlog {
  private size = 0;
  private settledCount = 0;
  private readonly since = performance.now();
  private wake: (() => void) | undefined;

  add(count: number): void {
    this.size += count;
  }

  settled(): void {
    this.size--;
    this.settledCount++;
    this.wake?.();
  }

  /** How many messages settle within `ms` at the pace seen so far; undefined before the first has. */
  settlingWithin(ms: number): number | undefined {
    return this.settledCount ? (this.settledCount / (performance.now() - this.since)) * ms : undefined;
  }

  /** Resolves once `ready(size)` holds, asking again after each settled message (one waiter: the drain). */
  async until(ready: (size: number) => boolean): Promise<void> {
    while (!ready(this.size)) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
  }
}
