/**
 * Search quality floor over resident-style queries (test/fixtures/guide-queries.json): the demo
 * catalogue, the default phrase dictionary, every query as typed. Floors sit a few points below
 * what the engine measures, so a change that makes residents find less fails here with the list
 * of queries that went wrong.
 */
import { GuideSearchIndex, evaluateQueries, toSearchableGuide, type EvaluationMiss } from '../../../gateway/guides/search';
import { demoGuides } from '../../../gateway/seed/guides';
import queries from '../../fixtures/guide-queries.json';

/** Every expected guide among the first three results (measured: 0.996). */
const TOP3_FLOOR = 0.96;
/** An expected guide first (measured: 0.985). */
const TOP1_FLOOR = 0.93;

const index = GuideSearchIndex.build(demoGuides.map(toSearchableGuide));
const nameOf = new Map(demoGuides.map((g) => [g.code, g.name]));
const result = evaluateQueries(index, queries);

function describeMisses(misses: EvaluationMiss[]): string {
  const names = (codes: string[]) => codes.map((c) => nameOf.get(c) ?? c).join(', ');
  return misses.map((m) => `  ${m.q}\n    expected: ${names(m.expect)}\n    got:      ${names(m.got) || '(nothing)'}`).join('\n');
}

describe('guide search quality', () => {
  it('evaluates every fixture query, each expecting guides of the demo catalogue', () => {
    expect(result.total).toBe(queries.length);
    expect(queries.length).toBeGreaterThanOrEqual(158);
    const unknown = queries.flatMap((q) => q.expect.filter((c) => !nameOf.has(c)).map((c) => `${q.q}: ${c}`));
    expect(unknown).toEqual([]);
  });

  it(`finds every expected guide in the first three results for at least ${TOP3_FLOOR * 100}% of queries`, () => {
    if (result.top3 < TOP3_FLOOR) {
      throw new Error(
        `top-3 accuracy ${(result.top3 * 100).toFixed(1)}% is below ${TOP3_FLOOR * 100}%; misses:\n${describeMisses(result.misses)}`,
      );
    }
    expect(result.top3).toBeGreaterThanOrEqual(TOP3_FLOOR);
  });

  it(`puts an expected guide first for at least ${TOP1_FLOOR * 100}% of queries`, () => {
    if (result.top1 < TOP1_FLOOR) {
      const firstWrong = queries
        .map((q) => ({ ...q, got: index.search(q.q, { limit: 3 }).items.map((i) => i.code) }))
        .filter((q) => !q.expect.includes(q.got[0] ?? ''));
      throw new Error(
        `top-1 accuracy ${(result.top1 * 100).toFixed(1)}% is below ${TOP1_FLOOR * 100}%; first result wrong for:\n${describeMisses(firstWrong)}`,
      );
    }
    expect(result.top1).toBeGreaterThanOrEqual(TOP1_FLOOR);
  });
});
