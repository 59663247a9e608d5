/**
 * Working days in China time (UTC+8): the national holiday calendar with its make-up workdays (调休),
 * from the maintained `chinese-days` data, then local overrides kept in MongoDB, then the weekend
 * rule for years the data does not cover yet. Time limits (承诺/法定办结时限) count working days.
 */
import { getDayDetail } from 'chinese-days';
import { CalendarOverrideModel } from '../../models/calendar-override';

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

let overrides = new Map<string, boolean>();
let overridesLoadedAt = 0;

/** Refreshes local overrides from the database (cheap; called by the services that count days). */
export async function loadCalendarOverrides(maxAgeMs = 60_000): Promise<void> {
  if (Date.now() - overridesLoadedAt < maxAgeMs) return;
  const rows = await CalendarOverrideModel.find({}, { date: 1, working: 1 }).lean();
  overrides = new Map(rows.map((r) => [r.date, r.working]));
  overridesLoadedAt = Date.now();
}

export function forgetCalendarOverrides(): void {
  overridesLoadedAt = 0;
}

/** The China-time calendar date of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China-time date starts (00:00 UTC+8). */
export function startOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** The last millisecond of a China-time date. */
export function endOfChinaDay(date: string): Date {
  return new Date(startOfChinaDay(date).getTime() + DAY_MS - 1);
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function nationalCalendarKnows(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= 2004 && year <= 2026;
}

export function isWorkingDay(date: string): boolean {
  const local = overrides.get(date);
  if (local !== undefined) return local;
  if (nationalCalendarKnows(date)) return getDayDetail(date).work;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date `n` working days after `date` (the start day itself does not count). */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = shiftDate(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days in (from, to]: how many working days have passed since `from` by `to`. */
export function workingDaysBetween(from: string, to: string): number {
  if (to === from) return 0;
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let d = shiftDate(from, 1); d <= to; d = shiftDate(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}

/** The next working day on or after `date`. */
export function nextWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = shiftDate(d, 1);
  return d;
}
