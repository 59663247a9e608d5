/**
 * Rescheduling (改约): the new seat is taken first (a full slot changes nothing); then one
 * transaction moves the booking (new day key, next revision) and queues the new confirmation SMS;
 * then the old seat is released. If the transaction fails the new seat is given back.
 */
import { BookingModel } from '../../models/booking';
import { badRequest, conflict } from '../errors';
import type { ResidentActor } from '../identity/actor';
import { findBookingOf } from './cancel';
import { now as clockNow } from './clock';
import { enqueueConfirmation, verifiedPhoneOf } from './messages';
import { assertNotBlocked } from './no-shows';
import { presentBooking } from './presenter';
import { bookingRules } from './rules';
import { releaseSeat, takeSeat } from './seats';
import { assertSlotOpen, defaultCapacity, materializeSlot, resolveSlot } from './target';
import { assertBookableTime, assertChangeable } from './timing';
import { duplicateKeyOf, inTransaction } from './transaction';

export async function rescheduleMyBooking(actor: ResidentActor, id: string, input: { slotId: string }, now = clockNow()) {
  const rules = bookingRules();
  const b = await findBookingOf(actor.userId, id);
  if (b.status !== 'booked') throw conflict('booking.not_changeable', '该预约已取号、办理、取消或过期，不能改约');
  if (input.slotId === b.slotId) throw badRequest('booking.same_slot', '新时段与原预约时段相同');
  assertChangeable(b.startAt, now, rules);
  await assertNotBlocked(actor.userId, now, rules);
  const target = await resolveSlot(b.guideCode, input.slotId, rules);
  await assertBookableTime(target.slot, now, rules);
  assertSlotOpen(await materializeSlot(target.slot, defaultCapacity(target.window)));

  const { slot } = target;
  const change = {
    servicePoint: target.point.code,
    servicePointName: target.point.name,
    window: target.window.code,
    windowName: target.window.name,
    slotId: slot.id,
    date: slot.date,
    start: slot.start,
    end: slot.end,
    startAt: slot.startAt,
    endAt: slot.endAt,
    dayKey: `${actor.userId}:${slot.date}`,
    revision: b.revision + 1,
  };
  if (change.dayKey !== b.dayKey && (await BookingModel.exists({ dayKey: change.dayKey }))) {
    throw conflict('booking.daily_limit', '您在该日已有一个预约，每人每天限预约1次');
  }
  const phone = await verifiedPhoneOf(actor.userId);
  const bookingId = String(b._id);
  await takeSeat(slot.id, bookingId);
  try {
    await inTransaction(async (session) => {
      const res = await BookingModel.updateOne(
        { _id: b._id, status: 'booked', revision: b.revision },
        { $set: { ...change, smsNotice: Boolean(phone), rescheduledAt: now }, $unset: { remindedAt: 1 } },
        { session },
      );
      if (res.modifiedCount !== 1) throw conflict('booking.changed', '预约刚刚发生了变化，请刷新后重试');
      if (phone) await enqueueConfirmation({ ...b, ...change }, phone, session);
    });
  } catch (err) {
    await releaseSeat(slot.id, bookingId);
    if (duplicateKeyOf(err) === 'dayKey') throw conflict('booking.daily_limit', '您在该日已有一个预约，每人每天限预约1次');
    throw err;
  }
  await releaseSeat(b.slotId, bookingId);
  return presentBooking((await BookingModel.findById(b._id).lean())!, now, rules);
}
