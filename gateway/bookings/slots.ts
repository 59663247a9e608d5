/**
 * Available slots for a guide at a service point on a date, with seats left. Listing never writes:
 * slots not yet written have their full default capacity.
 */
import { SlotModel } from '../../models/slot';
import { loadCalendarOverrides } from '../calendar/working-days';
import { now as clockNow } from './clock';
import { bookingRules } from './rules';
import { isPointOpen, slotsOfDay } from './schedule';
import { defaultCapacity, guideAtPointForListing } from './target';
import { bookableDates, bookingTimeProblem, isoChina } from './timing';

interface SeatCounts {
  _id: string;
  capacity?: number;
  closed?: boolean;
  booked?: number;
}

export interface SlotQuery {
  guideCode: string;
  servicePointId: string;
  /** YYYY-MM-DD; the first bookable date when omitted. */
  date?: string;
}

export async function listSlots(query: SlotQuery, now = clockNow()) {
  const rules = bookingRules();
  const { guide, point, windows } = await guideAtPointForListing(query.guideCode, query.servicePointId);
  await loadCalendarOverrides();
  const dates = bookableDates(point.openingHours, now, rules);
  const date = query.date ?? dates[0] ?? null;
  const scheduled = date ? windows.flatMap((w) => slotsOfDay(point, w.code, date, rules.slotMinutes).map((s) => ({ s, w }))) : [];
  // Seats only: a busy slot's document also lists every booking holding a seat, which a listing never shows.
  const docs = scheduled.length ? await SlotModel.collection.find<SeatCounts>({ _id: { $in: scheduled.map(({ s }) => s.id) } } as never, { projection: { capacity: 1, closed: 1, booked: 1 } }).toArray() : [];
  const byId = new Map(docs.map((d) => [d._id, d]));
  const items = scheduled
    .map(({ s, w }) => {
      const doc = byId.get(s.id);
      const capacity = doc?.capacity ?? defaultCapacity(w);
      const closed = Boolean(doc?.closed);
      const remaining = closed ? 0 : Math.max(0, capacity - (doc?.booked ?? 0));
      const problem = bookingTimeProblem(s, now, rules);
      return {
        id: s.id,
        date: s.date,
        start: isoChina(s.startAt),
        end: isoChina(s.endAt),
        time: `${s.start}-${s.end}`,
        window: { code: w.code, name: w.name },
        capacity,
        remaining,
        closed,
        bookable: !closed && remaining > 0 && !problem,
        ...(problem ? { unavailableReason: problem.message } : closed ? { unavailableReason: '该时段已停止预约' } : {}),
      };
    })
    .sort((a, b) => a.start.localeCompare(b.start) || a.window.code.localeCompare(b.window.code));
  return {
    guide,
    servicePoint: { id: point.code, name: point.name },
    date,
    open: date ? isPointOpen(point.openingHours, date) : false,
    bookableDates: dates,
    items,
  };
}
