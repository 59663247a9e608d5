/**
 * What the home page offers. The four single windows and two function areas are the hall's own
 * layout (进一扇门，办成一揽子事); quick entries open the resident's most common errands.
 */
import type { ComponentType } from 'react';
import { Clock, Feedback, Gardener, Home, Location, Notice, Order, Service, Store, User, Wallet } from '@nutui/icons-react-taro';
import type { WindowCode } from '../../services/guides';
import type { PageName } from '../../utils/navigation';

type Icon = ComponentType<{ size?: string | number; color?: string; className?: string }>;

export interface HallArea {
  code: WindowCode | 'payment' | 'intermediary';
  name: string;
  summary: string;
  icon: Icon;
}

export interface QuickEntry {
  key: string;
  title: string;
  icon: Icon;
  page: PageName;
}

export const SINGLE_WINDOWS: Array<HallArea & { code: WindowCode }> = [
  { code: 'market_access', name: '市场准入', summary: '企业开办、经营许可', icon: Store },
  { code: 'construction', name: '基本建设', summary: '立项、规划、施工许可', icon: Home },
  { code: 'agriculture', name: '农牧业产业发展', summary: '农牧林水项目与补贴', icon: Gardener },
  { code: 'social_affairs', name: '社会事业', summary: '户籍、社保、民政', icon: User },
];

export const SERVICE_AREAS: HallArea[] = [
  { code: 'payment', name: '集中缴费区', summary: '税费、规费一处缴清', icon: Wallet },
  { code: 'intermediary', name: '中介服务区', summary: '测绘、评估、代理', icon: Service },
];

export const QUICK_ENTRIES: QuickEntry[] = [
  { key: 'bookings', title: '预约办事', icon: Clock, page: 'bookingNew' },
  { key: 'applications', title: '办件查询', icon: Order, page: 'applicationStatus' },
  { key: 'complaints', title: '投诉建议', icon: Feedback, page: 'complaintNew' },
  { key: 'notices', title: '政策通知', icon: Notice, page: 'noticeList' },
  { key: 'points', title: '服务网点', icon: Location, page: 'servicePoints' },
  { key: 'my-bookings', title: '我的预约', icon: Clock, page: 'bookingMine' },
  { key: 'my-applications', title: '我的办件', icon: Order, page: 'applicationMine' },
  { key: 'me', title: '我的', icon: User, page: 'me' },
];

/** The age-friendly home: five large buttons, nothing else to find. */
export const ELDER_ENTRIES: Array<{ key: string; title: string; page: PageName }> = [
  { key: 'guides', title: '查办事指南', page: 'guideSearch' },
  { key: 'bookings', title: '预约办事', page: 'bookingNew' },
  { key: 'applications', title: '查办件进度', page: 'applicationStatus' },
  { key: 'complaints', title: '投诉建议', page: 'complaintNew' },
  { key: 'me', title: '我的', page: 'me' },
];
