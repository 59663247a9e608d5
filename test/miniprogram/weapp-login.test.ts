/** @jest-environment jsdom */
/**
 * WeChat login in the built weapp: one tap runs `wx.login` and sends its code to the gateway's
 * /auth/wechat, then returns to the page that asked; SMS stays as the fallback.
 */
import { ensureMiniprogramBuilt } from '../../scripts/build-miniprogram';
import { renderBuiltWeappPage, type RenderedWeappPage } from '../support/weapp-simulate';

jest.setTimeout(180_000);

const USER = { id: 'u1', phone: null, phoneVerified: false, wechatBound: true, realName: null, chatBound: false, subscriptions: { topics: [], township: null } };
let page: RenderedWeappPage;

beforeAll(async () => {
  const distDir = await ensureMiniprogramBuilt('weapp');
  page = await renderBuiltWeappPage(distDir, 'packages/me/login/index', {
    query: { redirect: encodeURIComponent('/packages/booking/mine/index') },
    loginCode: 'wx-code-123',
    respond: (request) =>
      request.url.endsWith('/api/v1/auth/wechat')
        ? { statusCode: 200, data: { token: 'resident-token', expiresAt: '2026-04-01T00:00:00Z', user: USER } }
        : { statusCode: 404, data: { error: { code: 'route.not_found', message: '接口不存在' } } },
  });
  await page.waitUntil(() => page.text().includes('微信一键登录'), 'the login page');
});

afterAll(() => page?.unmount());

test('offers WeChat login first and the SMS code as the fallback', () => {
  const text = page.text();
  expect(text).toContain('微信一键登录');
  expect(text).toContain('或使用手机验证码登录');
  expect(text).toContain('获取验证码');
});

test('one tap: wx.login → POST /api/v1/auth/wechat with the code → back to the page that asked', async () => {
  await page.tap('微信一键登录');
  await page.waitUntil(() => page.navigations.length > 0, 'the way back after login');
  expect(page.calls.map((c) => c.api)).toContain('login');
  const login = page.requests.find((r) => r.url.endsWith('/api/v1/auth/wechat'));
  expect(login).toMatchObject({ method: 'POST', url: 'https://onewindow.example.gov.cn/api/v1/auth/wechat', data: { code: 'wx-code-123' } });
  expect(page.navigations).toEqual([{ type: 'redirectTo', url: '/packages/booking/mine/index' }]);
  expect(page.toasts.map((t) => t.title)).toContain('登录成功');
});
