/** The pure rules: slots from opening hours and the calendar, the booking window, no-show blocking, calling order. */
import { blockedUntil } from '../../../gateway/bookings/no-shows';
import { loadBookingRules, type BookingRules } from '../../../gateway/bookings/rules';
import { chinaTime, isPointOpen, parseSlotId, slotIdOf, slotsOfDay } from '../../../gateway/bookings/schedule';
import { bookableDates, bookingTimeProblem, changeDeadline } from '../../../gateway/bookings/timing';
import { queueTimeOf } from '../../../gateway/queue/tickets';
import { demoServicePoints } from '../../../gateway/seed/service-points';

const hall = demoServicePoints.find((p) => p.code === 'banner-hall')!;
const defaults: BookingRules = loadBookingRules({});

describe('slots of a day', () => {
  it('cuts the morning and afternoon sessions into 30-minute slots with stable ids', () => {
    const slots = slotsOfDay(hall, 'market', '2026-04-28', 30);
    expect(slots.map((s) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00']);
    expect(slots[0]).toMatchObject({ id: 'banner-hall:market:2026-04-28T09:00', end: '09:30' });
    expect(slots[0].startAt.toISOString()).toBe('2026-04-28T01:00:00.000Z');
    expect(slotsOfDay(hall, 'market', '2026-04-28', 45).map((s) => s.start)).toEqual(['09:00', '09:45', '10:30', '11:15', '14:30', '15:15', '16:00', '16:45']);
  });

  it('is closed on holidays and weekends and open on make-up workdays (调休)', () => {
    expect(isPointOpen(hall.openingHours, '2026-05-01')).toBe(false); // Labour Day
    expect(isPointOpen(hall.openingHours, '2026-05-02')).toBe(false); // Saturday in the holiday
    expect(isPointOpen(hall.openingHours, '2026-05-09')).toBe(true); // Saturday made a workday
    expect(isPointOpen(hall.openingHours, '2026-05-16')).toBe(false); // an ordinary Saturday
    expect(slotsOfDay(hall, 'market', '2026-10-05', 30)).toEqual([]);
    expect(isPointOpen({ ...hall.openingHours, weekdays: [2, 3, 4, 5] }, '2026-04-27')).toBe(false); // a point closed on Mondays
  });

  it('parses only well-formed slot ids', () => {
    expect(parseSlotId(slotIdOf('dalu', 'T1', '2026-04-29', '14:30'))).toEqual({ servicePoint: 'dalu', window: 'T1', date: '2026-04-29', start: '14:30' });
    for (const bad of ['dalu:T1:2026-02-30T09:00', 'dalu:T1:2026-04-29T25:00', 'dalu:T1:2026-04-29', '../x:T1:2026-04-29T09:00', '']) expect(parseSlotId(bad)).toBeUndefined();
  });
});

describe('the booking window', () => {
  const now = chinaTime('2026-04-28', '10:00'); // Tuesday before the Labour Day holiday

  it('offers the next 5 working days from tomorrow, skipping the holiday', () => {
    expect(bookableDates(hall.openingHours, now, defaults)).toEqual(['2026-04-29', '2026-04-30', '2026-05-06', '2026-05-07', '2026-05-08']);
    expect(bookableDates(hall.openingHours, now, { ...defaults, leadDays: 0 })[0]).toBe('2026-04-28');
  });

  it('refuses today (at least one day ahead), past slots, and days beyond the window', () => {
    const at = (date: string, hhmm: string) => ({ date, startAt: chinaTime(date, hhmm) });
    expect(bookingTimeProblem(at('2026-04-28', '15:00'), now, defaults)?.code).toBe('booking.cutoff_passed');
    expect(bookingTimeProblem(at('2026-04-28', '09:00'), now, defaults)?.message).toBe('该时段已过，请选择其他时段');
    expect(bookingTimeProblem(at('2026-04-29', '09:00'), now, defaults)).toBeUndefined();
    expect(bookingTimeProblem(at('2026-05-08', '17:00'), now, defaults)).toBeUndefined();
    expect(bookingTimeProblem(at('2026-05-09', '09:00'), now, defaults)?.code).toBe('booking.beyond_window');
  });

  it('with same-day booking, closes a slot the cut-off before it starts', () => {
    const sameDay = { ...defaults, leadDays: 0 };
    expect(bookingTimeProblem({ date: '2026-04-28', startAt: chinaTime('2026-04-28', '11:00') }, now, sameDay)).toBeUndefined();
    expect(bookingTimeProblem({ date: '2026-04-28', startAt: chinaTime('2026-04-28', '10:30') }, now, sameDay)?.message).toBe('该时段开始前60分钟已停止预约，请选择其他时段');
  });

  it('lets residents change a booking until 2 hours before it', () => {
    expect(changeDeadline(chinaTime('2026-04-29', '09:00'), defaults)).toEqual(chinaTime('2026-04-29', '07:00'));
  });
});

describe('no-show blocking', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 3, 1) + n * 86400_000);

  it('blocks for 30 days from the second no-show within 30 days', () => {
    expect(blockedUntil([day(0)], day(1), defaults)).toBeUndefined();
    expect(blockedUntil([day(0), day(20)], day(21), defaults)).toEqual(day(50));
    expect(blockedUntil([day(20), day(0)], day(49), defaults)).toEqual(day(50));
    expect(blockedUntil([day(0), day(20)], day(50), defaults)).toBeUndefined();
    expect(blockedUntil([day(0), day(31)], day(32), defaults)).toBeUndefined(); // 31 days apart
    expect(blockedUntil([day(0), day(1), day(2)], day(3), { ...defaults, noShowLimit: 3 })).toEqual(day(32));
  });
});

describe('queue time of a ticket', () => {
  const slots = slotsOfDay(hall, 'market', '2026-04-29', 30);
  const t = (hhmm: string) => chinaTime('2026-04-29', hhmm);

  it('puts a walk-in at the start of the slot period it arrived in, or its arrival outside the sessions', () => {
    expect(queueTimeOf(slots, t('09:47'))).toEqual(t('09:30'));
    expect(queueTimeOf(slots, new Date(t('12:20').getTime() + 1234))).toEqual(new Date(t('12:20').getTime() + 1234));
  });

  it('puts a booked ticket at its slot start, or later when it checked in after its slot', () => {
    expect(queueTimeOf(slots, t('08:50'), t('10:00'))).toEqual(t('10:00'));
    expect(queueTimeOf(slots, t('10:20'), t('10:00'))).toEqual(t('10:00'));
    expect(queueTimeOf(slots, t('10:40'), t('10:00'))).toEqual(t('10:30'));
  });
});
