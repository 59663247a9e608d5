/** When a slot may be booked, cancelled or checked in, and how times read in messages. */
import { conflict } from '../errors';
import { addWorkingDays, chinaDate, loadCalendarOverrides, shiftDate } from '../calendar/working-days';
import type { BookingRules } from './rules';
import { isoWeekday, isPointOpen, type OpeningHours } from './schedule';

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 2026-03-03T09:00:00+08:00 */
export function isoChina(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** 3月3日（周二） */
export function dateLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日（${WEEKDAY_NAMES[isoWeekday(date)]}）`;
}

/** The first and last bookable dates seen from `now`. */
export function bookingHorizon(now: Date, rules: BookingRules): { from: string; to: string } {
  const today = chinaDate(now);
  return { from: shiftDate(today, rules.leadDays), to: addWorkingDays(today, rules.horizonWorkingDays) };
}

/** Dates a point takes bookings on, from `now` (call loadCalendarOverrides first). */
export function bookableDates(hours: OpeningHours | null | undefined, now: Date, rules: BookingRules): string[] {
  const { from, to } = bookingHorizon(now, rules);
  const dates: string[] = [];
  for (let d = from; d <= to; d = shiftDate(d, 1)) if (isPointOpen(hours, d)) dates.push(d);
  return dates;
}

/** Why a slot cannot be booked at `now`, as the error to throw; undefined when it can. */
export function bookingTimeProblem(slot: { date: string; startAt: Date }, now: Date, rules: BookingRules) {
  const { from, to } = bookingHorizon(now, rules);
  if (slot.startAt.getTime() <= now.getTime()) return conflict('booking.cutoff_passed', '该时段已过，请选择其他时段');
  if (slot.date < from) {
    return conflict('booking.cutoff_passed', `预约需至少提前${rules.leadDays}天，当天办理请到大厅现场取号`);
  }
  if (slot.startAt.getTime() - now.getTime() < rules.cutoffMinutes * 60_000) {
    return conflict('booking.cutoff_passed', `该时段开始前${rules.cutoffMinutes}分钟已停止预约，请选择其他时段`);
  }
  if (slot.date > to) return conflict('booking.beyond_window', `仅可预约未来${rules.horizonWorkingDays}个工作日内的时段`);
  return undefined;
}

export async function assertBookableTime(slot: { date: string; startAt: Date }, now: Date, rules: BookingRules): Promise<void> {
  await loadCalendarOverrides();
  const problem = bookingTimeProblem(slot, now, rules);
  if (problem) throw problem;
}

/** The last moment a resident may cancel or reschedule. */
export function changeDeadline(startAt: Date, rules: BookingRules): Date {
  return new Date(startAt.getTime() - rules.cancelBeforeMinutes * 60_000);
}

export function assertChangeable(startAt: Date, now: Date, rules: BookingRules): void {
  if (now.getTime() > changeDeadline(startAt, rules).getTime()) {
    const hours = rules.cancelBeforeMinutes % 60 === 0 ? `${rules.cancelBeforeMinutes / 60}小时` : `${rules.cancelBeforeMinutes}分钟`;
    throw conflict('booking.cancel_too_late', `距预约开始已不足${hours}，不能再取消或改约；如有变化请联系窗口`);
  }
}
