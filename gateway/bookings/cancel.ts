/**
 * Cancelling a booking: by the resident (until the change deadline, 2 hours before by default) or
 * by staff (any time before check-in, with a reason). The booking changes and the SMS is queued in
 * one transaction; then the seat is released.
 */
import type { ClientSession } from 'mongoose';
import { Types } from 'mongoose';
import { BookingModel, type Booking } from '../../models/booking';
import { conflict, notFound } from '../errors';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { now as clockNow } from './clock';
import { enqueueCancellation, verifiedPhoneOf } from './messages';
import { presentBooking } from './presenter';
import { bookingRules } from './rules';
import { assertStaffScope } from './scope';
import { releaseSeat } from './seats';
import { assertChangeable } from './timing';
import { inTransaction } from './transaction';

type BookingDoc = Booking & { _id: Types.ObjectId };

export const RESIDENT_CANCEL_REASON = '本人取消';

export interface Cancellation {
  by: 'resident' | 'staff' | 'system';
  reason: string;
  staffId?: string;
  at: Date;
}

/**
 * Cancels a booking inside a transaction: status, day key and SMS. The caller releases the seat
 * after the commit (`releaseSeat`); if it never gets there, the seat reconciliation does.
 */
export async function cancelInSession(b: BookingDoc, c: Cancellation, session: ClientSession): Promise<void> {
  const res = await BookingModel.updateOne(
    { _id: b._id, status: 'booked', revision: b.revision },
    { $set: { status: 'cancelled', cancellation: { at: c.at, by: c.by, staffId: c.staffId, reason: c.reason } }, $unset: { dayKey: 1 } },
    { session },
  );
  if (res.modifiedCount !== 1) throw conflict('booking.changed', '预约刚刚发生了变化，请刷新后重试');
  const phone = await verifiedPhoneOf(b.userId, session);
  if (phone) await enqueueCancellation(b, phone, c.reason, session);
}

export async function findBookingOf(userId: string, id: string): Promise<BookingDoc> {
  const b = Types.ObjectId.isValid(id) ? await BookingModel.findOne({ _id: id, userId }).lean() : null;
  if (!b) throw notFound('booking.not_found', '未找到该预约');
  return b as BookingDoc;
}

export async function cancelMyBooking(actor: ResidentActor, id: string, now = clockNow()) {
  const rules = bookingRules();
  const b = await findBookingOf(actor.userId, id);
  // Cancelling twice answers with the cancelled booking (a retried DELETE is harmless).
  if (b.status === 'cancelled') return presentBooking(b, now, rules);
  if (b.status !== 'booked') throw conflict('booking.not_cancellable', '该预约已取号、办理或过期，不能取消');
  assertChangeable(b.startAt, now, rules);
  await inTransaction((session) => cancelInSession(b, { by: 'resident', reason: RESIDENT_CANCEL_REASON, at: now }, session));
  await releaseSeat(b.slotId, String(b._id));
  return presentBooking((await BookingModel.findById(b._id).lean())!, now, rules);
}

export async function cancelBookingByStaff(actor: StaffActor, id: string, reason: string, now = clockNow()) {
  const rules = bookingRules();
  const b = Types.ObjectId.isValid(id) ? ((await BookingModel.findById(id).lean()) as BookingDoc | null) : null;
  if (!b) throw notFound('booking.not_found', '未找到该预约');
  assertStaffScope(actor, b.servicePoint);
  if (b.status !== 'booked') throw conflict('booking.not_cancellable', '该预约已取号、办理、取消或过期，不能取消');
  await inTransaction((session) => cancelInSession(b, { by: 'staff', reason, staffId: actor.staffId, at: now }, session));
  await releaseSeat(b.slotId, String(b._id));
  await recordAudit(actor, 'booking.cancel', { type: 'booking', id: String(b._id) }, { code: b.code, slotId: b.slotId, reason });
  return presentBooking((await BookingModel.findById(b._id).lean())!, now, rules);
}
