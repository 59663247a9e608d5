/**
 * GuideSearchIndex: pure, in-memory search over service guides (办事指南) the way residents type
 * — Chinese in their own words, full pinyin, initials, homophone and wrong-character typos,
 * question words and filler. Build once per catalogue (everything is precomputed); each query
 * touches only the postings of its own terms and reuses the index's scratch buffers, so an index
 * must not be searched from two threads at once (JavaScript never does).
 */
import { buildIndexData, type IndexData } from './build';
import { normalizeText } from './normalize';
import type { Postings } from './postings';
import { QueryPlanner } from './query';
import { COORDINATION, MIN_SCORE, RELATIVE_CUTOFF } from './scoring';
import { Suggester } from './suggest';
import { defaultDictionary } from './synonyms';
import type { SearchableGuide, SearchFilters, SearchOptions, SearchResult, Suggestion, SynonymDictionary } from './types';

export type {
  SearchableGuide,
  SearchFilters,
  SearchHit,
  SearchOptions,
  SearchResult,
  Suggestion,
  SynonymDictionary,
  SynonymPhrase,
} from './types';
export { evaluateQueries, type Evaluation, type EvaluationMiss, type LabelledQuery } from './evaluate';
export { toSearchableGuide, type GuideLike } from './searchable';

export const DEFAULT_LIMIT = 20;
export const DEFAULT_SUGGEST_LIMIT = 8;

interface CompiledFilter {
  window: number;
  lifeEvent: Uint8Array | undefined;
  point: Uint8Array | undefined;
  /** -1: either. */
  online: number;
  bookable: number;
}

function bitCount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class GuideSearchIndex {
  readonly size: number;
  private readonly planner: QueryPlanner;
  private readonly scores: Float64Array;
  private readonly stamps: Uint32Array;
  private stamp = 0;
  private readonly touched: Int32Array;
  /** Per guide: bit set of the query's content words it matched. */
  private readonly masks: Int32Array;
  private readonly hits: Int32Array;
  private suggester: Suggester | undefined;

  private constructor(private readonly data: IndexData) {
    this.size = data.size;
    this.planner = new QueryPlanner(data);
    this.scores = new Float64Array(data.size);
    this.stamps = new Uint32Array(data.size);
    this.touched = new Int32Array(data.size);
    this.masks = new Int32Array(data.size);
    this.hits = new Int32Array(data.size);
  }

  static build(guides: SearchableGuide[], dictionary: SynonymDictionary = defaultDictionary): GuideSearchIndex {
    return new GuideSearchIndex(buildIndexData(guides, dictionary));
  }

  /** Best match first; with an empty/blank q, every guide matching the filters, ordered by window then name. */
  search(q: string, options: SearchOptions = {}): SearchResult {
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const filter = this.compileFilter(options.filters);
    if (!filter) return { items: [], total: 0 };
    const norm = normalizeText(q ?? '');
    if (!norm) return this.list(filter, offset, limit);

    this.planner.plan(norm);
    const touchedCount = this.accumulate();
    const scores = this.scores;
    const units = this.planner.units.size;
    if (units > 1) {
      const masks = this.masks;
      for (let i = 0; i < touchedCount; i++) {
        const d = this.touched[i]!;
        scores[d]! *= 1 - COORDINATION * (1 - bitCount(masks[d]!) / units);
      }
    }
    let top = 0;
    for (let i = 0; i < touchedCount; i++) {
      const d = this.touched[i]!;
      if (scores[d]! > top && this.passes(d, filter)) top = scores[d]!;
    }
    const cutoff = Math.max(MIN_SCORE, top * RELATIVE_CUTOFF);
    let total = 0;
    const hits = this.hits;
    for (let i = 0; i < touchedCount; i++) {
      const d = this.touched[i]!;
      if (scores[d]! >= cutoff && this.passes(d, filter)) hits[total++] = d;
    }
    if (total === 0) return { items: [], total: 0 };
    const page = this.topK(total, Math.min(total, offset + limit));
    const items = [];
    for (let i = offset; i < page.length; i++) {
      const d = page[i]!;
      items.push({ code: this.data.codes[d]!, score: Math.round(scores[d]! * 1000) / 1000 });
    }
    return { items, total };
  }

  /** Type-ahead: up to `limit` guides whose name/keyword/pinyin/initials start with or contain what was typed so far. */
  suggest(q: string, limit: number = DEFAULT_SUGGEST_LIMIT): Suggestion[] {
    if (!normalizeText(q ?? '') || limit <= 0) return [];
    this.suggester ??= new Suggester(this.data);
    let docs = this.suggester.suggest(q, limit);
    if (docs.length === 0) {
      // Nothing starts with it (a typo, a colloquial sentence): fall back to the search ranking.
      const codes = this.search(q, { limit }).items.map((i) => i.code);
      docs = codes.map((c) => this.data.codes.indexOf(c));
    }
    return docs.map((d) => ({ code: this.data.codes[d]!, name: this.data.names[d]! }));
  }

  private list(filter: CompiledFilter, offset: number, limit: number): SearchResult {
    const items = [];
    let total = 0;
    for (const d of this.data.listOrder) {
      if (!this.passes(d, filter)) continue;
      if (total >= offset && items.length < limit) items.push({ code: this.data.codes[d]!, score: 0 });
      total++;
    }
    return { items, total };
  }

  /** The best `k` of the first `total` hits, in order (score, then listing order). */
  private topK(total: number, k: number): Int32Array {
    const hits = this.hits;
    const scores = this.scores;
    const rank = this.data.rank;
    const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && rank[a]! < rank[b]!);
    if (k <= 0) return hits.subarray(0, 0);
    if (k > 64) return hits.subarray(0, total).sort((a, b) => scores[b]! - scores[a]! || rank[a]! - rank[b]!).subarray(0, k);
    // Insertion into a sorted prefix of `hits` of length k: cheap for the usual k (a page).
    let size = 0;
    for (let i = 0; i < total; i++) {
      const d = hits[i]!;
      if (size === k && !better(d, hits[k - 1]!)) continue;
      let j = size < k ? size++ : k - 1;
      while (j > 0 && better(d, hits[j - 1]!)) {
        hits[j] = hits[j - 1]!;
        j--;
      }
      hits[j] = d;
    }
    return hits.subarray(0, size);
  }

  /** Adds up the contributions of every term of the current plan; returns how many guides were touched. */
  private accumulate(): number {
    let stamp = ++this.stamp;
    if (stamp >= 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = stamp = 1;
    }
    let count = 0;
    const { phrases, words, bigrams } = this.data;
    for (const [id, w] of this.planner.phrases) count = this.add(phrases[id]!.postings, w, stamp, count);
    const units = this.planner.units;
    for (const [t, w] of this.planner.words) {
      const p = words.get(t);
      if (!p) continue;
      count = this.add(p, w, stamp, count);
      const unit = units.get(t);
      if (unit !== undefined) {
        const bit = 1 << unit;
        for (let i = 0; i < p.docs.length; i++) this.masks[p.docs[i]!]! |= bit;
      }
    }
    for (const [k, w] of this.planner.bigrams) {
      const p = bigrams.get(k);
      if (p) count = this.add(p, w, stamp, count);
    }
    return count;
  }

  private add(p: Postings, weight: number, stamp: number, count: number): number {
    const { docs, vals } = p;
    const scores = this.scores;
    const stamps = this.stamps;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      if (stamps[d] !== stamp) {
        stamps[d] = stamp;
        scores[d] = 0;
        this.masks[d] = 0;
        this.touched[count++] = d;
      }
      scores[d]! += weight * vals[i]!;
    }
    return count;
  }

  /** Null when the filters cannot match anything (unknown window, life event or point). */
  private compileFilter(filters: SearchFilters | undefined): CompiledFilter | null {
    const f: CompiledFilter = { window: -1, lifeEvent: undefined, point: undefined, online: -1, bookable: -1 };
    if (!filters) return f;
    if (filters.window) {
      const id = this.data.windowIds.get(filters.window);
      if (id === undefined) return null;
      f.window = id;
    }
    if (filters.lifeEvent) {
      f.lifeEvent = this.data.lifeEventDocs.get(filters.lifeEvent);
      if (!f.lifeEvent) return null;
    }
    if (filters.point) {
      f.point = this.data.pointDocs.get(filters.point);
      if (!f.point) return null;
    }
    if (typeof filters.online === 'boolean') f.online = filters.online ? 1 : 0;
    if (typeof filters.bookable === 'boolean') f.bookable = filters.bookable ? 1 : 0;
    return f;
  }

  private passes(d: number, f: CompiledFilter): boolean {
    return (
      (f.window < 0 || this.data.windowOf[d] === f.window) &&
      (!f.lifeEvent || f.lifeEvent[d] === 1) &&
      (!f.point || f.point[d] === 1) &&
      (f.online < 0 || this.data.online[d] === f.online) &&
      (f.bookable < 0 || this.data.bookable[d] === f.bookable)
    );
  }
}
