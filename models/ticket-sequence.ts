/** Per-window, per-day ticket sequence counters, incremented atomically (`$inc`) by every gateway. */
import { model, Schema } from 'mongoose';

const ticketSequenceSchema = new Schema(
  {
    /** `<point>:<window>:<YYYY-MM-DD>` */
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

// A day's counters delete themselves a week after that day (or after their creation, when later).
ticketSequenceSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const TicketSequenceModel = model('TicketSequence', ticketSequenceSchema);
