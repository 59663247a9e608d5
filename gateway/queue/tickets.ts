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
import { TicketSequenceModel } from '../../models/ticket-sequence';
import { slotStartContaining, type ScheduledSlot } from '../bookings/schedule';
import { duplicateKeyOf } from '../bookings/transaction';

const WEEK_MS = 7 * 86400_000;

export async function nextTicketNumber(servicePoint: string, window: string, date: string, prefix: string) {
  const bump = () =>
    TicketSequenceModel.findOneAndUpdate(
      { _id: `${servicePoint}:${window}:${date}` },
      { $inc: { seq: 1 }, $setOnInsert: { expiresAt: new Date(Date.parse(`${date}T00:00:00Z`) + WEEK_MS) } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
  // Two first tickets of the day at once: the losing upsert hits the unique _id; the counter exists now.
  const doc = await bump().catch((err) => (duplicateKeyOf(err) !== undefined ? bump() : Promise.reject(err)));
  const seq = doc!.seq;
  return { seq, number: `${prefix}${String(seq).padStart(3, '0')}` };
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
