/**
 * Just enough of `@tarojs/taro` for components rendered in jsdom: NutUI asks for the environment,
 * layout and ticks; our components show toasts and read storage. Toasts are recorded for tests.
 */
const storage = new Map<string, unknown>();
export const toasts: Array<{ title: string; icon?: string }> = [];

const selectorQuery = () => {
  const node = { boundingClientRect: () => query, scrollOffset: () => query, fields: () => query };
  const query = { select: () => node, selectAll: () => node, in: () => query, exec: (cb?: (r: unknown[]) => void) => cb?.([]) };
  return query;
};

const windowInfo = { windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, pixelRatio: 2, statusBarHeight: 20 };

const taro = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD', HARMONY: 'HARMONY' },
  getEnv: () => 'WEB',
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  createSelectorQuery: selectorQuery,
  getSystemInfoSync: () => windowInfo,
  getWindowInfo: () => windowInfo,
  getDeviceInfo: () => ({ platform: 'devtools' }),
  getAppBaseInfo: () => ({ SDKVersion: '3.0.0' }),
  getSystemInfo: async () => windowInfo,
  usePageScroll: () => undefined,
  useUnload: () => undefined,
  useDidShow: () => undefined,
  useRouter: () => ({ params: {}, path: '/' }),
  getCurrentInstance: () => ({ router: { params: {}, path: '/' }, page: {} }),
  pxTransform: (n: number) => `${n / 2}px`,
  eventCenter: { on() {}, off() {}, trigger() {} },
  showToast: async (options: { title: string; icon?: string }) => {
    toasts.push({ title: options.title, icon: options.icon });
  },
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  setClipboardData: async () => undefined,
  makePhoneCall: async () => undefined,
  openLocation: async () => undefined,
  navigateTo: async () => undefined,
};

export default taro;
module.exports = { __esModule: true, default: taro, ...taro, toasts };
