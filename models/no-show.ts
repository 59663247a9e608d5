/** No-shows of residents (a booking never checked in, or a called ticket nobody answered); they block booking. */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

const noShowSchema = new Schema(
  {
    userId: { type: String, required: true },
    bookingId: { type: String, required: true },
    /** When it was recorded (the booking clock). */
    at: { type: Date, required: true },
    /** missed: never checked in; called: called at the window and did not come. */
    source: { type: String, enum: ['missed', 'called'], required: true },
  },
  baseOptions,
);

// A booking counts once, however often the sweep or a clerk records it.
noShowSchema.index({ bookingId: 1 }, { unique: true });
// The blocking rule reads a resident's recent no-shows.
noShowSchema.index({ userId: 1, at: -1 });

export type NoShow = InferRawDocTypeFromSchema<typeof noShowSchema>;
export const NoShowModel = model('NoShow', noShowSchema);
