/**
 * Demo service points of Zhungeer Banner (准格尔旗): the banner hall with the four single windows
 * and the payment and intermediary areas, township halls with general windows, and village or
 * community agency points that accept and forward (代办). Addresses and phones are illustrative.
 */
import type { ServicePoint } from '../../models/service-point';

type SeedPoint = Omit<ServicePoint, '_id' | 'createdAt' | 'updatedAt' | 'active'>;

const weekdayHours = {
  weekdays: [1, 2, 3, 4, 5],
  morning: { start: '09:00', end: '12:00' },
  afternoon: { start: '14:30', end: '17:30' },
  note: '法定节假日休息，调休上班日正常办公',
};

const township = (code: string, name: string, address: string, lng: number, lat: number, phone: string): SeedPoint => ({
  code,
  name: `${name}便民服务大厅`,
  level: 'township',
  parentCode: 'banner-hall',
  township: name,
  address,
  location: { lng, lat },
  phone,
  openingHours: weekdayHours,
  windows: [
    { code: 'T1', name: '综合受理窗口', category: 'general', ticketPrefix: 'A', counters: 2 },
    { code: 'T2', name: '社保医保窗口', category: 'social_affairs', ticketPrefix: 'B', counters: 1 },
    { code: 'T3', name: '农牧业服务窗口', category: 'agriculture', ticketPrefix: 'C', counters: 1 },
  ],
});

const village = (code: string, name: string, townshipName: string, parentCode: string, address: string, lng: number, lat: number): SeedPoint => ({
  code,
  name: `${name}便民代办点`,
  level: 'village',
  parentCode,
  township: townshipName,
  address,
  location: { lng, lat },
  phone: undefined,
  openingHours: { ...weekdayHours, note: '代办员受理后转镇便民服务大厅办理' },
  windows: [{ code: 'V1', name: '代办窗口', category: 'agency', ticketPrefix: 'D', counters: 1 }],
});

export const demoServicePoints: SeedPoint[] = [
  {
    code: 'banner-hall',
    name: '准格尔旗政务服务中心',
    level: 'banner',
    parentCode: undefined,
    township: '薛家湾镇',
    address: '内蒙古鄂尔多斯市准格尔旗薛家湾镇迎宾路政务服务中心',
    location: { lng: 111.2403, lat: 39.8652 },
    phone: '0477-4220000',
    openingHours: { ...weekdayHours, note: '周六上午提供预约延时服务；法定节假日休息' },
    windows: [
      { code: 'market', name: '市场准入综合窗口', category: 'market_access', ticketPrefix: 'A', counters: 12 },
      { code: 'construction', name: '基本建设综合窗口', category: 'construction', ticketPrefix: 'B', counters: 8 },
      { code: 'agriculture', name: '农牧业产业发展综合窗口', category: 'agriculture', ticketPrefix: 'C', counters: 6 },
      { code: 'social', name: '社会事业综合窗口', category: 'social_affairs', ticketPrefix: 'D', counters: 14 },
      { code: 'payment', name: '集中缴费区', category: 'payment', ticketPrefix: 'E', counters: 4 },
      { code: 'intermediary', name: '中介集中服务区', category: 'intermediary', ticketPrefix: 'F', counters: 6 },
    ],
  },
  township('xuejiawan', '薛家湾镇', '准格尔旗薛家湾镇东城区便民服务中心', 111.2541, 39.8703, '0477-4221100'),
  township('shagedu', '沙圪堵镇', '准格尔旗沙圪堵镇政府院内', 111.1219, 39.7801, '0477-4331100'),
  township('dalu', '大路镇', '准格尔旗大路镇新区政务大厅', 111.3912, 40.1528, '0477-4551100'),
  township('narisong', '纳日松镇', '准格尔旗纳日松镇政府一楼', 110.9815, 39.8197, '0477-4661100'),
  township('longkou', '龙口镇', '准格尔旗龙口镇政府便民服务大厅', 111.4422, 39.4321, '0477-4771100'),
  township('zhungeerzhao', '准格尔召镇', '准格尔旗准格尔召镇政府院内', 110.8631, 39.6915, '0477-4881100'),
  township('shierliancheng', '十二连城乡', '准格尔旗十二连城乡政府一楼', 111.1802, 40.2317, '0477-4991100'),
  village('dalu-xiaotanzi', '小滩子村', '大路镇', 'dalu', '大路镇小滩子村村委会', 111.4125, 40.1632),
  village('shagedu-shagedu', '沙圪堵村', '沙圪堵镇', 'shagedu', '沙圪堵镇沙圪堵村村委会', 111.1302, 39.7855),
  village('xuejiawan-dongcheng', '东城社区', '薛家湾镇', 'xuejiawan', '薛家湾镇东城社区党群服务中心', 111.2612, 39.8721),
  village('longkou-majiata', '马家塔村', '龙口镇', 'longkou', '龙口镇马家塔村村委会', 111.4518, 39.4409),
  village('shierliancheng-liulin', '柳林村', '十二连城乡', 'shierliancheng', '十二连城乡柳林村村委会', 111.1955, 40.2402),
];
