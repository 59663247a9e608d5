/**
 * Scoring constants. Each field is scored BM25-style on its own (own IDF, own length
 * normalisation, so that 身份证 being in every guide's materials does not make it worthless in
 * names), the per-field values are precomputed at build time and summed per term into one
 * posting list; a query only multiplies by its term weights and adds up.
 */

export interface FieldSpec {
  /** Weight of a whole-word match in this field. */
  weight: number;
  /**
   * BM25 term-frequency saturation. Keyword-like fields are bags of alternative phrasings: a word
   * repeated in five of them (公司) is not five times as telling, so they saturate early.
   */
  k1: number;
  /** BM25 length normalisation. Bag-of-phrases fields (keywords) get a low b. */
  b: number;
  /** Weight of a character-bigram match in this field (0: no bigrams indexed). */
  bigram: number;
}

export const FIELDS = {
  name: { weight: 3, k1: 1.2, b: 0.5, bigram: 1.2 },
  /** Keywords and the colloquial phrases (synonyms.json) resolved to the guide, as one bag. */
  keywords: { weight: 2, k1: 0.5, b: 0.3, bigram: 0.8 },
  lifeEvents: { weight: 0.8, k1: 0.5, b: 0.3, bigram: 0 },
  department: { weight: 0.4, k1: 0.5, b: 0.3, bigram: 0 },
  materials: { weight: 0.25, k1: 0.8, b: 0.5, bigram: 0 },
} satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;

/** A whole name / keyword / colloquial phrase / life event found verbatim in the query. */
export const PHRASE_WEIGHTS = {
  name: 4,
  keyword: 3,
  /** Times the resolution weight of the phrase for that guide (see synonyms.ts). */
  say: 3,
  lifeEvent: 1,
};

/** Query-side weights. */
export const QUERY_WEIGHTS = {
  word: 1,
  /** One-character words (卖, 证, 批) say little. */
  singleChar: 0.4,
  /** Dictionary words inside a longer, unknown query word. */
  subWord: 0.5,
  /** Dictionary words inside a longer known query word (小吃 in 小吃店). */
  subWordOfKnown: 0.2,
  /** Characters of an unknown word that has no known part (牛羊 → 牛, 羊). */
  unknownWordChar: 0.3,
  bigram: 0.35,
  /** Text found through pinyin (homophone typos: 结昏 → 结婚). */
  correction: 0.8,
  /** Less likely readings of typed pinyin / initials. */
  alternative: 0.6,
};

/**
 * Coordination: a guide matching only some of the query's content words keeps
 * 1 - COORDINATION × (share of content words missed) of its score.
 */
export const COORDINATION = 0.5;

/** Results scoring below this are not returned (nonsense queries return nothing). */
export const MIN_SCORE = 4;
/** Nor those scoring below this fraction of the best result. */
export const RELATIVE_CUTOFF = 0.1;

export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** BM25 term-frequency saturation with length normalisation. */
export function saturate(tf: number, len: number, avgLen: number, k1: number, b: number): number {
  const norm = 1 - b + b * (avgLen > 0 ? len / avgLen : 1);
  return (tf * (k1 + 1)) / (tf + k1 * norm);
}
