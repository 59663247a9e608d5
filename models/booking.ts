/**
 * Bookings (预约): a real-name resident's seat in a slot for one guide. The resident's identity is
 * referenced, never copied: SMS look the verified phone up when they are sent.
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const BOOKING_STATUSES = ['booked', 'checked_in', 'served', 'no_show', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const bookingSchema = new Schema(
  {
    /** What the resident shows at the hall (and the QR code holds); 8 unambiguous characters. */
    code: { type: String, required: true },
    userId: { type: String, required: true },
    guideCode: { type: String, required: true },
    guideName: { type: String, required: true },
    servicePoint: { type: String, required: true },
    servicePointName: { type: String, required: true },
    window: { type: String, required: true },
    windowName: { type: String, required: true },
    slotId: { type: String, required: true },
    /** The slot's date (YYYY-MM-DD) and times (HH:mm), China time. */
    date: { type: String, required: true },
    start: { type: String, required: true },
    end: { type: String, required: true },
    startAt: { type: Date, required: true },
    endAt: { type: Date, required: true },
    status: { type: String, enum: BOOKING_STATUSES, default: 'booked' },
    /** `<userId>:<date>` while the booking is the resident's one booking of that day; removed on cancel. */
    dayKey: String,
    /** The client's Idempotency-Key and a hash of what it asked for. */
    idempotencyKey: String,
    requestHash: String,
    /** Whether the resident has a verified phone for booking SMS. */
    smsNotice: { type: Boolean, required: true },
    /** Bumped on every reschedule (SMS de-duplication keys and optimistic concurrency). */
    revision: { type: Number, default: 0 },
    channel: String,
    /** When it was booked (the booking clock, which tests control). */
    bookedAt: { type: Date, required: true },
    /** When it was last moved to another slot (the booking clock). */
    rescheduledAt: Date,
    remindedAt: Date,
    cancellation: {
      at: Date,
      by: { type: String, enum: ['resident', 'staff', 'system'] },
      staffId: String,
      reason: String,
    },
    checkedInAt: Date,
    ticketId: String,
    ticketNumber: String,
    servedAt: Date,
    noShowAt: Date,
  },
  baseOptions,
);

// Check-in finds the booking by the code the resident shows.
bookingSchema.index({ code: 1 }, { unique: true });
// One booking per person per day, enforced by the database (not a read-then-write).
bookingSchema.index({ dayKey: 1 }, { unique: true, partialFilterExpression: { dayKey: { $type: 'string' } } });
// A repeated request with the same Idempotency-Key finds the booking it made.
bookingSchema.index({ userId: 1, idempotencyKey: 1 }, { unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } } });
// "My bookings", newest slot first.
bookingSchema.index({ userId: 1, startAt: -1 });
// A staff capacity change or closing cancels a slot's latest bookings first.
bookingSchema.index({ slotId: 1, status: 1, bookedAt: -1 });
// The reminder job reads tomorrow's bookings; staff list a point's bookings of a day.
bookingSchema.index({ date: 1, status: 1 });
bookingSchema.index({ servicePoint: 1, date: 1, window: 1 });
// The no-show sweep finds bookings whose slot ended without a check-in.
bookingSchema.index({ status: 1, endAt: 1 });

export type Booking = InferRawDocTypeFromSchema<typeof bookingSchema>;
export const BookingModel = model('Booking', bookingSchema);
