/**
 * Booking SMS: confirmation, reminder and cancellation, sent to the resident's verified phone
 * through the durable queue (in the caller's transaction). Residents without one get no SMS.
 */
import type { ClientSession } from 'mongoose';
import type { Booking } from '../../models/booking';
import { UserModel } from '../../models/user';
import { enqueueMessage } from '../notifications/queue';
import { decryptPersonal } from '../privacy/crypto';
import { dateLabel } from './timing';

type BookingForSms = Pick<Booking, 'guideName' | 'servicePointName' | 'windowName' | 'date' | 'start' | 'end' | 'code' | 'userId' | 'revision'> & { _id: unknown };

/** The resident's verified phone, or undefined. */
export async function verifiedPhoneOf(userId: string, session?: ClientSession): Promise<string | undefined> {
  const user = await UserModel.findById(userId, { phoneEnc: 1, phoneVerifiedAt: 1 }, { session }).lean();
  return user?.phoneEnc && user.phoneVerifiedAt ? decryptPersonal(user.phoneEnc) : undefined;
}

/** De-duplication keys: the first version of a booking keeps the plain key; each reschedule gets its own. */
export function smsKey(b: BookingForSms, event: 'confirmed' | 'reminder' | 'cancelled'): string {
  const base = `booking:${String(b._id)}:${event}`;
  return event !== 'cancelled' && (b.revision ?? 0) > 0 ? `${base}:r${b.revision}` : base;
}

const place = (b: BookingForSms) => `${b.servicePointName}${b.windowName}`;
const cause = (b: BookingForSms) => ({ type: 'booking', id: String(b._id) });

export function enqueueConfirmation(b: BookingForSms, phone: string, session: ClientSession) {
  return enqueueMessage(
    {
      kind: 'booking_confirmed',
      phone,
      params: { item: b.guideName, place: place(b), time: `${dateLabel(b.date)}${b.start}-${b.end}`, code: b.code },
      dedupeKey: smsKey(b, 'confirmed'),
      userId: b.userId,
      cause: cause(b),
    },
    session,
  );
}

export function enqueueReminder(b: BookingForSms, phone: string, session: ClientSession) {
  return enqueueMessage(
    {
      kind: 'booking_reminder',
      phone,
      params: { item: b.guideName, place: place(b), time: `${b.start}-${b.end}`, code: b.code },
      dedupeKey: smsKey(b, 'reminder'),
      userId: b.userId,
      cause: cause(b),
    },
    session,
  );
}

export function enqueueCancellation(b: BookingForSms, phone: string, reason: string, session: ClientSession) {
  return enqueueMessage(
    {
      kind: 'booking_cancelled',
      phone,
      params: { item: b.guideName, time: `${dateLabel(b.date)}${b.start}`, reason },
      dedupeKey: smsKey(b, 'cancelled'),
      userId: b.userId,
      cause: cause(b),
    },
    session,
  );
}
