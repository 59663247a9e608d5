/** Fixed-window counters shared by every gateway instance. */
import { model, Schema } from 'mongoose';

const rateLimitSchema = new Schema(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
    /** Batched takes (gateway/limits/rate-limit.ts takeWithinLimit): what each call was granted, by its token. */
    grants: { type: Schema.Types.Mixed, default: undefined },
  },
  { versionKey: false },
);

// Counters delete themselves once their window has passed.
rateLimitSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const RateLimitModel = model('RateLimit', rateLimitSchema);
