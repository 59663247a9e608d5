/** Dates, times and hours the way residents read them (China time, Chinese words). */
import type { ServicePointHours } from '../services/service-points';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "2026-03-02" → "3月2日 周一". */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${m}月${d}日 周${WEEKDAYS[weekday]}`;
}

/** An ISO instant as China time "2026-03-02 14:05". */
export function dateTimeLabel(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso);
  const china = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

/** ISO weekdays [1..5] → "周一至周五"; irregular sets are listed. */
export function weekdaysLabel(weekdays: number[]): string {
  const sorted = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const name = (d: number) => `周${WEEKDAYS[d % 7]}`;
  const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (consecutive && sorted.length > 2) return `${name(sorted[0]!)}至${name(sorted[sorted.length - 1]!)}`;
  return sorted.map(name).join('、');
}

/** "周一至周五 上午09:00-12:00 下午14:30-17:30". */
export function openingHoursLabel(hours: ServicePointHours | null | undefined): string {
  if (!hours) return '以网点公示时间为准';
  const parts = [weekdaysLabel(hours.weekdays)];
  if (hours.morning?.start) parts.push(`上午${hours.morning.start}-${hours.morning.end}`);
  if (hours.afternoon?.start) parts.push(`下午${hours.afternoon.start}-${hours.afternoon.end}`);
  return parts.filter(Boolean).join(' ');
}

/** 0 → "即办（当场办结）", n → "n个工作日". */
export function timeLimitLabel(days: number): string {
  return days === 0 ? '即办（当场办结）' : `${days}个工作日`;
}

/** 0 → "零跑腿（全程网办）", n → "最多跑n次". */
export function tripsLabel(trips: number): string {
  return trips === 0 ? '零跑腿（全程网办）' : `最多跑${trips}次`;
}

export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)}MB`;
}
