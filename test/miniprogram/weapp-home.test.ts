/** @jest-environment jsdom */
/**
 * The built weapp home page, rendered by WeChat's own template compiler: what a resident sees, and
 * that taps reach the React handlers (navigation to the subPackage pages).
 */
import { ensureMiniprogramBuilt } from '../../scripts/build-miniprogram';
import { renderBuiltWeappPage, type RenderedWeappPage } from '../support/weapp-simulate';

jest.setTimeout(180_000);

const META = {
  name: '一窗通办',
  center: '准格尔旗政务服务中心',
  windows: [{ code: 'market_access', name: '市场准入' }],
};

const NOTICES = {
  items: [{ id: 'n1', title: '2026年城乡居民医保集中缴费通知', excerpt: '…', audience: { type: 'topic', topic: 'social_security', topicName: '社保医保', township: null }, publishedAt: '2026-03-01T02:00:00Z', publishedBy: null }],
  total: 1,
};

let page: RenderedWeappPage;

beforeAll(async () => {
  const distDir = await ensureMiniprogramBuilt('weapp');
  page = await renderBuiltWeappPage(distDir, 'pages/index/index', {
    respond: (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/meta') return { statusCode: 200, data: META };
      if (path === '/api/v1/notices') return { statusCode: 200, data: NOTICES };
      if (path === '/api/v1/life-events') return { statusCode: 200, data: { items: [{ name: '开办企业', count: 9 }, { name: '户籍', count: 5 }] } };
      return { statusCode: 404, data: { error: { code: 'route.not_found', message: '接口不存在' } } };
    },
  });
  await page.waitUntil(() => page.text().includes('政策通知'), 'the home page to render');
});

afterAll(() => page?.unmount());

test('shows the header, the single windows, the service areas and the quick entries', () => {
  const text = page.text();
  for (const expected of ['一窗通办', '让数据多跑路，让群众少跑腿', '您的事儿，我来办', '工作人员入口']) expect(text).toContain(expected);
  for (const window of ['市场准入', '基本建设', '农牧业产业发展', '社会事业']) expect(text).toContain(window);
  for (const area of ['集中缴费区', '中介服务区']) expect(text).toContain(area);
  for (const entry of ['预约办事', '办件查询', '投诉建议', '政策通知', '服务网点', '我的预约', '我的办件']) expect(text).toContain(entry);
});

test('draws the NutUI icons as <view>s, which WeChat can render (it has no <i>)', () => {
  const icons = Array.from(page.root.querySelectorAll('*')).filter((el) => Array.from(el.classList).some((name) => name.endsWith('nut-icon')));
  expect(icons.length).toBeGreaterThanOrEqual(10);
  for (const icon of icons) expect(icon.tagName.toLowerCase()).toBe('wx-view');
});

test('asks the gateway over https for the center, the life events and the latest notices', async () => {
  await page.waitUntil(() => page.text().includes('准格尔旗政务服务中心'), 'the center name from /api/v1/meta');
  await page.waitUntil(() => page.text().includes('2026年城乡居民医保集中缴费通知'), 'the latest notice');
  await page.waitUntil(() => page.text().includes('开办企业'), 'the life events');
  const urls = page.requests.map((r) => `${r.method ?? 'GET'} ${r.url}`);
  expect(urls).toContain('GET https://onewindow.example.gov.cn/api/v1/meta');
  expect(urls).toContain('GET https://onewindow.example.gov.cn/api/v1/notices?page=1&pageSize=3');
});

test('tapping quick entries, a window and a life event opens their pages', async () => {
  await page.tap('投诉建议');
  await page.tap('办件查询');
  await page.tap('社会事业');
  await page.tap('开办企业');
  expect(page.navigations.map((n) => n.url)).toEqual([
    '/packages/complaints/new/index',
    '/packages/applications/status/index',
    '/packages/guides/search/index?window=social_affairs',
    `/packages/guides/search/index?lifeEvent=${encodeURIComponent('开办企业')}`,
  ]);
});

test('the age-friendly switch turns the page into large buttons', async () => {
  await page.tap('长辈版');
  await page.waitUntil(() => page.byClass('ow-page--elder').length > 0, 'the age-friendly class');
  expect(page.text()).toContain('查办事指南');
  await page.tap('标准版');
  await page.waitUntil(() => page.byClass('ow-page--elder').length === 0, 'the standard mode');
});
