/** Page addresses in one place, so a moved page is changed once. */
import Taro from '@tarojs/taro';

export const PAGES = {
  home: '/pages/index/index',
  guideSearch: '/packages/guides/search/index',
  guideDetail: '/packages/guides/detail/index',
  servicePoints: '/packages/guides/points/index',
  bookingNew: '/packages/booking/new/index',
  bookingMine: '/packages/booking/mine/index',
  applicationStatus: '/packages/applications/status/index',
  applicationMine: '/packages/applications/mine/index',
  applicationDetail: '/packages/applications/detail/index',
  applicationApply: '/packages/applications/apply/index',
  complaintNew: '/packages/complaints/new/index',
  complaintDetail: '/packages/complaints/detail/index',
  complaintMine: '/packages/complaints/mine/index',
  noticeList: '/packages/notices/list/index',
  noticeDetail: '/packages/notices/detail/index',
  noticeSubscribe: '/packages/notices/subscribe/index',
  me: '/packages/me/index/index',
  login: '/packages/me/login/index',
  realName: '/packages/me/real-name/index',
  messages: '/packages/me/messages/index',
  staffLogin: '/packages/staff/login/index',
  staffInbox: '/packages/staff/inbox/index',
  staffApplication: '/packages/staff/application/index',
  staffSupervision: '/packages/staff/supervision/index',
  staffQueue: '/packages/staff/queue/index',
  staffMessages: '/packages/staff/messages/index',
  staffComplaints: '/packages/staff/complaints/index',
  staffComplaint: '/packages/staff/complaint/index',
  hallDisplay: '/packages/staff/hall/index',
} as const;

export type PageName = keyof typeof PAGES;

export function pageUrl(page: PageName, query: Record<string, string | number | boolean | undefined | null> = {}): string {
  const pairs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return pairs.length ? `${PAGES[page]}?${pairs.join('&')}` : PAGES[page];
}

export function go(page: PageName, query?: Parameters<typeof pageUrl>[1]): void {
  void Taro.navigateTo({ url: pageUrl(page, query) }).catch(() => Taro.redirectTo({ url: pageUrl(page, query) }));
}

/** Replaces the current page (after a login, after a submission). */
export function replace(page: PageName, query?: Parameters<typeof pageUrl>[1]): void {
  void Taro.redirectTo({ url: pageUrl(page, query) });
}

/** Back to where the resident came from, or home when the page was opened directly. */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: PAGES.home });
}

/** Opens a URL saved as `redirect` (a login's way back), falling back to `fallback`. */
export function continueTo(redirect: string | undefined, fallback: PageName): void {
  // Only our own pages: a crafted link must not send a login anywhere else.
  const target = redirect && redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : PAGES[fallback];
  void Taro.redirectTo({ url: target });
}
