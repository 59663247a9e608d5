/** Cluster-wide leases: a scheduled job runs in one worker process at a time. */
import { model, Schema } from 'mongoose';

const leaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: true },
);

export const LeaseModel = model('Lease', leaseSchema);
