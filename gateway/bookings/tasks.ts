/**
 * Booking background jobs, each singleton cluster-wide and idempotent:
 * - reminders: from `reminderHour` (China time) the day before, one SMS per booking of tomorrow
 *   (not to bookings made or moved today: their confirmation has just been sent);
 * - no-show sweep: a booking not checked in by the end of its slot plus the grace period is a
 *   no-show, which counts toward blocking;
 * - seat reconciliation: frees seats a process left held when it died mid-booking (seats.ts).
 */
import { BookingModel } from '../../models/booking';
import { chinaDate, shiftDate } from '../calendar/working-days';
import { registerTask } from '../worker/runner';
import { now as clockNow } from './clock';
import { enqueueReminder, verifiedPhoneOf } from './messages';
import { recordNoShow } from './no-shows';
import { bookingRules } from './rules';
import { reconcileSeats } from './seats';
import { inTransaction } from './transaction';

const BATCH = 200;

/** Queues reminders for tomorrow's bookings; true when a full batch was handled (run again). */
export async function sendBookingReminders(now = clockNow()): Promise<boolean> {
  const rules = bookingRules();
  const hour = new Date(now.getTime() + 8 * 3600_000).getUTCHours();
  if (hour < rules.reminderHour) return false;
  const today = chinaDate(now);
  const due = await BookingModel.find({ date: shiftDate(today, 1), status: 'booked', remindedAt: { $exists: false } }).sort({ _id: 1 }).limit(BATCH).lean();
  for (const b of due) {
    const justConfirmed = chinaDate(b.rescheduledAt ?? b.bookedAt) === today;
    const phone = justConfirmed ? undefined : await verifiedPhoneOf(b.userId);
    // Marked and queued together, and only for the revision read (a reschedule meanwhile gets its own).
    await inTransaction(async (session) => {
      const res = await BookingModel.updateOne({ _id: b._id, status: 'booked', revision: b.revision, remindedAt: { $exists: false } }, { $set: { remindedAt: now } }, { session });
      if (res.modifiedCount === 1 && phone) await enqueueReminder(b, phone, session);
    });
  }
  return due.length === BATCH;
}

/** Marks bookings whose slot (plus grace) ended without a check-in as no-shows. */
export async function markMissedBookings(now = clockNow()): Promise<boolean> {
  const rules = bookingRules();
  const before = new Date(now.getTime() - rules.checkInGraceMinutes * 60_000);
  const missed = await BookingModel.find({ status: 'booked', endAt: { $lt: before } }).sort({ endAt: 1 }).limit(BATCH).lean();
  for (const b of missed) {
    await inTransaction(async (session) => {
      const res = await BookingModel.updateOne({ _id: b._id, status: 'booked' }, { $set: { status: 'no_show', noShowAt: now } }, { session });
      // The no-show happened when the slot ended, however late the sweep runs.
      if (res.modifiedCount === 1) await recordNoShow({ userId: b.userId, bookingId: String(b._id), at: b.endAt, source: 'missed' }, session);
    });
  }
  return missed.length === BATCH;
}

registerTask({ name: 'booking-reminders', intervalMs: 10 * 60_000, mode: 'singleton', run: () => sendBookingReminders() });
registerTask({ name: 'booking-no-shows', intervalMs: 5 * 60_000, mode: 'singleton', run: () => markMissedBookings() });
registerTask({
  name: 'booking-seats',
  intervalMs: 5 * 60_000,
  mode: 'singleton',
  run: async () => {
    await reconcileSeats(new Date(clockNow().getTime() - 86400_000));
  },
});
