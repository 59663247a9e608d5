/** Residents' guide look-ups: search in their own words, type-ahead, the full guide with where and when. */
import { GuideModel, type Guide } from '../../models/guide';
import { ServicePointModel } from '../../models/service-point';
import { notFound } from '../errors';
import { presentServicePoint } from '../service-points/presenter';
import { catalogue, type Catalogue } from './catalogue';
import { presentGuideDetail } from './presenter';
import type { SearchFilters } from './search';

export interface GuideSearch extends SearchFilters {
  q?: string;
  page: number;
  pageSize: number;
}

function search({ index, summaries }: Catalogue, query: GuideSearch) {
  const { q = '', page, pageSize, ...filters } = query;
  const found = index.search(q, { filters, offset: (page - 1) * pageSize, limit: pageSize });
  return { items: found.items.map((hit) => summaries.get(hit.code)!).filter(Boolean), total: found.total, page, pageSize };
}

/**
 * The search answer as JSON, serialized once per catalogue build for each `key` (the request's
 * query string, which alone decides `query`).
 */
export async function searchGuidesJson(query: GuideSearch, key: string): Promise<Buffer> {
  const cat = await catalogue();
  return cat.answers.search.through(key, () => search(cat, query));
}

export async function suggestGuides(q: string, limit: number) {
  const { index } = await catalogue();
  return { items: index.suggest(q, limit) };
}

/** The whole guide with where and when; published guides come from the in-memory catalogue. */
export async function getGuide(code: string, options: { includeUnpublished?: boolean } = {}) {
  const cat = await catalogue();
  let guide = cat.guides.get(code);
  let points = cat.points;
  if (!guide && options.includeUnpublished) {
    guide = (await GuideModel.findOne({ code }).lean()) ?? undefined;
    const found = await ServicePointModel.find({ code: { $in: guide?.handledAt.map((h) => h.point!) ?? [] }, active: true }).lean();
    points = new Map(found.map((p) => [p.code, presentServicePoint(p)]));
  }
  if (!guide) throw notFound('guide.not_found', '未找到该办事事项');
  return withWhereAndWhen(guide, points);
}

/** A published guide as JSON, serialized once per catalogue build for each `key` (the code as requested). */
export async function getGuideJson(code: string, key: string): Promise<Buffer> {
  const cat = await catalogue();
  return cat.answers.detail.through(key, () => {
    const guide = cat.guides.get(code);
    if (!guide) throw notFound('guide.not_found', '未找到该办事事项');
    return withWhereAndWhen(guide, cat.points);
  });
}

function withWhereAndWhen(guide: Guide, points: Catalogue['points']) {
  const where = guide.handledAt
    .map((h) => {
      const p = points.get(h.point!);
      if (!p) return undefined;
      const windows = p.windows.filter((w) => h.windows.includes(w.code));
      return { code: p.code, name: p.name, level: p.level, address: p.address, phone: p.phone, openingHours: p.openingHours, location: p.location, windows };
    })
    .filter((p): p is NonNullable<typeof p> => Boolean(p));
  return presentGuideDetail(guide, where);
}

/** Life events (主题) with how many published guides each has, for the home page. */
export async function listLifeEvents() {
  const { summaries } = await catalogue();
  const counts = new Map<string, number>();
  for (const s of summaries.values()) for (const e of s.lifeEvents) counts.set(e, (counts.get(e) ?? 0) + 1);
  return { items: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ name, count })) };
}
