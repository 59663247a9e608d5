/**
 * Renders a page of the BUILT weapp output (dist/weapp) with WeChat's miniprogram-simulate, so tests
 * see what WeChat's own template compiler (wcc) makes of Taro's output. Needs the jsdom environment.
 *
 * miniprogram-simulate only knows custom components, so `App`, `getApp` and `Page` are shimmed:
 * the app's options are kept (and launched), and a page becomes a component whose lifetimes call the
 * page's onLoad/onShow/onReady, which is where Taro mounts React.
 */
import { join } from 'node:path';

type WxCallbacks = { success?: (result: unknown) => void; fail?: (error: unknown) => void; complete?: (result: unknown) => void };
export type WxRequestOptions = WxCallbacks & { url: string; method?: string; data?: unknown; header?: Record<string, string> };
export type WxToastOptions = WxCallbacks & { title: string; icon?: string };
export type FakeResponse = { statusCode: number; data: unknown } | 'network-failure';
export type WxNavigation = { type: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack'; url?: string };
export type WxCall = { api: string; options: Record<string, unknown> };

interface SimulateComponent {
  dom: HTMLElement;
  attach(parent: Element): void;
  detach(): void;
}

interface Simulate {
  load(path: string, options?: { rootPath?: string; compiler?: string }): string;
  render(id: string, properties?: Record<string, unknown>): SimulateComponent;
  sleep(ms?: number): Promise<void>;
}

interface ExparserEventApi {
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(target: unknown, event: unknown): void;
  };
}

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };

export interface RenderedWeappPage {
  root: HTMLElement;
  /** Every `wx.request` the page made, in order. */
  requests: WxRequestOptions[];
  /** Every `wx.showToast` the page showed, in order. */
  toasts: WxToastOptions[];
  /** Every page change the page asked for (navigateTo, redirectTo, …), in order. */
  navigations: WxNavigation[];
  /** Calls of other device APIs the page made (openLocation, makePhoneCall, setClipboardData…). */
  calls: WxCall[];
  /** Visible text with whitespace collapsed. */
  text(): string;
  /**
   * Elements carrying a class of the app's stylesheet. The simulator scopes classes by component
   * (`main--ow-page`), so a plain `.ow-page` selector finds nothing.
   */
  byClass(name: string): HTMLElement[];
  /** Taps the innermost element whose own text is `label` (the tap bubbles like on a phone). */
  tap(label: string): Promise<void>;
  /** Taps a rendered element found another way (e.g. by class). */
  tapElement(element: Element): Promise<void>;
  /** Lets React and Taro flush their updates. */
  settle(ms?: number): Promise<void>;
  /** Polls until `check` holds (a busy machine makes fixed sleeps flaky); fails naming `what`. */
  waitUntil(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  unmount(): void;
}

export interface RenderOptions {
  /** Answers the page's `wx.request` calls; defaults to a network failure. */
  respond?: (request: WxRequestOptions) => FakeResponse;
  /** The page's query, as WeChat passes it to onLoad (`?code=…`). */
  query?: Record<string, string>;
  /** What `wx.login` yields; by default a code of the form `wx-login-<n>`. */
  loginCode?: string;
}

function installAppShims(pagePath: string, query: Record<string, string>): void {
  const scope = globalThis as Record<string, unknown>;
  let app: Record<string, unknown> = {};
  scope.App = (options: Record<string, unknown>) => {
    app = options;
    (options.onLaunch as ((o: object) => void) | undefined)?.call(options, { path: pagePath, query: {}, scene: 1001 });
    (options.onShow as ((o: object) => void) | undefined)?.call(options, { path: pagePath, query: {}, scene: 1001 });
  };
  scope.getApp = () => app;
  let current: unknown[] = [];
  scope.getCurrentPages = () => current;
  scope.Page = (options: PageOptions) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
    const call = (self: Record<string, unknown>, name: string, ...args: unknown[]) =>
      (self[name] as ((...a: unknown[]) => void) | undefined)?.apply(self, args);
    (scope.Component as (definition: object) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          this.route = pagePath;
          current = [this];
          call(this, 'onLoad', { ...query });
          call(this, 'onShow');
        },
        ready(this: Record<string, unknown>) {
          call(this, 'onReady');
        },
        detached(this: Record<string, unknown>) {
          call(this, 'onUnload');
          current = [];
        },
      },
    });
  };
}

type Recorded = { requests: WxRequestOptions[]; toasts: WxToastOptions[]; navigations: WxNavigation[]; calls: WxCall[] };

const succeed = (options: WxCallbacks, errMsg: string) => {
  options.success?.({ errMsg });
  options.complete?.({ errMsg });
};

function installWxFakes({ requests, toasts, navigations, calls }: Recorded, options: RenderOptions): void {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  for (const type of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack'] as const) {
    wx[type] = (nav: WxCallbacks & { url?: string }) => {
      navigations.push({ type, url: nav.url });
      succeed(nav, `${type}:ok`);
    };
  }
  for (const api of ['openLocation', 'makePhoneCall', 'setClipboardData', 'requestSubscribeMessage']) {
    wx[api] = (call: WxCallbacks & Record<string, unknown>) => {
      calls.push({ api, options: call });
      succeed(call, `${api}:ok`);
    };
  }
  let logins = 0;
  wx.login = (call: WxCallbacks) => {
    logins++;
    calls.push({ api: 'login', options: {} });
    const result = { code: options.loginCode ?? `wx-login-${logins}`, errMsg: 'login:ok' };
    call.success?.(result);
    call.complete?.(result);
  };
  const storage = new Map<string, unknown>();
  wx.getStorageSync = (key: string) => storage.get(key) ?? '';
  wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
  wx.removeStorageSync = (key: string) => void storage.delete(key);
  wx.request = (request: WxRequestOptions) => {
    requests.push(request);
    const response = options.respond?.(request) ?? 'network-failure';
    setTimeout(() => {
      if (response === 'network-failure') {
        const error = { errMsg: 'request:fail' };
        request.fail?.(error);
        request.complete?.(error);
      } else {
        const result = { ...response, header: {}, errMsg: 'request:ok' };
        request.success?.(result);
        request.complete?.(result);
      }
    }, 0);
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
  };
  wx.showToast = (toast: WxToastOptions) => {
    toasts.push(toast);
    toast.success?.({ errMsg: 'showToast:ok' });
    toast.complete?.({ errMsg: 'showToast:ok' });
  };
}

function findByOwnText(root: HTMLElement, label: string): HTMLElement | undefined {
  const matches = Array.from(root.querySelectorAll<HTMLElement>('*')).filter((el) => el.textContent?.trim() === label);
  // The innermost match: no child element also matches.
  return matches.find((el) => !Array.from(el.children).some((child) => child.textContent?.trim() === label));
}

/**
 * Loads `pagePath` (e.g. 'pages/index/index') from a built dist/weapp folder and attaches it to
 * document.body. Call once per test file: the simulator keeps global state.
 */
export async function renderBuiltWeappPage(distDir: string, pagePath: string, options: RenderOptions = {}): Promise<RenderedWeappPage> {
  const recorded: Recorded = { requests: [], toasts: [], navigations: [], calls: [] };
  installAppShims(pagePath, options.query ?? {});
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate; // defines global Component and wx
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as ExparserEventApi;
  installWxFakes(recorded, options);

  require(join(distDir, 'app.js')); // eslint-disable-line @typescript-eslint/no-require-imports
  const id = simulate.load(join(distDir, pagePath), { rootPath: distDir });
  const page = simulate.render(id);
  page.attach(document.body);

  const settle = (ms = 50) => simulate.sleep(ms);
  await settle();

  const waitUntil = async (check: () => boolean, what: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await settle(20);
    }
  };

  const tapElement = async (target: Element) => {
    const wxElement = (target as unknown as { __wxElement?: unknown }).__wxElement;
    if (!wxElement) throw new Error(`<${target.tagName.toLowerCase()} class="${target.className}"> is not a rendered mini-program node`);
    exparser.Event.dispatchEvent(
      wxElement,
      exparser.Event.create('tap', { x: 0, y: 0 }, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }),
    );
    await settle();
  };

  return {
    root: page.dom,
    ...recorded,
    text: () => (page.dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
    byClass: (name: string) =>
      Array.from(page.dom.querySelectorAll<HTMLElement>('[class]')).filter((el) => Array.from(el.classList).some((c) => c === name || c.endsWith(`--${name}`))),
    settle,
    waitUntil,
    async tap(label: string) {
      const target = findByOwnText(page.dom, label);
      if (!target) throw new Error(`nothing on the page reads "${label}"`);
      await tapElement(target);
    },
    tapElement,
    unmount: () => page.detach(),
  };
}
