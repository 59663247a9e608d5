/**
 * Queue tickets (排队号) at a window: a checked-in booking or a walk-in. Numbers are the window's
 * ticket prefix and a per-window, per-day sequence (A012). Calling order is
 * (queueAt, kindRank, seq): see gateway/queue/tickets.ts.
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const TICKET_STATUSES = ['waiting', 'called', 'served', 'no_show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

const ticketSchema = new Schema(
  {
    servicePoint: { type: String, required: true },
    window: { type: String, required: true },
    /** YYYY-MM-DD, China time. */
    date: { type: String, required: true },
    seq: { type: Number, required: true },
    number: { type: String, required: true },
    kind: { type: String, enum: ['booked', 'walk_in'], required: true },
    /** 0 for booked tickets, 1 for walk-ins: booked first among tickets of the same queue time. */
    kindRank: { type: Number, required: true },
    bookingId: String,
    userId: String,
    guideCode: String,
    guideName: String,
    issuedAt: { type: Date, required: true },
    /** The time the ticket queues at (see gateway/queue/tickets.ts). */
    queueAt: { type: Date, required: true },
    /** clerk or kiosk; the staff member who issued it. */
    issuedVia: { type: String, required: true },
    issuedBy: String,
    status: { type: String, enum: TICKET_STATUSES, default: 'waiting' },
    calledAt: Date,
    calledBy: String,
    /** The counter (柜台) number the clerk called it to, when given. */
    counter: Number,
    servedAt: Date,
    noShowAt: Date,
  },
  baseOptions,
);

// Numbers are unique per window and day.
ticketSchema.index({ servicePoint: 1, window: 1, date: 1, seq: 1 }, { unique: true });
// A booking becomes at most one ticket (check-in is idempotent).
ticketSchema.index({ bookingId: 1 }, { unique: true, partialFilterExpression: { bookingId: { $type: 'string' } } });
// Call-next takes the first waiting ticket of a window in calling order.
ticketSchema.index({ servicePoint: 1, window: 1, date: 1, status: 1, queueAt: 1, kindRank: 1, seq: 1 });
// The hall display reads a point's tickets of the day being called.
ticketSchema.index({ servicePoint: 1, date: 1, status: 1, calledAt: -1 });
// A clerk has at most one ticket open at the counter per day (a double-clicked "call next" cannot take two).
ticketSchema.index({ calledBy: 1, date: 1 }, { unique: true, partialFilterExpression: { status: 'called', calledBy: { $type: 'string' } } });

export type Ticket = InferRawDocTypeFromSchema<typeof ticketSchema>;
export const TicketModel = model('Ticket', ticketSchema);
