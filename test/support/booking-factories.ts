/**
 * Booking test helpers: real-name-bound residents (made the way the product binds them), valid ID
 * numbers, and the booking clock set to a China-time date and hour.
 */
import { randomBytes } from 'node:crypto';
import { useClock } from '../../gateway/bookings/clock';
import { chinaTime, isPointOpen } from '../../gateway/bookings/schedule';
import { addWorkingDays, chinaDate, loadCalendarOverrides } from '../../gateway/calendar/working-days';
import { demoServicePoints } from '../../gateway/seed/service-points';
import type { ResidentActor } from '../../gateway/identity/actor';
import { bindRealName, findOrCreateResidentByOpenId, findOrCreateResidentByPhone, residentSession } from '../../gateway/identity/residents';
import { idCheckDigit } from '../../gateway/privacy/validators';

let seq = 0;

/** A valid resident ID number of Zhungeer Banner (150622), distinct for each n below 15,000. */
export function idNumberFor(n: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + (n % 15000) * 86400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `150622${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

export interface BookingResident {
  id: string;
  token: string;
  /** The verified phone, or undefined for a WeChat-only resident. */
  phone?: string;
  idNumber: string;
}

/**
 * A resident with a bound real name. By default with a verified phone (SMS reach them);
 * `phone: false` makes a WeChat-only resident without one.
 */
export async function createBookingResident(options: { phone?: string | false; name?: string } = {}): Promise<BookingResident> {
  const n = ++seq;
  const phone = options.phone === false ? undefined : (options.phone ?? `139${String(n).padStart(8, '0')}`);
  const user = phone ? await findOrCreateResidentByPhone(phone) : await findOrCreateResidentByOpenId(`openid-booking-${n}-${randomBytes(4).toString('hex')}`);
  const id = String(user._id);
  const actor: ResidentActor = { kind: 'resident', userId: id, channel: 'miniprogram', ip: '127.0.0.1', accountKey: `user:${id}` };
  const idNumber = idNumberFor(n);
  await bindRealName(actor, { name: options.name ?? '王小明', idNumber });
  return { id, token: residentSession(user).token, phone, idNumber };
}

/** Sets the booking clock to HH:mm China time on a date (and returns that instant). */
export function setChinaNow(date: string, hhmm: string): Date {
  const at = chinaTime(date, hhmm);
  useClock(() => at);
  return at;
}

export const restoreClock = () => useClock(undefined);

/** Demo guides: 企业设立登记 (banner hall, market window only) and 个体工商户登记 (also every township's T1). */
export const HALL_GUIDE = '11150622MB1A52861R4000117003000';
export const TOWNSHIP_GUIDE = '11150622MB1A52861R4000117001000';

/**
 * A date the banner hall is open, at least `workingDaysAhead` working days from the real clock (for
 * gateways in other processes, which have no test clock): far enough that crossing midnight during
 * a run changes nothing.
 */
export async function bookableHallDate(workingDaysAhead: number): Promise<string> {
  await loadCalendarOverrides();
  const hall = demoServicePoints.find((p) => p.code === 'banner-hall')!;
  let date = addWorkingDays(chinaDate(new Date()), workingDaysAhead);
  while (!isPointOpen(hall.openingHours, date)) date = addWorkingDays(date, 1);
  return date;
}
