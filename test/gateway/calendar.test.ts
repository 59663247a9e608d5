/** Working-day arithmetic across a national holiday with make-up workdays, and local overrides. */
import { addWorkingDays, chinaDate, endOfChinaDay, forgetCalendarOverrides, isWorkingDay, loadCalendarOverrides, workingDaysBetween } from '../../gateway/calendar/working-days';
import { CalendarOverrideModel } from '../../models/calendar-override';
import { connectTestDatabase, dropTestDatabase } from '../support/db';

describe('working days', () => {
  beforeAll(() => connectTestDatabase('calendar'));
  afterAll(() => dropTestDatabase());

  it('knows the 2026 National Day holiday and its make-up Saturday', () => {
    expect(isWorkingDay('2026-09-30')).toBe(true);
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-07']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休 workday
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });

  it('counts a promised limit across the holiday', () => {
    // Accepted on Wed 30 Sep; 5 working days: Thu 8, Fri 9, Sat 10 (make-up), Mon 12, Tue 13.
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
    expect(workingDaysBetween('2026-10-13', '2026-09-30')).toBe(-5);
    expect(workingDaysBetween('2026-10-13', '2026-10-13')).toBe(0);
    // Spring Festival 2026: Sat 14 Feb is a make-up workday.
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-17')).toBe(false);
  });

  it('uses China time for dates', () => {
    expect(chinaDate(new Date('2026-10-12T16:30:00Z'))).toBe('2026-10-13');
    expect(endOfChinaDay('2026-10-13').toISOString()).toBe('2026-10-13T15:59:59.999Z');
  });

  it('applies local overrides (a local holiday, an extra working day)', async () => {
    await CalendarOverrideModel.create({ date: '2026-12-01', working: false, note: '旗庆放假' });
    await CalendarOverrideModel.create({ date: '2026-12-05', working: true, note: '周六补班' });
    forgetCalendarOverrides();
    await loadCalendarOverrides();
    expect(isWorkingDay('2026-12-01')).toBe(false);
    expect(isWorkingDay('2026-12-05')).toBe(true);
    expect(addWorkingDays('2026-11-30', 2)).toBe('2026-12-03');
  });

  it('falls back to the weekend rule where the national data ends', () => {
    expect(isWorkingDay('2030-06-03')).toBe(true); // a Monday
    expect(isWorkingDay('2030-06-08')).toBe(false); // a Saturday
  });
});
