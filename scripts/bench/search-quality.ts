/** Guide search quality (top-1/top-3 on the labelled queries) and its in-process cost. */
import { toSearchable } from '../../gateway/guides/catalogue';
import { evaluateQueries, GuideSearchIndex } from '../../gateway/guides/search';
import { benchmarkSearch } from '../../gateway/guides/search/measure';
import { demoGuides } from '../../gateway/seed/guides';
import queries from '../../test/fixtures/guide-queries.json';
import { record } from './figures';

export async function benchSearchQuality(): Promise<void> {
  console.log('\nGuide search quality and cost (in-process)');
  const guides = demoGuides.map((g) => toSearchable(g as never));
  const index = GuideSearchIndex.build(guides);
  const quality = evaluateQueries(index, queries as never);
  record('search top-1 accuracy', quality.top1, 'ratio');
  record('search top-3 accuracy', quality.top3, 'ratio');
  const small = benchmarkSearch(guides, queries as never, { totalQueries: 20_000 });
  const large = benchmarkSearch(guides, queries as never, { size: 1000, totalQueries: 20_000 });
  record(`search µs/query (${small.guides} guides)`, small.searchUsPerQuery, 'µs');
  record(`search µs/query (${large.guides} guides)`, large.searchUsPerQuery, 'µs', small.searchUsPerQuery);
  record('search index build (1,000 guides)', large.buildMs, 'ms');
}
