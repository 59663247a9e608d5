/**
 * Resident journeys without an account, in Debian's Chromium against a real gateway serving the
 * built H5 app: home → search with type-ahead → guide detail; service points; notices; the public
 * status query; the age-friendly mode. Screenshots of each page go to test-artifacts/screenshots.
 */
import { saveScreenshot } from '../../support/browser';
import { createStaff } from '../../support/factories';
import { current, field, seen, startJourney, tap, waitForPath, type Journey } from './journey';

jest.setTimeout(240_000);

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('mp-guides');
});

afterAll(async () => {
  await journey?.stop();
});

test('home → search with type-ahead → guide detail with materials, steps and where to go', async () => {
  const { page, errors } = await journey.open('/');
  await current(page).getByText('准格尔旗政务服务中心', { exact: true }).waitFor();
  for (const text of ['市场准入', '基本建设', '农牧业产业发展', '社会事业', '预约办事', '办件查询', '投诉建议', '按主题办', '最新通知']) {
    await seen(page, text).waitFor();
  }
  await saveScreenshot(page, 'home');

  // Type-ahead offers guides while typing; the search runs the resident's own words.
  const box = field(page, '搜索办事事项，如“开饭店”“上户口”');
  await box.fill('营业执照');
  await current(page).locator('.ow-search-box__suggestion').first().waitFor();
  await box.fill('开饭店');
  await box.press('Enter');
  await waitForPath(page, '/packages/guides/search/index');
  await current(page).getByText(/共找到 \d+ 个事项/).waitFor();
  await current(page).getByText('食品经营许可', { exact: true }).waitFor();
  await saveScreenshot(page, 'guide-search');

  await tap(page, '食品经营许可');
  await waitForPath(page, '/packages/guides/detail/index');
  const detail = current(page);
  await detail.getByText('办理要点', { exact: true }).waitFor();
  for (const text of ['承诺办结时限', '跑动次数', '是否收费', '申请条件', '申请材料', '办理流程', '办理地点和时间', '常见问题', '准格尔旗政务服务中心']) {
    await detail.getByText(text, { exact: true }).first().waitFor();
  }
  await detail.getByText(/必需材料已备 0\/\d+/).waitFor();
  // Ticking a required material moves the checklist on.
  await detail.locator('.ow-materials__item').first().locator('.ow-materials__main').click();
  await detail.getByText(/必需材料已备 1\/\d+/).waitFor();
  // Where and when: hours and a map link with the hall's coordinates.
  await detail.getByText(/周一至周五 上午09:00-12:00 下午14:30-17:30/).first().waitFor();
  const mapLink = detail.locator('a.ow-point__map').first();
  expect(await mapLink.getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=111\.2403,39\.8652&name=/);
  await detail.getByText('预约办理', { exact: true }).waitFor();
  await detail.getByText('网上申报', { exact: true }).waitFor();
  await saveScreenshot(page, 'guide-detail');
  expect(errors).toEqual([]);
});

test('a window on the home page lists its guides; an unknown word gets a helpful empty state', async () => {
  const { page, errors } = await journey.open('/');
  await tap(page, '社会事业');
  await waitForPath(page, '/packages/guides/search/index');
  await current(page).locator('.ow-chip.is-active', { hasText: '社会事业' }).waitFor();
  await current(page).locator('.ow-guide-card').first().waitFor();
  const windows = await current(page).locator('.ow-guide-card__dept').allInnerTexts();
  expect(windows.length).toBeGreaterThan(0);
  for (const w of windows) expect(w).toMatch(/^社会事业/);

  await field(page, '搜索办事事项，如“开饭店”“上户口”').fill('zzqqxx不存在的事');
  await field(page, '搜索办事事项，如“开饭店”“上户口”').press('Enter');
  await current(page).getByText(/没有找到与“zzqqxx不存在的事”相关的事项/).waitFor();
  await saveScreenshot(page, 'guide-search-empty');
  expect(errors).toEqual([]);
});

test('service points by level with hours, windows and a map link', async () => {
  const { page, errors } = await journey.open('/packages/guides/points/index');
  await current(page).getByText('准格尔旗政务服务中心', { exact: true }).waitFor();
  await current(page).getByText(/窗口：市场准入综合窗口、基本建设综合窗口/).waitFor();
  await saveScreenshot(page, 'service-points');
  await tap(page, '苏木乡镇');
  await current(page).getByText('大路镇便民服务大厅', { exact: true }).waitFor();
  await tap(page, '嘎查村代办点');
  await current(page).getByText('小滩子村便民代办点', { exact: true }).waitFor();
  await current(page).getByText('代办员受理后转镇便民服务大厅办理').first().waitFor();
  expect(await current(page).locator('a.ow-point__map').count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('notices: the latest on the home page, the list by topic and one in full', async () => {
  const supervisor = await createStaff(['supervisor']);
  const published = await journey.gw.request('POST', '/api/v1/staff/notices', {
    token: supervisor.token,
    body: {
      title: '2026年城乡居民医保集中缴费通知',
      body: '城乡居民基本医疗保险2026年度集中缴费期为即日起至12月31日。\n可通过“蒙速办”或到各苏木乡镇便民服务大厅缴纳。',
      smsSummary: '城乡居民医保开始缴费',
      audience: { type: 'topic', topic: 'social_security' },
    },
  });
  expect(published.status).toBe(201);

  const { page, errors } = await journey.open('/');
  await current(page).getByText('2026年城乡居民医保集中缴费通知').click();
  await waitForPath(page, '/packages/notices/detail/index');
  await current(page).getByText(/可通过“蒙速办”/).waitFor();
  await current(page).getByText(/社保医保 · 发布于/).waitFor();
  await saveScreenshot(page, 'notice-detail');

  await page.goto(`${journey.gw.url}/packages/notices/list/index`);
  await current(page).getByText('2026年城乡居民医保集中缴费通知').waitFor();
  await tap(page, '就业创业');
  await current(page).getByText('暂无通知').waitFor();
  await tap(page, '社保医保');
  await current(page).getByText('2026年城乡居民医保集中缴费通知').waitFor();
  await saveScreenshot(page, 'notice-list');

  // Subscribing needs an account: the page sends the visitor to log in first.
  await tap(page, '订阅通知短信');
  await waitForPath(page, '/packages/me/login/index');
  expect(errors).toEqual([]);
});

test('status query by number and the last four digits of the phone', async () => {
  const clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
  const guide = (await journey.gw.request('GET', '/api/v1/guides?q=%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5%E8%AE%B8%E5%8F%AF')).body.items[0];
  const registered = await journey.gw.request('POST', '/api/v1/staff/applications', {
    token: clerk.token,
    body: { guideCode: guide.code, applicant: { name: '张丽', phone: '13900002468' } },
  });
  expect(registered.status).toBe(201);
  const { number } = registered.body;
  expect((await journey.gw.request('POST', `/api/v1/staff/applications/${number}/transitions`, { token: clerk.token, body: { action: 'accept' } })).status).toBe(200);

  const { page, errors } = await journey.open('/');
  await tap(page, '办件查询');
  await waitForPath(page, '/packages/applications/status/index');
  await field(page, '受理回执或短信中的办件编号').fill(number);
  await field(page, '如：0001').fill('0000');
  await tap(page, '查询');
  await current(page).getByText('未找到该办件，请核对办件编号和手机号后四位').waitFor();

  await field(page, '如：0001').fill('2468');
  await tap(page, '查询');
  const result = current(page);
  await result.getByText('已受理', { exact: true }).first().waitFor();
  await result.getByText('食品经营许可', { exact: true }).waitFor();
  await result.getByText('绿灯', { exact: true }).waitFor();
  await result.getByText(/承诺\d{4}-\d{2}-\d{2}前办结/).waitFor();
  for (const step of ['窗口登记', '受理']) await result.locator('.ow-timeline').getByText(step, { exact: true }).waitFor();
  await saveScreenshot(page, 'application-status');
  expect(errors).toEqual([]);
});

test('the age-friendly mode enlarges text and simplifies the home page, and is remembered', async () => {
  const { page, errors } = await journey.open('/');
  await tap(page, '长辈版');
  await current(page).locator('.ow-page--elder').waitFor();
  await current(page).getByText('查办事指南', { exact: true }).waitFor();
  expect(await current(page).getByText('功能服务区', { exact: true }).isVisible()).toBe(false);
  const size = (selector: string) => current(page).locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size('.home-area__name')).toBeGreaterThanOrEqual(18);
  await saveScreenshot(page, 'home-age-friendly');

  await tap(page, '查办事指南');
  await waitForPath(page, '/packages/guides/search/index');
  await current(page).locator('.ow-page--elder .ow-guide-card').first().waitFor();
  expect(await size('.ow-guide-card__name')).toBeGreaterThanOrEqual(20);
  await saveScreenshot(page, 'guide-search-age-friendly');

  await page.reload();
  await current(page).locator('.ow-page--elder').waitFor();
  await page.goto(`${journey.gw.url}/`);
  await tap(page, '标准版');
  await current(page).getByText('功能服务区', { exact: true }).waitFor();
  expect(await page.locator('.ow-page--elder').count()).toBe(0);
  expect(errors).toEqual([]);
});
