/**
 * Serialized answers (UTF-8 JSON, sent as they are) of the residents' guide reads, least recently
 * used evicted first.
 * A cache belongs to one catalogue build: a rebuilt catalogue comes with empty caches, so nothing
 * computed from an older catalogue is ever served after a guide changes.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Buffer>();

  /**
   * @param capacity answers kept (1-20 KB each)
   * @param maxKeyLength longer keys are not kept: real requests are short, and a key is held in memory
   */
  constructor(
    readonly capacity: number,
    readonly maxKeyLength = 512,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Buffer | undefined {
    const answer = this.entries.get(key);
    if (answer !== undefined) {
      // Most recently used goes last: a Map iterates in insertion order.
      this.entries.delete(key);
      this.entries.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: Buffer): void {
    if (key.length > this.maxKeyLength) return;
    this.entries.delete(key);
    this.entries.set(key, answer);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The cached answer, or `compute()` serialized and kept. */
  through(key: string, compute: () => unknown): Buffer {
    let answer = this.get(key);
    if (answer === undefined) {
      answer = Buffer.from(JSON.stringify(compute()));
      this.set(key, answer);
    }
    return answer;
  }
}
