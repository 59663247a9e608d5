/**
 * Bookable time slots: one per service point, window, date and start time. Slots follow from the
 * point's opening hours and the working-day calendar; a slot document is written only when first
 * needed (a booking or a staff change), by an upsert on its id, so every gateway instance agrees.
 * `holders` lists the bookings holding a seat and `booked` counts them; both change together in one
 * single-document update, taking a seat only while `booked < capacity` and the slot is open: that
 * is what keeps a slot from being overbooked (gateway/bookings/seats.ts).
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

const slotSchema = new Schema(
  {
    /** `<point>:<window>:<YYYY-MM-DD>T<HH:mm>` (China time), stable so clients can pass it back. */
    _id: { type: String, required: true },
    servicePoint: { type: String, required: true },
    window: { type: String, required: true },
    /** YYYY-MM-DD, China time. */
    date: { type: String, required: true },
    /** HH:mm, China time. */
    start: { type: String, required: true },
    end: { type: String, required: true },
    startAt: { type: Date, required: true },
    endAt: { type: Date, required: true },
    /** Seats; the window's counters unless staff changed it. */
    capacity: { type: Number, required: true, min: 0 },
    booked: { type: Number, default: 0, min: 0 },
    /** The bookings holding a seat, and when they took it (the seat reconciliation's grace period). */
    holders: { type: [new Schema({ bookingId: { type: String, required: true }, at: { type: Date, required: true } }, { _id: false })], default: [] },
    closed: { type: Boolean, default: false },
    closedReason: String,
  },
  baseOptions,
);

// Slot listing and the staff day view read one point's slots of a date.
slotSchema.index({ servicePoint: 1, date: 1, window: 1 });
// Seat reconciliation reads slots not yet over that hold seats.
slotSchema.index({ endAt: 1, booked: 1 });

export type Slot = InferRawDocTypeFromSchema<typeof slotSchema>;
export const SlotModel = model('Slot', slotSchema);
