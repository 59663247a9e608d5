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
/** Longer queries are cut (normalised characters): nobody types more, and work stays bounded. */
export const MAX_QUERY_LENGTH = 100;

interface CompiledFilter {
  window: number;
  lifeEvent: Uint8Array | undefined;
  point: Uint8Array | undefined;
  /** -1: either. */
  online: number;
  bookable: number;
}

/**
 * Mask bit set for guides matched by more than single characters (a phrase, a word of two
 * characters or more, a character bigram): 不 or 做 alone do not make a result.
 */
const STRONG = 1 << 30;

function wholeNumber(n: number | undefined, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : fallback;
}

function bitCount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export class GuideSearchIndex {
  readonly size: number;
  private readonly planner: QueryPlanner;
  private readonly scores: Float64Array;
  private readonly stamps: Uint32Array;
  private stamp = 0;
  private readonly touched: Int32Array;
  /** Per guide: which of the query's content words it matched (bits 0-29), and STRONG. */
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
    const offset = wholeNumber(options.offset, 0);
    const limit = wholeNumber(options.limit, DEFAULT_LIMIT);
    const filter = this.compileFilter(options.filters);
    if (!filter) return { items: [], total: 0 };
    const text = q ?? '';
    if (!text.trim()) return this.list(filter, offset, limit);
    // Punctuation only ("？？", "!!!") is a query for nothing, not a blank one.
    const norm = normalizeText(text.length > MAX_QUERY_LENGTH * 2 ? text.slice(0, MAX_QUERY_LENGTH * 2) : text).slice(0, MAX_QUERY_LENGTH);
    if (!norm) return { items: [], total: 0 };

    this.planner.plan(norm);
    const touchedCount = this.accumulate();
    const scores = this.scores;
    const masks = this.masks;
    const units = this.planner.units.size;
    let top = 0;
    for (let i = 0; i < touchedCount; i++) {
      const d = this.touched[i]!;
      const mask = masks[d]!;
      if (!(mask & STRONG)) {
        scores[d] = 0;
        continue;
      }
      // Coordination: matching only some of the query's content words costs.
      if (units > 1) scores[d]! *= 1 - COORDINATION * (1 - bitCount(mask & ~STRONG) / units);
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
    const text = (q ?? '').slice(0, MAX_QUERY_LENGTH);
    if (!normalizeText(text) || !(limit > 0)) return [];
    this.suggester ??= new Suggester(this.data);
    const docs = this.suggester.suggest(text, limit);
    if (docs.length > 0) return docs.map((d) => ({ code: this.data.codes[d]!, name: this.data.names[d]! }));
    // Nothing starts with it (a typo, a colloquial sentence): fall back to the search ranking.
    return this.search(text, { limit }).items.map((i) => ({ code: i.code, name: this.data.names[this.data.docByCode.get(i.code)!]! }));
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
    for (const [id, w] of this.planner.phrases) count = this.add(phrases[id]!.postings, w, stamp, count, STRONG);
    const units = this.planner.units;
    for (const [t, w] of this.planner.words) {
      const p = words.get(t);
      if (!p) continue;
      const unit = units.get(t);
      count = this.add(p, w, stamp, count, (t.length > 1 ? STRONG : 0) | (unit === undefined ? 0 : 1 << unit));
    }
    for (const [k, w] of this.planner.bigrams) {
      const p = bigrams.get(k);
      if (p) count = this.add(p, w, stamp, count, STRONG);
    }
    return count;
  }

  /** Adds one term's postings; `bits` are or-ed into the mask of every guide it touches. */
  private add(p: Postings, weight: number, stamp: number, count: number, bits: number): number {
    const { docs, vals } = p;
    const scores = this.scores;
    const stamps = this.stamps;
    const masks = this.masks;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      if (stamps[d] !== stamp) {
        stamps[d] = stamp;
        scores[d] = 0;
        masks[d] = 0;
        this.touched[count++] = d;
      }
      scores[d]! += weight * vals[i]!;
      masks[d]! |= bits;
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
