/** What a booking is for: a bookable guide, a service point and window that handle it, and a slot of their schedule. */
import { GuideModel, type Guide } from '../../models/guide';
import { ServicePointModel, type ServicePoint } from '../../models/service-point';
import { SlotModel } from '../../models/slot';
import { badRequest, conflict, notFound } from '../errors';
import { loadedCatalogue } from '../guides/catalogue';
import { loadCalendarOverrides } from '../calendar/working-days';
import type { BookingRules } from './rules';
import { isPointOpen, parseSlotId, slotsOfDay, type ScheduledSlot } from './schedule';
import { duplicateKeyOf } from './transaction';

export type PointWindow = ServicePoint['windows'][number];

export interface GuideAtPoint {
  guide: { code: string; name: string };
  point: ServicePoint;
  /** The point's windows that handle the guide. */
  windows: PointWindow[];
}

export interface BookingTarget extends GuideAtPoint {
  window: PointWindow;
  slot: ScheduledSlot;
}

export async function loadGuideAtPoint(guideCode: string, pointCode: string): Promise<GuideAtPoint> {
  const [guide, point] = await Promise.all([
    GuideModel.findOne({ code: guideCode, status: 'published' }, { code: 1, name: 1, bookable: 1, handledAt: 1 }).lean(),
    ServicePointModel.findOne({ code: pointCode, active: true }).lean(),
  ]);
  return guideAtPoint(guide, point, pointCode);
}

/**
 * The same, from this instance's in-memory catalogue when it holds both (a slot listing is a read,
 * and the catalogue follows guide changes at once and service point changes within its polling
 * interval); from the database otherwise. A booking always reads the database.
 */
export async function guideAtPointForListing(guideCode: string, pointCode: string): Promise<GuideAtPoint> {
  const cat = loadedCatalogue();
  const guide = cat?.guides.get(guideCode);
  const point = cat?.storedPoints.get(pointCode);
  return guide && point ? guideAtPoint(guide, point, pointCode) : loadGuideAtPoint(guideCode, pointCode);
}

type GuideFields = Pick<Guide, 'code' | 'name' | 'bookable' | 'handledAt'>;

/** Every refusal has its own code: no such guide, not bookable, no such point, not handled there. */
function guideAtPoint(guide: GuideFields | null, point: ServicePoint | null, pointCode: string): GuideAtPoint {
  if (!guide) throw notFound('guide.not_found', '未找到该办事事项');
  if (!guide.bookable) throw conflict('booking.not_bookable', '该事项暂不支持预约，请直接到大厅办理');
  if (!point) throw notFound('service_point.not_found', '未找到该服务网点');
  const handled = guide.handledAt.find((h) => h.point === pointCode);
  const windows = handled ? point.windows.filter((w) => handled.windows.includes(w.code)) : [];
  if (!windows.length) throw badRequest('booking.point_mismatch', '该网点不办理此事项，请选择其他网点');
  return { guide: { code: guide.code, name: guide.name }, point, windows };
}

/** Resolves a client's slot id for a guide; every refusal has its own code. */
export async function resolveSlot(guideCode: string, slotId: string, rules: BookingRules): Promise<BookingTarget> {
  const parsed = parseSlotId(slotId);
  if (!parsed) throw notFound('slot.not_found', '未找到该预约时段，请重新选择');
  const found = await loadGuideAtPoint(guideCode, parsed.servicePoint);
  const window = found.windows.find((w) => w.code === parsed.window);
  if (!window) throw badRequest('booking.point_mismatch', '该窗口不办理此事项，请重新选择时段');
  await loadCalendarOverrides();
  if (!isPointOpen(found.point.openingHours, parsed.date)) throw conflict('booking.day_closed', '该日不对外办公，请选择其他日期');
  const slot = slotsOfDay(found.point, window.code, parsed.date, rules.slotMinutes).find((s) => s.id === slotId);
  if (!slot) throw notFound('slot.not_found', '未找到该预约时段，请重新选择');
  return { ...found, window, slot };
}

/** Default seats of a window's slot: one per counter. */
export const defaultCapacity = (window: PointWindow) => Math.max(0, window.counters ?? 1);

/** The slot's document, written on first need; every instance upserts the same id, so they agree. */
export async function materializeSlot(slot: ScheduledSlot, capacity: number) {
  const insert = { servicePoint: slot.servicePoint, window: slot.window, date: slot.date, start: slot.start, end: slot.end, startAt: slot.startAt, endAt: slot.endAt, capacity, booked: 0, closed: false };
  try {
    return (await SlotModel.findOneAndUpdate({ _id: slot.id }, { $setOnInsert: insert }, { upsert: true, returnDocument: 'after' }).lean())!;
  } catch (err) {
    if (duplicateKeyOf(err) === undefined) throw err;
    return (await SlotModel.findById(slot.id).lean())!;
  }
}

/** Refuses early, without a transaction, when the slot is visibly closed or full. */
export function assertSlotOpen(doc: { closed?: boolean | null; booked: number; capacity: number }): void {
  if (doc.closed) throw conflict('booking.slot_closed', '该时段已停止预约，请选择其他时段');
  if (doc.booked >= doc.capacity) throw conflict('booking.slot_full', '该时段已约满，请选择其他时段');
}

export const slotFull = () => conflict('booking.slot_full', '该时段已约满，请选择其他时段');
export const slotClosed = () => conflict('booking.slot_closed', '该时段已停止预约，请选择其他时段');
