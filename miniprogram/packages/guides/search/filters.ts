/** The search page's filters as chips, and how they map to the API's query. */
import type { GuideFilters, WindowCode } from '../../../services/guides';

export const WINDOW_CHIPS: Array<{ code: WindowCode | ''; name: string }> = [
  { code: '', name: '全部' },
  { code: 'market_access', name: '市场准入' },
  { code: 'construction', name: '基本建设' },
  { code: 'agriculture', name: '农牧业' },
  { code: 'social_affairs', name: '社会事业' },
];

const WINDOW_CODES = WINDOW_CHIPS.map((c) => c.code).filter(Boolean) as WindowCode[];

/** Filters from the page's query (?q=&window=&lifeEvent=&online=&bookable=). */
export function filtersFromParams(params: Record<string, string>): GuideFilters {
  return {
    q: params.q ?? '',
    window: WINDOW_CODES.includes(params.window as WindowCode) ? (params.window as WindowCode) : undefined,
    lifeEvent: params.lifeEvent || undefined,
    online: params.online === 'true' || undefined,
    bookable: params.bookable === 'true' || undefined,
  };
}
