/**
 * A limit on provider calls in flight (sends and lookups). Waiting calls go most urgent first,
 * then in arrival order: a login code claimed while earlier batches still wait for their turn
 * goes ahead of them, as it would have been claimed ahead of them.
 */
export class Slots {
  private readonly waiting: Array<{ priority: number; start: () => void }> = [];

  constructor(private free: number) {}

  async use<T>(priority: number, call: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else {
      await new Promise<void>((start) => {
        // Usually no waiting call is less urgent: then this one simply queues last.
        const last = this.waiting.at(-1);
        const behind = !last || last.priority <= priority ? -1 : this.waiting.findIndex((w) => w.priority > priority);
        this.waiting.splice(behind === -1 ? this.waiting.length : behind, 0, { priority, start });
      });
    }
    try {
      return await call();
    } finally {
      // Hand the slot straight to the next caller, or give it back.
      const next = this.waiting.shift();
      if (next) next.start();
      else this.free++;
    }
  }
}
