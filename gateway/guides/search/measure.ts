/**
 * Performance measurement helpers (for a benchmark script, never for tests: timing assertions
 * are flaky). A synthetic catalogue of any size is made from real guides by repeating them with
 * varied names and codes, the way real catalogues hold variants of one item (延续, 变更, 注销...).
 */
import { GuideSearchIndex } from './index';
import type { SearchableGuide, SynonymDictionary } from './types';

const VARIANTS = [
  '',
  '（延续）',
  '（变更）',
  '（注销）',
  '（补办）',
  '（苏木乡镇受理）',
  '（告知承诺制）',
  '（跨省通办）',
  '（容缺受理）',
  '（首次申请）',
  '（分支机构）',
  '（重新核发）',
  '（网上办理）',
  '（加急办理）',
  '（委托代办）',
  '（依申请）',
];

/** `size` guides: the base guides repeated with name variants and unique codes. */
export function syntheticCatalogue(base: readonly SearchableGuide[], size = 1000): SearchableGuide[] {
  const out: SearchableGuide[] = [];
  for (let round = 0; out.length < size; round++) {
    const variant = VARIANTS[round % VARIANTS.length]!;
    const lap = Math.floor(round / VARIANTS.length);
    for (const g of base) {
      if (out.length >= size) break;
      out.push({
        ...g,
        code: round === 0 ? g.code : `${g.code}-${round}`,
        name: `${g.name}${variant}${lap > 0 ? `（${lap + 1}）` : ''}`,
      });
    }
  }
  return out;
}

const nowUs = (): number => Number(process.hrtime.bigint()) / 1000;

/** Average microseconds per `search` over `rounds` passes of `queries` (after one warm-up pass). */
export function measureSearch(
  index: GuideSearchIndex,
  queries: ReadonlyArray<string | { q: string }>,
  rounds = 1,
  limit = 10,
): number {
  const qs = queries.map((q) => (typeof q === 'string' ? q : q.q));
  if (qs.length === 0 || rounds <= 0) return 0;
  for (const q of qs) index.search(q, { limit });
  const start = nowUs();
  for (let r = 0; r < rounds; r++) for (const q of qs) index.search(q, { limit });
  return (nowUs() - start) / (qs.length * rounds);
}

/** Average microseconds per `suggest` over every prefix of every query (after one warm-up pass). */
export function measureSuggest(index: GuideSearchIndex, queries: ReadonlyArray<string | { q: string }>, rounds = 1): number {
  const prefixes: string[] = [];
  for (const q of queries) {
    const s = typeof q === 'string' ? q : q.q;
    for (let i = 1; i <= s.length; i++) prefixes.push(s.slice(0, i));
  }
  if (prefixes.length === 0 || rounds <= 0) return 0;
  for (const p of prefixes) index.suggest(p);
  const start = nowUs();
  for (let r = 0; r < rounds; r++) for (const p of prefixes) index.suggest(p);
  return (nowUs() - start) / (prefixes.length * rounds);
}

/** Builds an index and reports how long it took, in milliseconds. */
export function measureBuild(
  guides: SearchableGuide[],
  dictionary?: SynonymDictionary,
): { index: GuideSearchIndex; ms: number } {
  const start = nowUs();
  const index = GuideSearchIndex.build(guides, dictionary);
  return { index, ms: (nowUs() - start) / 1000 };
}

export interface SearchBenchmark {
  guides: number;
  buildMs: number;
  searchUsPerQuery: number;
  /** Lazily built on first suggest: its build time is included here, not in buildMs. */
  suggestUsPerCall: number;
  queries: number;
}

/**
 * Builds an index over `guides` (or a synthetic catalogue of `size` made from them) and times
 * `queries` repeated until about `totalQueries` searches have run.
 */
export function benchmarkSearch(
  guides: readonly SearchableGuide[],
  queries: ReadonlyArray<string | { q: string }>,
  options: { size?: number; totalQueries?: number; dictionary?: SynonymDictionary } = {},
): SearchBenchmark {
  const catalogue = options.size ? syntheticCatalogue(guides, options.size) : [...guides];
  const { index, ms } = measureBuild(catalogue, options.dictionary);
  const rounds = Math.max(1, Math.ceil((options.totalQueries ?? 10_000) / Math.max(1, queries.length)));
  return {
    guides: index.size,
    buildMs: ms,
    searchUsPerQuery: measureSearch(index, queries, rounds),
    suggestUsPerCall: measureSuggest(index, queries, 1),
    queries: rounds * queries.length,
  };
}
