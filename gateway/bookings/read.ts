/** Reading bookings: a resident's own (others' answer 404), and a service point's day for staff. */
import { BookingModel, type BookingStatus } from '../../models/booking';
import { UserModel } from '../../models/user';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { loadResident } from '../identity/residents';
import { findBookingOf } from './cancel';
import { now as clockNow } from './clock';
import { currentBlock } from './no-shows';
import { BOOKING_STATUS_NAMES, presentBooking } from './presenter';
import { bookingRules } from './rules';
import { assertStaffScope } from './scope';
import { isoChina } from './timing';

/** The resident's bookings, newest slot first, with what the mini-program needs to offer booking. */
export async function listMyBookings(actor: ResidentActor, now = clockNow()) {
  const rules = bookingRules();
  const [user, bookings, blocked] = await Promise.all([
    loadResident(actor),
    BookingModel.find({ userId: actor.userId }).sort({ startAt: -1 }).limit(100).lean(),
    currentBlock(actor.userId, now, rules),
  ]);
  return {
    items: bookings.map((b) => presentBooking(b, now, rules)),
    realNameBound: Boolean(user.realName?.idHash),
    smsNotice: Boolean(user.phoneEnc && user.phoneVerifiedAt),
    blockedUntil: blocked ? isoChina(blocked) : null,
  };
}

export async function getMyBooking(actor: ResidentActor, id: string, now = clockNow()) {
  return presentBooking(await findBookingOf(actor.userId, id), now, bookingRules());
}

export interface StaffBookingQuery {
  servicePointId: string;
  date: string;
  window?: string;
  status?: BookingStatus;
}

/** A service point's bookings of a day for the hall staff, with masked names only. */
export async function listBookingsForStaff(actor: StaffActor, query: StaffBookingQuery, now = clockNow()) {
  assertStaffScope(actor, query.servicePointId);
  const filter: Record<string, unknown> = { servicePoint: query.servicePointId, date: query.date };
  if (query.window) filter.window = query.window;
  if (query.status) filter.status = query.status;
  const bookings = await BookingModel.find(filter).sort({ startAt: 1, bookedAt: 1 }).limit(2000).lean();
  const users = await UserModel.find({ _id: { $in: [...new Set(bookings.map((b) => b.userId))] } }).select({ 'realName.nameMasked': 1, phoneMasked: 1 }).lean<Array<{ _id: unknown; realName?: { nameMasked?: string }; phoneMasked?: string }>>();
  const byId = new Map(users.map((u) => [String(u._id), u]));
  const rules = bookingRules();
  return {
    items: bookings.map((b) => ({
      ...presentBooking(b, now, rules),
      statusName: BOOKING_STATUS_NAMES[b.status],
      resident: { name: byId.get(b.userId)?.realName?.nameMasked ?? null, phone: byId.get(b.userId)?.phoneMasked ?? null },
    })),
  };
}
