/**
 * The built H5 app in a real browser on a bare static server (no gateway): the shell loads, deep
 * links work through the index.html fallback, and pages degrade gracefully when the API is down.
 * The journeys against a real gateway are in journeys/.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureMiniprogramBuilt } from '../../scripts/build-miniprogram';
import { launchBrowser, newMobileContext } from '../support/browser';

jest.setTimeout(180_000);

const META = {
  name: '一窗通办',
  center: '准格尔旗政务服务中心',
  windows: [
    { code: 'market_access', name: '市场准入' },
    { code: 'construction', name: '基本建设' },
    { code: 'agriculture', name: '农牧业产业发展' },
    { code: 'social_affairs', name: '社会事业' },
  ],
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** When false, /api/v1/meta answers like a gateway that is down. */
let metaAvailable = true;

function sendJson(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function serveH5(distDir: string): Server {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/api/v1/meta') {
      if (metaAvailable) return sendJson(res, 200, META);
      return sendJson(res, 503, { error: { code: 'service.unavailable', message: '服务暂时不可用' } });
    }
    if (path.startsWith('/api/')) return sendJson(res, 404, { error: { code: 'route.not_found', message: '接口不存在' } });
    const file = join(distDir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    const isFile = file.startsWith(distDir) && existsSync(file) && statSync(file).isFile();
    const target = isFile ? file : join(distDir, 'index.html');
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
}

/** The real <input> inside Taro's <taro-input-core> wrapper (both carry the placeholder). */
function searchBox(page: Page) {
  return page.getByRole('textbox', { name: /搜索办事事项/ });
}

let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const distDir = await ensureMiniprogramBuilt('h5');
  server = serveH5(distDir);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  context = await newMobileContext(browser);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
});

beforeEach(() => {
  metaAvailable = true;
});

test('home page shows the center name from /api/v1/meta, the windows and the quick entries', async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/`);

  await page.getByText('准格尔旗政务服务中心', { exact: true }).waitFor();
  await expect(page.title()).resolves.toBe('一窗通办');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
  const text = await page.locator('body').innerText();
  for (const expected of ['一窗通办', '让数据多跑路，让群众少跑腿', '您的事儿，我来办']) expect(text).toContain(expected);
  for (const name of ['市场准入', '基本建设', '农牧业产业发展', '社会事业', '集中缴费区', '中介服务区']) expect(text).toContain(name);
  for (const entry of ['预约办事', '办件查询', '投诉建议', '政策通知', '服务网点', '我的预约', '我的办件', '我的']) expect(text).toContain(entry);
  await expect(searchBox(page).isVisible()).resolves.toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test('a search opens the guide list, which explains when the gateway cannot answer', async () => {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByText('准格尔旗政务服务中心', { exact: true }).waitFor();
  await searchBox(page).fill('开饭店');
  await searchBox(page).press('Enter');
  await page.waitForURL((url) => url.pathname === '/packages/guides/search/index');
  // This server has no guide API: the page shows the error state with a retry, not a blank.
  await page.locator('.taro_page:visible').last().getByText('加载失败', { exact: true }).waitFor();
  await page.locator('.taro_page:visible').last().getByText('重新加载', { exact: true }).waitFor();
  await page.close();
});

test('without the gateway the home page falls back to the static name', async () => {
  metaAvailable = false;
  const page = await context.newPage();
  const meta = page.waitForResponse((response) => response.url().endsWith('/api/v1/meta'));
  await page.goto(`${baseUrl}/`);
  expect((await meta).status()).toBe(503);
  await page.getByText('社会事业', { exact: true }).waitFor();
  await expect(page.getByText('准格尔旗政务服务', { exact: true }).isVisible()).resolves.toBe(true);
  await expect(page.getByText('准格尔旗政务服务中心').count()).resolves.toBe(0);
  await page.close();
});

test('a deep link to the page path works through the index.html fallback (browser router)', async () => {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/pages/index/index`);
  await page.getByText('准格尔旗政务服务中心', { exact: true }).waitFor();
  await page.close();
});
