/**
 * Booking rules, with defaults from Chinese service-hall practice (see /work/shared/notes/domain.md),
 * each configurable through the environment (validated on first use; a bad value stops the
 * request with a clear error in the log and the process should not be started with it).
 */
import { z } from 'zod';

export interface BookingRules {
  /** Length of a slot in minutes. BOOKING_SLOT_MINUTES, default 30. */
  slotMinutes: number;
  /** Earliest bookable date is today + leadDays (0: same-day booking). BOOKING_LEAD_DAYS, default 1 ("at least 1 day ahead"). */
  leadDays: number;
  /** A slot stops taking bookings this many minutes before it starts (matters when leadDays is 0). BOOKING_CUTOFF_MINUTES, default 60. */
  cutoffMinutes: number;
  /** Bookable dates end this many working days after today. BOOKING_HORIZON_WORKING_DAYS, default 5. */
  horizonWorkingDays: number;
  /** Residents may cancel or reschedule until this many minutes before the slot. BOOKING_CANCEL_BEFORE_MINUTES, default 120. */
  cancelBeforeMinutes: number;
  /** This many no-shows … BOOKING_NO_SHOW_LIMIT, default 2 … */
  noShowLimit: number;
  /** … within this many days … BOOKING_NO_SHOW_WINDOW_DAYS, default 30 … */
  noShowWindowDays: number;
  /** … block booking for this many days. BOOKING_BLOCK_DAYS, default 30. */
  blockDays: number;
  /** A booking can still check in this long after its slot ended; then it is a no-show. BOOKING_CHECK_IN_GRACE_MINUTES, default 15. */
  checkInGraceMinutes: number;
  /** Reminders for tomorrow's bookings go out from this hour (China time). BOOKING_REMINDER_HOUR, default 9. */
  reminderHour: number;
}

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const EnvSchema = z.object({
  BOOKING_SLOT_MINUTES: int(5, 240, 30),
  BOOKING_LEAD_DAYS: int(0, 30, 1),
  BOOKING_CUTOFF_MINUTES: int(0, 7 * 24 * 60, 60),
  BOOKING_HORIZON_WORKING_DAYS: int(1, 60, 5),
  BOOKING_CANCEL_BEFORE_MINUTES: int(0, 7 * 24 * 60, 120),
  BOOKING_NO_SHOW_LIMIT: int(1, 100, 2),
  BOOKING_NO_SHOW_WINDOW_DAYS: int(1, 365, 30),
  BOOKING_BLOCK_DAYS: int(0, 365, 30),
  BOOKING_CHECK_IN_GRACE_MINUTES: int(0, 240, 15),
  BOOKING_REMINDER_HOUR: int(0, 23, 9),
});

export function loadBookingRules(env: NodeJS.ProcessEnv = process.env): BookingRules {
  const raw = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('BOOKING_') && v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid booking configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  return {
    slotMinutes: e.BOOKING_SLOT_MINUTES,
    leadDays: e.BOOKING_LEAD_DAYS,
    cutoffMinutes: e.BOOKING_CUTOFF_MINUTES,
    horizonWorkingDays: e.BOOKING_HORIZON_WORKING_DAYS,
    cancelBeforeMinutes: e.BOOKING_CANCEL_BEFORE_MINUTES,
    noShowLimit: e.BOOKING_NO_SHOW_LIMIT,
    noShowWindowDays: e.BOOKING_NO_SHOW_WINDOW_DAYS,
    blockDays: e.BOOKING_BLOCK_DAYS,
    checkInGraceMinutes: e.BOOKING_CHECK_IN_GRACE_MINUTES,
    reminderHour: e.BOOKING_REMINDER_HOUR,
  };
}

let current: BookingRules | undefined;

export function bookingRules(): BookingRules {
  return (current ??= loadBookingRules());
}

/** Tests only: override some rules (undefined restores the environment's). */
export function useBookingRules(overrides: Partial<BookingRules> | undefined): BookingRules {
  if (process.env.NODE_ENV !== 'test') throw new Error('booking rules can be overridden only in tests');
  current = overrides ? { ...loadBookingRules(), ...overrides } : undefined;
  return bookingRules();
}
