/** Numbers that replied TD/退订: they get no policy notices (results and codes still go out). */
import { model, Schema } from 'mongoose';

const smsOptOutSchema = new Schema(
  {
    phoneHash: { type: String, required: true },
    /** The reply that opted out, e.g. "TD". */
    reply: String,
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

// Notice fan-out and subscription pages check whether a number opted out.
smsOptOutSchema.index({ phoneHash: 1 }, { unique: true });

export const SmsOptOutModel = model('SmsOptOut', smsOptOutSchema);
