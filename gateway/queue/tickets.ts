/**
 * Issuing queue tickets. Numbers: the window's ticket prefix and a per-window, per-day sequence
 * from an atomic counter (A001, A002 …).
 *
 * Calling order at a window, precisely: waiting tickets sorted by (queueAt, kindRank, seq), where
 * - a walk-in's queueAt is the start of the slot period it arrived in (its arrival time when it
 *   arrived outside every slot, e.g. at lunch);
 * - a booked ticket's queueAt is its slot's start, or the start of the slot period it checked in,
 *   when that is later (a late arrival loses its place but not its booked rank);
 * - kindRank is 0 for booked tickets and 1 for walk-ins.
 * So a booked ticket is called before every walk-in of the same slot period or later, after walk-ins
 * who arrived in earlier periods, and early when the window has nobody else; among tickets of the
 * same time and kind, first issued is first called.
 */
import type { mongo } from 'mongoose';
import { TicketModel } from '../../models/ticket';
import { TicketSequenceModel } from '../../models/ticket-sequence';
import { slotStartContaining, type ScheduledSlot } from '../bookings/schedule';
import { isDuplicateKey } from '../db/errors';

const WEEK_MS = 7 * 86400_000;

export async function nextTicketNumber(servicePoint: string, window: string, date: string, prefix: string) {
  const id = `${servicePoint}:${window}:${date}`;
  const doc = (await TicketSequenceModel.findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { returnDocument: 'after' }).lean()) ?? (await startCounter(id, servicePoint, window, date));
  const seq = doc.seq;
  return { seq, number: `${prefix}${String(seq).padStart(3, '0')}` };
}

/**
 * The day's counter of a window does not exist: its first ticket of the day, or a counter that was
 * lost (deleted by hand, or a restore from backup). Numbering goes on after the highest number
 * issued that day, so a lost counter never hands out a number twice. The counter expires a week
 * after its day, or after now when that is later (the TTL monitor runs on the server's clock).
 */
async function startCounter(id: string, servicePoint: string, window: string, date: string) {
  const last = await TicketModel.findOne({ servicePoint, window, date }, { seq: 1 }).sort({ seq: -1 }).lean();
  const expiresAt = new Date(Math.max(Date.parse(`${date}T00:00:00Z`), Date.now()) + WEEK_MS);
  const counters = TicketSequenceModel.collection as unknown as mongo.Collection<{ _id: string; seq: number; expiresAt: Date }>;
  const upsert = () =>
    counters.findOneAndUpdate(
      { _id: id },
      // A pipeline, so that a counter another request created meanwhile is only incremented.
      [{ $set: { seq: { $add: [{ $ifNull: ['$seq', last?.seq ?? 0] }, 1] }, expiresAt: { $ifNull: ['$expiresAt', expiresAt] } } }],
      { upsert: true, returnDocument: 'after' },
    );
  // Two requests creating it at once: the losing upsert hits the unique _id, and the counter exists now.
  const doc = await upsert().catch((err) => (isDuplicateKey(err) ? upsert() : Promise.reject(err)));
  return doc!;
}

/** The time a ticket queues at (see the calling order above). */
export function queueTimeOf(daySlots: ScheduledSlot[], issuedAt: Date, bookedSlotStart?: Date): Date {
  const arrival = slotStartContaining(daySlots, issuedAt);
  if (!bookedSlotStart) return arrival;
  return arrival.getTime() > bookedSlotStart.getTime() ? arrival : bookedSlotStart;
}

export const KIND_RANK = { booked: 0, walk_in: 1 } as const;

/** Mongo sort of the calling order. */
export const CALLING_ORDER = { queueAt: 1, kindRank: 1, seq: 1 } as const;

/** Filter of waiting tickets called before `t` at its window. */
export function aheadOf(t: { servicePoint: string; window: string; date: string; queueAt: Date; kindRank: number; seq: number }) {
  return {
    servicePoint: t.servicePoint,
    window: t.window,
    date: t.date,
    status: 'waiting' as const,
    $or: [
      { queueAt: { $lt: t.queueAt } },
      { queueAt: t.queueAt, kindRank: { $lt: t.kindRank } },
      { queueAt: t.queueAt, kindRank: t.kindRank, seq: { $lt: t.seq } },
    ],
  };
}
