/**
 * Debian's Chromium driven by playwright-core (`npx playwright install` cannot download a browser
 * here). Shared by the mini-program H5 tests and the gateway's end-to-end tests.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Offline, sandbox-free flags: no phoning home, no GPU, no QUIC. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Screenshots land here; the folder is git-ignored. */
export const SCREENSHOT_DIR = resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A phone-sized context (375 px wide, like the design) speaking Simplified Chinese. */
export function newMobileContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Tallest a screenshot gets (px); a runaway list must not make a giant image. */
const MAX_SCREENSHOT_HEIGHT = 6000;

/**
 * Saves the whole page as test-artifacts/screenshots/<name>.png and returns its path. Taro's H5
 * pages scroll inside their own container (`.taro_page`), so `fullPage` alone would stop at the
 * viewport: the viewport is stretched to the content for the shot, then restored.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize();
  // The visible page's own scroller: scrolled to the top for the shot, put back afterwards.
  const scroll = (top?: number) =>
    page.evaluate((to) => {
      const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => el.offsetParent !== null);
      const scroller = pages[pages.length - 1] ?? document.scrollingElement;
      if (!scroller) return { top: 0, height: 0 };
      const was = scroller.scrollTop;
      if (to !== undefined) scroller.scrollTop = to;
      return { top: was, height: scroller.scrollHeight };
    }, top);
  const before = await scroll();
  const stretch = viewport && before.height > viewport.height;
  if (stretch) await page.setViewportSize({ width: viewport.width, height: Math.min(before.height, MAX_SCREENSHOT_HEIGHT) });
  await scroll(0);
  try {
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  } finally {
    if (stretch) await page.setViewportSize(viewport);
    await scroll(before.top);
  }
  return path;
}

/** Collects uncaught errors of a page, to assert a journey ran clean. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
