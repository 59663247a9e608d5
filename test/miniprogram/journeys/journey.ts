/**
 * What every browser journey needs: the built H5 app served by a real gateway (real MongoDB, demo
 * data) with the SMS fake behind the real Aliyun provider, Debian's Chromium on a 375 px phone,
 * and the steps journeys share (logins, reading the current page).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ensureMiniprogramBuilt } from '../../../scripts/build-miniprogram';
import { collectPageErrors, launchBrowser, newMobileContext } from '../../support/browser';
import type { FakeAliyun } from '../../support/fake-aliyun';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { deliverQueuedSms, lastCodeSentTo, startSmsFake } from '../../support/sms';

export const STAFF_PASSWORD = 'Demo@2026';

export interface Journey {
  gw: TestGateway;
  sms: FakeAliyun;
  browser: Browser;
  /** A fresh phone-sized browser profile (no stored login) with a page in it. */
  open(path?: string): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  stop(): Promise<void>;
}

export async function startJourney(label: string): Promise<Journey> {
  const h5Dir = await ensureMiniprogramBuilt('h5');
  const { fake, env } = await startSmsFake();
  const gw = await startTestGateway({ label, env, h5Dir, demoSeed: true });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    gw,
    sms: fake,
    browser,
    async open(path = '/') {
      const context = await newMobileContext(browser);
      contexts.push(context);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(gw.url + path);
      return { page, context, errors };
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await gw.stop();
      await fake.close();
    },
  };
}

/** The page being shown: Taro keeps earlier pages of the stack in the DOM, hidden. */
export function current(page: Page): Locator {
  return page.locator('.taro_page:visible').last();
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Visible text on the current page (the age-friendly mode hides, rather than removes, some). */
export function seen(page: Page, text: string | RegExp): Locator {
  const found = typeof text === 'string' ? current(page).getByText(text, { exact: true }) : current(page).getByText(text);
  return found.filter({ visible: true }).first();
}

/**
 * Taps what reads `text`: a NutUI button or cell if there is one (their inner labels do not take
 * pointer events, and the same words may also stand elsewhere, e.g. as a step title), else any
 * element with exactly that text.
 */
export async function tap(page: Page, text: string): Promise<void> {
  await seen(page, text).waitFor();
  const button = current(page).locator('taro-button-core', { hasText: exactly(text) }).filter({ visible: true });
  if ((await button.count()) > 0) return button.first().click();
  const cell = current(page).locator('.nut-cell', { has: page.locator('.nut-cell-title', { hasText: exactly(text) }) }).filter({ visible: true });
  if ((await cell.count()) > 0) return cell.first().click();
  await seen(page, text).click();
}

/** The real <input> or <textarea> with this placeholder on the current page. */
export function field(page: Page, placeholder: string): Locator {
  return current(page).locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
}

export async function waitForPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path, { timeout: 20_000 });
}

/** A toast with this text appears (Taro's H5 toast). */
export async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.taro__toast, .taro-toast, [class*="toast"]').filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
}

/** Logs a resident in through the SMS form on the current login page; the code comes from the SMS fake. */
export async function loginWithSms(page: Page, sms: FakeAliyun, phone: string): Promise<void> {
  await field(page, '请输入手机号码').fill(phone);
  await tap(page, '获取验证码');
  await seen(page, '验证码已发送，请查收短信').waitFor();
  await deliverQueuedSms();
  await field(page, '6位短信验证码').fill(lastCodeSentTo(sms, phone));
  await tap(page, '登录');
}

export async function loginStaff(page: Page, username: string, password = STAFF_PASSWORD): Promise<void> {
  await field(page, '请输入用户名').fill(username);
  await field(page, '请输入密码').fill(password);
  await tap(page, '登录');
}
