/** Creating a ticket at a window of a point (in the caller's transaction when given one). */
import type { ClientSession } from 'mongoose';
import { ServicePointModel, type ServicePoint } from '../../models/service-point';
import { TicketModel } from '../../models/ticket';
import { loadCalendarOverrides } from '../calendar/working-days';
import { notFound } from '../errors';
import { bookingRules } from '../bookings/rules';
import { slotsOfDay } from '../bookings/schedule';
import { aheadOf, KIND_RANK, nextTicketNumber, queueTimeOf } from './tickets';

export async function loadPointWindow(servicePoint: string, window: string) {
  const point = await ServicePointModel.findOne({ code: servicePoint, active: true }).lean();
  if (!point) throw notFound('service_point.not_found', '未找到该服务网点');
  const w = point.windows.find((x) => x.code === window);
  if (!w) throw notFound('queue.window_not_found', '该服务网点没有这个窗口');
  return { point, window: w };
}

export interface TicketInput {
  point: ServicePoint;
  window: ServicePoint['windows'][number];
  date: string;
  issuedAt: Date;
  kind: 'booked' | 'walk_in';
  bookedSlotStart?: Date;
  bookingId?: string;
  userId?: string;
  guide?: { code: string; name: string };
  issuedVia: 'clerk' | 'kiosk';
  issuedBy?: string;
}

/**
 * The number is drawn outside the caller's transaction: every ticket of a window increments the same
 * counter, and transactions writing one hot document thrash under a morning rush. A failed
 * transaction leaves a gap in the numbers, which is harmless.
 */
export async function issueTicket(input: TicketInput, session?: ClientSession) {
  await loadCalendarOverrides();
  const daySlots = slotsOfDay(input.point, input.window.code, input.date, bookingRules().slotMinutes);
  const { seq, number } = await nextTicketNumber(input.point.code, input.window.code, input.date, input.window.ticketPrefix);
  const [ticket] = await TicketModel.create(
    [
      {
        servicePoint: input.point.code,
        window: input.window.code,
        date: input.date,
        seq,
        number,
        kind: input.kind,
        kindRank: KIND_RANK[input.kind],
        bookingId: input.bookingId,
        userId: input.userId,
        guideCode: input.guide?.code,
        guideName: input.guide?.name,
        issuedAt: input.issuedAt,
        queueAt: queueTimeOf(daySlots, input.issuedAt, input.bookedSlotStart),
        issuedVia: input.issuedVia,
        issuedBy: input.issuedBy,
      },
    ],
    { session },
  );
  return ticket.toObject();
}

/** How many waiting tickets are called before this one. */
export const countAhead = (t: Parameters<typeof aheadOf>[0]) => TicketModel.countDocuments(aheadOf(t));
