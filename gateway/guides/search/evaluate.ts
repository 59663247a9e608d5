/**
 * Search quality over labelled resident queries (test/fixtures/guide-queries.json).
 *
 * - top1: the first result is one of the expected guides;
 * - top3: every expected guide (at most three) is among the first three results.
 */
import type { GuideSearchIndex } from './index';

export interface LabelledQuery {
  q: string;
  /** Codes of the guides the query should find. */
  expect: string[];
}

export interface EvaluationMiss {
  q: string;
  expect: string[];
  /** The first results (up to five). */
  got: string[];
}

export interface Evaluation {
  /** Fraction of queries whose first result is expected. */
  top1: number;
  /** Fraction of queries with every expected guide in the first three. */
  top3: number;
  total: number;
  /** Queries failing top3. */
  misses: EvaluationMiss[];
}

export function evaluateQueries(index: GuideSearchIndex, queries: LabelledQuery[]): Evaluation {
  let top1 = 0;
  let top3 = 0;
  const misses: EvaluationMiss[] = [];
  for (const { q, expect } of queries) {
    const got = index.search(q, { limit: 5 }).items.map((i) => i.code);
    if (got.length > 0 && expect.includes(got[0]!)) top1++;
    const first3 = got.slice(0, 3);
    if (expect.length > 0 && expect.slice(0, 3).every((c) => first3.includes(c))) top3++;
    else misses.push({ q, expect, got });
  }
  const total = queries.length;
  return { top1: total ? top1 / total : 0, top3: total ? top3 / total : 0, total, misses };
}
