/**
 * Posting lists: for one term, the guides (dense ids, ascending) containing it and the precomputed
 * score contribution for each.
 */

export interface Postings {
  docs: Int32Array;
  vals: Float32Array;
}

/**
 * Contributions below this are not stored: a word in every guide's materials (身份证) has an IDF
 * near zero there, and storing it would only make queries walk a posting per guide for nothing.
 */
export const MIN_CONTRIBUTION = 0.01;

/** Accumulates contributions (several fields may add to the same guide), in any order. */
export class PostingsBuilder<K> {
  private readonly lists = new Map<K, { docs: number[]; vals: number[]; sorted: boolean }>();

  add(key: K, doc: number, val: number): void {
    if (!(val >= MIN_CONTRIBUTION)) return;
    let list = this.lists.get(key);
    if (!list) {
      list = { docs: [], vals: [], sorted: true };
      this.lists.set(key, list);
    }
    const last = list.docs.length - 1;
    if (last >= 0 && list.docs[last]! >= doc) list.sorted = false;
    list.docs.push(doc);
    list.vals.push(val);
  }

  /** Posting lists by ascending guide, contributions to the same guide summed. */
  finish(): Map<K, Postings> {
    const out = new Map<K, Postings>();
    for (const [key, list] of this.lists) {
      if (list.sorted) {
        out.set(key, { docs: Int32Array.from(list.docs), vals: Float32Array.from(list.vals) });
        continue;
      }
      const order = list.docs.map((_, i) => i).sort((a, b) => list.docs[a]! - list.docs[b]!);
      const docs: number[] = [];
      const vals: number[] = [];
      for (const i of order) {
        const d = list.docs[i]!;
        if (docs.length > 0 && docs[docs.length - 1] === d) vals[vals.length - 1]! += list.vals[i]!;
        else {
          docs.push(d);
          vals.push(list.vals[i]!);
        }
      }
      out.set(key, { docs: Int32Array.from(docs), vals: Float32Array.from(vals) });
    }
    return out;
  }
}
