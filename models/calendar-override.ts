/** Local calendar overrides: a day the national calendar does not know (local holiday, extra workday). */
import { model, Schema } from 'mongoose';

const calendarOverrideSchema = new Schema(
  {
    /** YYYY-MM-DD in China time. */
    date: { type: String, required: true },
    working: { type: Boolean, required: true },
    note: { type: String, required: true },
  },
  { versionKey: false, timestamps: true },
);

// Working-day arithmetic loads every override; staff edit one date at a time.
calendarOverrideSchema.index({ date: 1 }, { unique: true });

export const CalendarOverrideModel = model('CalendarOverride', calendarOverrideSchema);
