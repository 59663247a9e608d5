/**
 * Staff and slots: the day view of a point's slots, and changing a slot's capacity or closing it.
 * The new capacity holds at once for new bookings (seats are taken against it atomically); bookings
 * already beyond it (all of them in a closed slot) are cancelled — the latest booked first — with
 * an SMS giving the staff member's reason. The change is audited.
 */
import { BookingModel } from '../../models/booking';
import { ServicePointModel } from '../../models/service-point';
import { SlotModel, type Slot } from '../../models/slot';
import { conflict, notFound } from '../errors';
import type { StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { loadCalendarOverrides } from '../calendar/working-days';
import { cancelInSession } from './cancel';
import { now as clockNow } from './clock';
import { bookingRules } from './rules';
import { parseSlotId, slotsOfDay, type ScheduledSlot } from './schedule';
import { assertStaffScope } from './scope';
import { releaseSeat } from './seats';
import { defaultCapacity, materializeSlot, type PointWindow } from './target';
import { isoChina } from './timing';
import { inTransaction } from './transaction';

function presentStaffSlot(s: ScheduledSlot, w: PointWindow, doc?: Pick<Slot, 'capacity' | 'booked' | 'closed' | 'closedReason'> | null) {
  return {
    id: s.id,
    date: s.date,
    start: isoChina(s.startAt),
    end: isoChina(s.endAt),
    time: `${s.start}-${s.end}`,
    window: { code: w.code, name: w.name },
    capacity: doc?.capacity ?? defaultCapacity(w),
    booked: doc?.booked ?? 0,
    closed: Boolean(doc?.closed),
    closedReason: doc?.closedReason ?? null,
  };
}

export async function listSlotsForStaff(actor: StaffActor, query: { servicePointId: string; date: string; window?: string }) {
  assertStaffScope(actor, query.servicePointId);
  const point = await ServicePointModel.findOne({ code: query.servicePointId }).lean();
  if (!point) throw notFound('service_point.not_found', '未找到该服务网点');
  await loadCalendarOverrides();
  const rules = bookingRules();
  const windows = point.windows.filter((w) => !query.window || w.code === query.window);
  const scheduled = windows.flatMap((w) => slotsOfDay(point, w.code, query.date, rules.slotMinutes).map((s) => ({ s, w })));
  const docs = await SlotModel.find({ servicePoint: point.code, date: query.date }).lean();
  const byId = new Map(docs.map((d) => [d._id, d]));
  return { items: scheduled.map(({ s, w }) => presentStaffSlot(s, w, byId.get(s.id))) };
}

export interface SlotChange {
  capacity?: number;
  closed?: boolean;
  /** Told to residents whose bookings this cancels (SMS), and kept in the audit log. */
  reason: string;
}

export async function updateSlot(actor: StaffActor, slotId: string, change: SlotChange, now = clockNow()) {
  const parsed = parseSlotId(slotId);
  if (!parsed) throw notFound('slot.not_found', '未找到该预约时段');
  assertStaffScope(actor, parsed.servicePoint, parsed.window);
  const point = await ServicePointModel.findOne({ code: parsed.servicePoint }).lean();
  const window = point?.windows.find((w) => w.code === parsed.window);
  await loadCalendarOverrides();
  const scheduled = point && window ? slotsOfDay(point, window.code, parsed.date, bookingRules().slotMinutes).find((s) => s.id === slotId) : undefined;
  if (!point || !window || !scheduled) throw notFound('slot.not_found', '未找到该预约时段');
  if (scheduled.endAt.getTime() <= now.getTime()) throw conflict('slot.past', '该时段已结束，不能再修改');
  await materializeSlot(scheduled, defaultCapacity(window));

  const set: Record<string, unknown> = {};
  if (change.capacity !== undefined) set.capacity = change.capacity;
  if (change.closed !== undefined) set.closed = change.closed;
  if (change.closed) set.closedReason = change.reason;
  await SlotModel.updateOne({ _id: slotId }, change.closed === false ? { $set: set, $unset: { closedReason: 1 } } : { $set: set });

  // From now on no seat beyond the new capacity can be taken; cancel the bookings already beyond it.
  const cancelled: Array<{ id: string; code: string }> = [];
  for (let round = 0; round < 5; round++) {
    const slot = (await SlotModel.findById(slotId, { capacity: 1, booked: 1, closed: 1 }).lean())!;
    const excess = slot.booked - (slot.closed ? 0 : slot.capacity);
    if (excess <= 0) break;
    // Arrived (checked-in) bookings keep their seat; the latest bookings are cancelled first.
    const victims = await BookingModel.find({ slotId, status: 'booked' }).sort({ bookedAt: -1, _id: -1 }).limit(excess).lean();
    if (!victims.length) break;
    await inTransaction(async (session) => {
      for (const b of victims) await cancelInSession(b, { by: 'staff', reason: change.reason, staffId: actor.staffId, at: now }, session);
    });
    for (const b of victims) {
      await releaseSeat(slotId, String(b._id));
      cancelled.push({ id: String(b._id), code: b.code });
    }
  }
  await recordAudit(actor, 'slot.update', { type: 'slot', id: slotId }, { capacity: change.capacity, closed: change.closed, reason: change.reason, cancelledBookings: cancelled.map((c) => c.code) });
  const doc = await SlotModel.findById(slotId).lean();
  return { slot: presentStaffSlot(scheduled, window, doc), cancelledBookings: cancelled };
}
