/** @jest-environment jsdom */
/** The built weapp guide search page (a subPackage page) in WeChat's own renderer. */
import { ensureMiniprogramBuilt } from '../../scripts/build-miniprogram';
import { renderBuiltWeappPage, type RenderedWeappPage } from '../support/weapp-simulate';
import { guideSummary } from './fixtures/guides';

jest.setTimeout(180_000);

const FOUND = [guideSummary('食品经营许可'), guideSummary('个体工商户登记')];
let page: RenderedWeappPage;

beforeAll(async () => {
  const distDir = await ensureMiniprogramBuilt('weapp');
  page = await renderBuiltWeappPage(distDir, 'packages/guides/search/index', {
    query: { q: encodeURIComponent('开饭店') },
    respond: (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/guides') return { statusCode: 200, data: { items: url.searchParams.get('window') ? [] : FOUND, total: FOUND.length, page: 1, pageSize: 10 } };
      return { statusCode: 404, data: { error: { code: 'route.not_found', message: '接口不存在' } } };
    },
  });
  await page.waitUntil(() => page.text().includes('共找到 2 个事项'), 'the results');
});

afterAll(() => page?.unmount());

test("searches the resident's words from the page query", () => {
  const url = new URL(page.requests[0]!.url);
  expect(url.origin).toBe('https://onewindow.example.gov.cn');
  expect(url.searchParams.get('q')).toBe('开饭店');
});

test('lists each guide with window, department and what matters at a glance', () => {
  const text = page.text();
  for (const guide of FOUND) {
    expect(text).toContain(guide.name);
    expect(text).toContain(guide.department);
  }
  for (const tag of ['可网办', '可预约', '不收费']) expect(text).toContain(tag);
  expect(text).toContain('没有更多了');
});

test('a window chip filters; a guide opens its detail page', async () => {
  await page.tap('社会事业');
  await page.waitUntil(() => page.text().includes('没有符合条件的事项') || page.text().includes('没有找到'), 'the empty state');
  expect(new URL(page.requests[page.requests.length - 1]!.url).searchParams.get('window')).toBe('social_affairs');
  await page.tap('全部');
  await page.waitUntil(() => page.text().includes('共找到 2 个事项'), 'the results again');
  await page.tap('食品经营许可');
  expect(page.navigations.map((n) => n.url)).toEqual([`/packages/guides/detail/index?code=${FOUND[0]!.code}`]);
});
