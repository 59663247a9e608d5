/**
 * Check-in: a booking becomes a queue ticket for its window, on its day, until its slot ended plus
 * the grace period. At the reception desk a clerk of the point checks it in by code (or the QR
 * payload); at a self-service kiosk the resident gives the code and the last 4 characters of their
 * ID number or phone. Checking in twice answers with the same ticket.
 */
import { Types } from 'mongoose';
import { BookingModel, type Booking } from '../../models/booking';
import { TicketModel } from '../../models/ticket';
import { UserModel } from '../../models/user';
import { chinaDate } from '../calendar/working-days';
import { now as clockNow } from '../bookings/clock';
import { bookingRules } from '../bookings/rules';
import { assertStaffScope } from '../bookings/scope';
import { dateLabel } from '../bookings/timing';
import { duplicateKeyOf, inTransaction } from '../bookings/transaction';
import { AppError, conflict, notFound } from '../errors';
import type { StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { enforce } from '../limits/rate-limit';
import { decryptPersonal } from '../privacy/crypto';
import { countAhead, issueTicket, loadPointWindow } from './issue';
import { presentTicket, presentTicketForStaff } from './presenter';

type BookingDoc = Booking & { _id: Types.ObjectId };

/** Accepts the code as typed or scanned (`OW-BOOKING:<code>`). */
export const normalizeBookingCode = (input: string) => input.trim().toUpperCase().replace(/^OW-BOOKING:/, '');

async function checkIn(b: BookingDoc, via: { kind: 'clerk'; staffId: string } | { kind: 'kiosk' }, now: Date) {
  const { point, window } = await loadPointWindow(b.servicePoint, b.window);
  if (b.status === 'checked_in' && b.ticketId) {
    const existing = await TicketModel.findById(b.ticketId).lean();
    if (existing) return { ticket: existing, windowName: window.name, waitingAhead: await countAhead(existing), repeated: true };
  }
  if (b.status === 'cancelled') throw conflict('booking.cancelled', '该预约已取消，请现场取号办理');
  if (b.status === 'served') throw conflict('booking.already_served', '该预约已办理完毕');
  const rules = bookingRules();
  if (b.status === 'no_show' || now.getTime() > b.endAt.getTime() + rules.checkInGraceMinutes * 60_000) {
    throw conflict('queue.check_in_closed', '已超过预约时段，预约已失效，请现场取号办理');
  }
  const today = chinaDate(now);
  if (b.date !== today) throw conflict('queue.not_today', `该预约日期为${dateLabel(b.date)}，请在预约当天到场取号`);
  try {
    const ticket = await inTransaction(async (session) => {
      const t = await issueTicket(
        {
          point, window, date: today, issuedAt: now, kind: 'booked', bookedSlotStart: b.startAt, bookingId: String(b._id), userId: b.userId,
          guide: { code: b.guideCode, name: b.guideName }, issuedVia: via.kind, issuedBy: via.kind === 'clerk' ? via.staffId : undefined,
        },
        session,
      );
      const res = await BookingModel.updateOne(
        { _id: b._id, status: 'booked' },
        { $set: { status: 'checked_in', checkedInAt: now, ticketId: String(t._id), ticketNumber: t.number } },
        { session },
      );
      if (res.modifiedCount !== 1) throw conflict('booking.changed', '预约刚刚发生了变化，请刷新后重试');
      return t;
    });
    return { ticket, windowName: window.name, waitingAhead: await countAhead(ticket), repeated: false };
  } catch (err) {
    // Checked in twice at once: the second answers with the first one's ticket.
    if (duplicateKeyOf(err) !== 'bookingId' && !(err instanceof AppError && err.code === 'booking.changed')) throw err;
    const existing = await TicketModel.findOne({ bookingId: String(b._id) }).lean();
    if (!existing) throw err;
    return { ticket: existing, windowName: window.name, waitingAhead: await countAhead(existing), repeated: true };
  }
}

export async function checkInByClerk(actor: StaffActor, code: string, now = clockNow()) {
  const b = (await BookingModel.findOne({ code: normalizeBookingCode(code) }).lean()) as BookingDoc | null;
  if (!b) throw notFound('booking.not_found', '未找到该预约码，请核对后重试');
  if (actor.servicePoint && actor.servicePoint !== b.servicePoint) {
    throw conflict('queue.wrong_point', `该预约的办理地点是${b.servicePointName}，请前往该处取号`);
  }
  assertStaffScope(actor, b.servicePoint);
  const { ticket, windowName, waitingAhead, repeated } = await checkIn(b, { kind: 'clerk', staffId: actor.staffId }, now);
  if (!repeated) await recordAudit(actor, 'booking.check_in', { type: 'booking', id: String(b._id) }, { code: b.code, ticket: ticket.number });
  return { ticket: { ...presentTicketForStaff(ticket, windowName), waitingAhead }, repeated };
}

const lastFour = (value: string) => value.slice(-4).toUpperCase();

/** Kiosk check-in: no login; the code plus the last 4 of the ID number or phone, with attempt limits per code. */
export async function checkInAtKiosk(input: { servicePointId: string; code: string; last4: string }, now = clockNow()) {
  const code = normalizeBookingCode(input.code);
  await enforce(`kiosk-code:${code}`, [{ limit: 5, windowSeconds: 900 }], 'queue.too_many_attempts', '尝试次数过多，请到服务台由工作人员帮您取号');
  const failed = () => notFound('queue.check_in_failed', '预约码或证件号/手机号后四位不正确，请核对后重试');
  const b = (await BookingModel.findOne({ code }).lean()) as BookingDoc | null;
  if (!b) throw failed();
  const user = await UserModel.findById(b.userId, { 'realName.idEnc': 1, phoneEnc: 1 }).lean();
  const given = input.last4.trim().toUpperCase();
  const matches = [user?.realName?.idEnc, user?.phoneEnc].some((sealed) => sealed && lastFour(decryptPersonal(sealed)) === given);
  if (!matches) throw failed();
  if (b.servicePoint !== input.servicePointId) throw conflict('queue.wrong_point', `该预约的办理地点是${b.servicePointName}，请前往该处取号`);
  const { ticket, windowName, waitingAhead, repeated } = await checkIn(b, { kind: 'kiosk' }, now);
  return { ticket: presentTicket(ticket, windowName, waitingAhead), repeated };
}
