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

/** Accumulates contributions doc by doc (ascending), merging several fields of the same doc. */
export class PostingsBuilder<K> {
  private readonly lists = new Map<K, { docs: number[]; vals: number[] }>();

  add(key: K, doc: number, val: number): void {
    if (!(val >= MIN_CONTRIBUTION)) return;
    let list = this.lists.get(key);
    if (!list) {
      list = { docs: [], vals: [] };
      this.lists.set(key, list);
    }
    const last = list.docs.length - 1;
    if (last >= 0 && list.docs[last] === doc) list.vals[last]! += val;
    else {
      list.docs.push(doc);
      list.vals.push(val);
    }
  }

  finish(): Map<K, Postings> {
    const out = new Map<K, Postings>();
    for (const [key, list] of this.lists) {
      out.set(key, { docs: Int32Array.from(list.docs), vals: Float32Array.from(list.vals) });
    }
    return out;
  }
}
