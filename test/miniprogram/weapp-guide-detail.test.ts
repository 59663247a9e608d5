/** @jest-environment jsdom */
/**
 * The built weapp guide detail page (a subPackage page) in WeChat's own renderer: the guide's
 * facts, materials checklist, steps and places; WeChat's map and the book/apply buttons.
 */
import { ensureMiniprogramBuilt } from '../../scripts/build-miniprogram';
import { renderBuiltWeappPage, type RenderedWeappPage } from '../support/weapp-simulate';
import { guideDetail } from './fixtures/guides';

jest.setTimeout(180_000);

const GUIDE = guideDetail('食品经营许可');
let page: RenderedWeappPage;

beforeAll(async () => {
  const distDir = await ensureMiniprogramBuilt('weapp');
  page = await renderBuiltWeappPage(distDir, 'packages/guides/detail/index', {
    query: { code: GUIDE.code },
    respond: (request) =>
      request.url.endsWith(`/api/v1/guides/${GUIDE.code}`)
        ? { statusCode: 200, data: GUIDE }
        : { statusCode: 404, data: { error: { code: 'route.not_found', message: '接口不存在' } } },
  });
  await page.waitUntil(() => page.text().includes('办理要点'), 'the guide to render');
});

afterAll(() => page?.unmount());

test('loads the guide named in the page query over https', () => {
  expect(page.requests.map((r) => r.url)).toEqual([`https://onewindow.example.gov.cn/api/v1/guides/${GUIDE.code}`]);
});

test('shows facts, conditions, materials, steps, places and FAQs', () => {
  const text = page.text();
  for (const expected of [GUIDE.name, '承诺办结时限', `${GUIDE.promisedTimeLimitDays}个工作日`, '跑动次数', '不收费', '申请条件', '申请材料', '办理流程', '办理地点和时间', '常见问题']) {
    expect(text).toContain(expected);
  }
  for (const m of GUIDE.materials) expect(text).toContain(m.name);
  expect(text).toContain(GUIDE.faqs[0]!.question);
  expect(text).toContain('周一至周五 上午09:00-12:00 下午14:30-17:30');
  expect(page.byClass('ow-materials__item')).toHaveLength(GUIDE.materials.length);
});

test('ticking a required material counts it', async () => {
  const required = GUIDE.materials.filter((m) => m.required).length;
  expect(page.text()).toContain(`必需材料已备 0/${required}`);
  await page.tapElement(page.byClass('ow-materials__main')[0]!);
  await page.waitUntil(() => page.text().includes(`必需材料已备 1/${required}`), 'the checklist to count the tick');
});

test("the map opens WeChat's own map at the hall; the buttons lead to booking and applying", async () => {
  await page.tap('查看地图');
  expect(page.calls.find((c) => c.api === 'openLocation')?.options).toMatchObject({ latitude: 39.8652, longitude: 111.2403, name: '准格尔旗政务服务中心' });
  await page.tap('预约办理');
  await page.tap('网上申报');
  expect(page.navigations.map((n) => n.url)).toEqual([
    `/packages/booking/new/index?guide=${GUIDE.code}`,
    `/packages/applications/apply/index?guide=${GUIDE.code}`,
  ]);
});
