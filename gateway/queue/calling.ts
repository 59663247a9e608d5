/**
 * Calling at the window: the clerk calls the next ticket of their own window in calling order
 * (gateway/queue/tickets.ts) — one atomic claim, so two clerks of a window never get the same
 * ticket — and closes it as served or no-show. A booked ticket's no-show counts toward blocking.
 */
import { Types } from 'mongoose';
import { BookingModel } from '../../models/booking';
import { TicketModel, type Ticket } from '../../models/ticket';
import { chinaDate } from '../calendar/working-days';
import { now as clockNow } from '../bookings/clock';
import { recordNoShow } from '../bookings/no-shows';
import { assertStaffScope } from '../bookings/scope';
import { duplicateKeyOf, inTransaction } from '../bookings/transaction';
import { AppError, conflict, notFound } from '../errors';
import type { StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { loadPointWindow } from './issue';
import { presentTicketForStaff } from './presenter';
import { CALLING_ORDER } from './tickets';

type TicketDoc = Ticket & { _id: Types.ObjectId };

function ownWindow(actor: StaffActor): { servicePoint: string; window: string } {
  if (!actor.servicePoint || !actor.window) throw new AppError(403, 'queue.no_window', '您的账号未分配窗口，不能叫号');
  return { servicePoint: actor.servicePoint, window: actor.window };
}

const ticketOpen = () => conflict('queue.ticket_open', '请先将当前号标记为“已办理”或“过号”，再叫下一位');

export async function callNext(actor: StaffActor, input: { counter?: number }, now = clockNow()) {
  const { servicePoint, window } = ownWindow(actor);
  const { window: w } = await loadPointWindow(servicePoint, window);
  const date = chinaDate(now);
  if (await TicketModel.exists({ calledBy: actor.staffId, date, status: 'called' })) throw ticketOpen();
  let ticket: TicketDoc | null;
  try {
    ticket = (await TicketModel.findOneAndUpdate(
      { servicePoint, window, date, status: 'waiting' },
      { $set: { status: 'called', calledAt: now, calledBy: actor.staffId, counter: input.counter } },
      { sort: CALLING_ORDER, returnDocument: 'after' },
    ).lean()) as TicketDoc | null;
  } catch (err) {
    // The unique index allows one open ticket per clerk: a double click does not take two.
    if (duplicateKeyOf(err) === 'calledBy') throw ticketOpen();
    throw err;
  }
  if (ticket) await recordAudit(actor, 'ticket.call', { type: 'ticket', id: String(ticket._id) }, { number: ticket.number, counter: input.counter });
  const waiting = await TicketModel.countDocuments({ servicePoint, window, date, status: 'waiting' });
  return { ticket: ticket ? presentTicketForStaff(ticket, w.name) : null, waiting };
}

async function closeTicket(actor: StaffActor, id: string, outcome: 'served' | 'no_show', now: Date) {
  const t = Types.ObjectId.isValid(id) ? ((await TicketModel.findById(id).lean()) as TicketDoc | null) : null;
  if (!t) throw notFound('ticket.not_found', '未找到该号');
  assertStaffScope(actor, t.servicePoint, t.window);
  if (t.status !== 'called') throw conflict('ticket.not_called', '该号不在叫号状态，不能标记');
  const set = outcome === 'served' ? { status: 'served', servedAt: now } : { status: 'no_show', noShowAt: now };
  await inTransaction(async (session) => {
    const res = await TicketModel.updateOne({ _id: t._id, status: 'called' }, { $set: set }, { session });
    if (res.modifiedCount !== 1) throw conflict('ticket.not_called', '该号刚刚已被处理');
    if (!t.bookingId) return;
    await BookingModel.updateOne({ _id: t.bookingId, status: 'checked_in' }, { $set: set }, { session });
    if (outcome === 'no_show') await recordNoShow({ userId: t.userId!, bookingId: t.bookingId, at: now, source: 'called' }, session);
  });
  await recordAudit(actor, `ticket.${outcome}`, { type: 'ticket', id: String(t._id) }, { number: t.number, servicePoint: t.servicePoint, window: t.window });
  const { window } = await loadPointWindow(t.servicePoint, t.window);
  return presentTicketForStaff((await TicketModel.findById(t._id).lean())!, window.name);
}

export const markServed = (actor: StaffActor, id: string, now = clockNow()) => closeTicket(actor, id, 'served', now);
export const markNoShow = (actor: StaffActor, id: string, now = clockNow()) => closeTicket(actor, id, 'no_show', now);

/** A window's queue today for its clerk: tickets being called, then the waiting ones in calling order. */
export async function listQueue(actor: StaffActor, query: { servicePointId?: string; window?: string }, now = clockNow()) {
  const servicePoint = query.servicePointId ?? actor.servicePoint;
  const window = query.window ?? actor.window;
  if (!servicePoint || !window) throw new AppError(400, 'queue.window_required', '请选择服务网点和窗口');
  assertStaffScope(actor, servicePoint);
  const { window: w } = await loadPointWindow(servicePoint, window);
  const date = chinaDate(now);
  const [called, waiting] = await Promise.all([
    TicketModel.find({ servicePoint, window, date, status: 'called' }).sort({ calledAt: 1 }).lean(),
    TicketModel.find({ servicePoint, window, date, status: 'waiting' }).sort(CALLING_ORDER).limit(500).lean(),
  ]);
  return { date, called: called.map((t) => presentTicketForStaff(t, w.name)), waiting: waiting.map((t) => presentTicketForStaff(t, w.name)) };
}
