/**
 * Seats in a slot. Taking one is a single-document conditional update — `booked < capacity`, the
 * slot open, the booking not already holding one — that adds the booking to the slot's holders and
 * counts it: MongoDB applies concurrent updates of one document one at a time, so no number of
 * requests or gateway instances can overbook, and losers get "slot full" at once.
 *
 * Why not inside the booking's transaction: every transaction writing the same hot slot document
 * conflicts with the others (WriteConflict), and hundreds of retrying transactions thrash — in a
 * measurement 300 bookings of one roomy slot took two minutes and half ended in 503. So the seat is
 * taken first, the booking and its SMS are then written in a transaction that touches no shared
 * document, and a failed transaction gives the seat back. Should a process die in between, the
 * seat reconciliation (gateway/bookings/tasks.ts) frees seats whose holder is not a live booking of
 * that slot. Taking and releasing are idempotent per booking.
 */
import { BookingModel, type BookingStatus } from '../../models/booking';
import { SlotModel } from '../../models/slot';
import { slotClosed, slotFull } from './target';

/** Booking statuses that keep their seat (cancelled bookings give it back). */
export const HOLDING_STATUSES: BookingStatus[] = ['booked', 'checked_in', 'served', 'no_show'];

export async function takeSeat(slotId: string, bookingId: string): Promise<void> {
  const res = await SlotModel.updateOne(
    { _id: slotId, closed: false, 'holders.bookingId': { $ne: bookingId }, $expr: { $lt: ['$booked', '$capacity'] } },
    { $inc: { booked: 1 }, $push: { holders: { bookingId, at: new Date() } } },
  );
  if (res.modifiedCount === 1) return;
  const slot = await SlotModel.findById(slotId, { closed: 1, holders: 1 }).lean();
  if (slot?.holders.some((h) => h.bookingId === bookingId)) return;
  throw slot?.closed ? slotClosed() : slotFull();
}

export async function releaseSeat(slotId: string, bookingId: string): Promise<void> {
  await SlotModel.updateOne({ _id: slotId, 'holders.bookingId': bookingId }, { $inc: { booked: -1 }, $pull: { holders: { bookingId } } });
}

/**
 * Frees seats whose holder is not a live booking of the slot (a process died between taking the
 * seat and writing the booking, or between cancelling and releasing). Holders younger than
 * `graceMs` are left alone: their booking may still be on its way.
 */
export async function reconcileSeats(since: Date, graceMs = 5 * 60_000): Promise<number> {
  const slots = await SlotModel.find({ endAt: { $gte: since }, booked: { $gt: 0 } }, { holders: 1 }).lean();
  let freed = 0;
  for (const slot of slots) {
    const ids = slot.holders.map((h) => h.bookingId);
    const live = await BookingModel.find({ _id: { $in: ids }, slotId: slot._id, status: { $in: HOLDING_STATUSES } }, { _id: 1 }).lean();
    const liveIds = new Set(live.map((b) => String(b._id)));
    for (const h of slot.holders) {
      if (liveIds.has(h.bookingId) || Date.now() - h.at.getTime() < graceMs) continue;
      // Re-checked at release time by the holder filter, so a concurrent release does not count twice.
      await releaseSeat(slot._id, h.bookingId);
      freed++;
    }
  }
  return freed;
}
