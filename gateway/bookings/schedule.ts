/**
 * Slots from a service point's schedule, as pure functions: which days a point is open (working days
 * of the calendar, make-up workdays included), the slots of a window on a day, and slot ids.
 * Times are China time (UTC+8).
 */
import { isWorkingDay, startOfChinaDay } from '../calendar/working-days';

export interface OpeningHours {
  weekdays?: number[] | null;
  morning?: { start?: string | null; end?: string | null } | null;
  afternoon?: { start?: string | null; end?: string | null } | null;
}

export interface ScheduledSlot {
  id: string;
  servicePoint: string;
  window: string;
  date: string;
  start: string;
  end: string;
  startAt: Date;
  endAt: Date;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const SLOT_ID = /^([a-z0-9][a-z0-9-]{0,63}):([A-Za-z0-9_-]{1,32}):(\d{4}-\d{2}-\d{2})T(([01]\d|2[0-3]):[0-5]\d)$/;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const slotIdOf = (point: string, window: string, date: string, start: string) => `${point}:${window}:${date}T${start}`;

export function parseSlotId(id: string): { servicePoint: string; window: string; date: string; start: string } | undefined {
  const m = SLOT_ID.exec(id);
  if (!m) return undefined;
  const date = m[3];
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return undefined;
  return { servicePoint: m[1], window: m[2], date, start: m[4] };
}

/** ISO weekday (1 Monday … 7 Sunday) of a date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * A point is open on a working day of the calendar that is one of its weekdays; a weekend day that
 * the calendar makes a working day (调休 make-up workday) is open too. Holidays are closed.
 */
export function isPointOpen(hours: OpeningHours | null | undefined, date: string): boolean {
  if (!hours || !isWorkingDay(date)) return false;
  const weekday = isoWeekday(date);
  return weekday >= 6 || (hours.weekdays ?? [1, 2, 3, 4, 5]).includes(weekday);
}

/** China-time instant of HH:mm on a date. */
export function chinaTime(date: string, hhmm: string): Date {
  return new Date(startOfChinaDay(date).getTime() + minutesOf(hhmm) * 60_000);
}

/** The slots of one window on one date: whole slots inside the morning and afternoon sessions. */
export function slotsOfDay(point: { code: string; openingHours?: OpeningHours | null }, window: string, date: string, slotMinutes: number): ScheduledSlot[] {
  const hours = point.openingHours;
  if (!isPointOpen(hours, date)) return [];
  const slots: ScheduledSlot[] = [];
  for (const session of [hours!.morning, hours!.afternoon]) {
    if (!session?.start || !session.end || !HHMM.test(session.start) || !HHMM.test(session.end)) continue;
    for (let m = minutesOf(session.start); m + slotMinutes <= minutesOf(session.end); m += slotMinutes) {
      const start = hhmmOf(m);
      const end = hhmmOf(m + slotMinutes);
      slots.push({ id: slotIdOf(point.code, window, date, start), servicePoint: point.code, window, date, start, end, startAt: chinaTime(date, start), endAt: chinaTime(date, end) });
    }
  }
  return slots;
}

/** The start of the slot containing `at`, or `at` itself outside every slot (lunch break, after hours). */
export function slotStartContaining(slots: ScheduledSlot[], at: Date): Date {
  const hit = slots.find((s) => s.startAt.getTime() <= at.getTime() && at.getTime() < s.endAt.getTime());
  return hit ? hit.startAt : at;
}
