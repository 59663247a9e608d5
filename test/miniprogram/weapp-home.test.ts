/** @jest-environment jsdom */
/**
 * The built weapp home page, rendered by WeChat's own template compiler: what a resident sees and
 * that a tap reaches the React handler.
 */
import { ensureMiniprogramBuilt } from '../../scripts/build-miniprogram';
import { renderBuiltWeappPage, type RenderedWeappPage } from '../support/weapp-simulate';

jest.setTimeout(180_000);

const META = {
  name: '一窗通办',
  center: '准格尔旗政务服务中心',
  windows: [{ code: 'market_access', name: '市场准入' }],
};

let page: RenderedWeappPage;

beforeAll(async () => {
  const distDir = await ensureMiniprogramBuilt('weapp');
  page = await renderBuiltWeappPage(distDir, 'pages/index/index', {
    respond: (request) => (request.url.endsWith('/api/v1/meta') ? { statusCode: 200, data: META } : { statusCode: 404, data: {} }),
  });
  await page.waitUntil(() => page.text().includes('政策通知'), 'the home page to render');
});

afterAll(() => page?.unmount());

test('shows the header, the single windows, the service areas and the quick entries', () => {
  const text = page.text();
  for (const expected of ['一窗通办', '让数据多跑路，让群众少跑腿', '您的事儿，我来办']) expect(text).toContain(expected);
  for (const window of ['市场准入', '基本建设', '农牧业产业发展', '社会事业']) expect(text).toContain(window);
  for (const area of ['集中缴费区', '中介服务区']) expect(text).toContain(area);
  for (const entry of ['预约办事', '办件查询', '投诉建议', '政策通知']) expect(text).toContain(entry);
});

test('draws the NutUI icons as <view>s, which WeChat can render (it has no <i>)', () => {
  const icons = Array.from(page.root.querySelectorAll('*')).filter((el) =>
    Array.from(el.classList).some((name) => name.endsWith('nut-icon')),
  );
  expect(icons.length).toBeGreaterThanOrEqual(10);
  for (const icon of icons) expect(icon.tagName.toLowerCase()).toBe('wx-view');
});

test('asks the gateway for the center facts over https and shows the center name', async () => {
  await page.waitUntil(() => page.text().includes('准格尔旗政务服务中心'), 'the center name from /api/v1/meta');
  expect(page.requests.map((r) => [r.method ?? 'GET', r.url])).toContainEqual([
    'GET',
    'https://onewindow.example.gov.cn/api/v1/meta',
  ]);
});

test('tapping a quick entry reaches its handler', async () => {
  await page.tap('投诉建议');
  await page.waitUntil(() => page.toasts.length > 0, 'a toast');
  expect(page.toasts.map((t) => t.title)).toEqual(['投诉建议即将开放']);
});
