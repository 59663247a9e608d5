/** One-time SMS login codes, stored hashed; MongoDB removes them after they expire. */
import { model, Schema } from 'mongoose';

const smsCodeSchema = new Schema(
  {
    phoneHash: { type: String, required: true },
    codeHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    attempts: { type: Number, default: 0 },
    consumedAt: Date,
  },
  { timestamps: true, versionKey: false },
);

// Verifying a code looks up the newest live code for the phone.
smsCodeSchema.index({ phoneHash: 1, createdAt: -1 });
// Housekeeping: codes vanish a day after expiry (kept that long for send-rate counting).
smsCodeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 24 * 3600 });

export const SmsCodeModel = model('SmsCode', smsCodeSchema);
