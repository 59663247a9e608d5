/**
 * Tries for finding known phrases inside a query without cutting substrings: one over characters
 * (names, keywords, colloquial phrases found verbatim), one over pinyin syllables (the same
 * vocabulary plus dictionary words, reached from typed pinyin or from homophone typos). Edges
 * live in one Map keyed by `node * alphabet + symbol`.
 */
import { SYLLABLE_SPACE } from './pinyin';

const CHAR_SPACE = 65536;

export class CharTrie {
  private readonly edges = new Map<number, number>();
  private readonly values: number[] = [-1];
  private longest = 0;

  /** Longest inserted key, in characters. */
  get maxLength(): number {
    return this.longest;
  }

  insert(key: string, value: number): void {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const edge = node * CHAR_SPACE + key.charCodeAt(i);
      let next = this.edges.get(edge);
      if (next === undefined) {
        next = this.values.length;
        this.values.push(-1);
        this.edges.set(edge, next);
      }
      node = next;
    }
    this.values[node] = value;
    if (key.length > this.longest) this.longest = key.length;
  }

  /** Child of `node` by character code, or -1. The root is node 0. */
  child(node: number, code: number): number {
    return this.edges.get(node * CHAR_SPACE + code) ?? -1;
  }

  /** Value stored at a node, or -1. */
  valueAt(node: number): number {
    return this.values[node] ?? -1;
  }

  /** Exact lookup of a whole key, or -1. */
  get(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length && node >= 0; i++) node = this.child(node, key.charCodeAt(i));
    return node >= 0 ? this.valueAt(node) : -1;
  }
}

export class SyllableTrie {
  private readonly edges = new Map<number, number>();
  private readonly values: (number[] | undefined)[] = [undefined];

  insert(syllables: ArrayLike<number>, value: number): void {
    let node = 0;
    for (let i = 0; i < syllables.length; i++) {
      const edge = node * SYLLABLE_SPACE + syllables[i]!;
      let next = this.edges.get(edge);
      if (next === undefined) {
        next = this.values.length;
        this.values.push(undefined);
        this.edges.set(edge, next);
      }
      node = next;
    }
    const list = this.values[node];
    if (!list) this.values[node] = [value];
    else if (!list.includes(value)) list.push(value);
  }

  child(node: number, syllable: number): number {
    return this.edges.get(node * SYLLABLE_SPACE + syllable) ?? -1;
  }

  /** Values (phrase ids) ending at a node. */
  valuesAt(node: number): readonly number[] | undefined {
    return this.values[node];
  }
}
