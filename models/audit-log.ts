/** Every staff action that changes a record or reads personal data in full. */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';

const auditLogSchema = new Schema(
  {
    at: { type: Date, required: true, default: () => new Date() },
    staffId: { type: String, required: true },
    username: { type: String, required: true },
    action: { type: String, required: true },
    targetType: { type: String, required: true },
    targetId: String,
    ip: String,
    /** Never personal data in full (masks only). */
    details: Schema.Types.Mixed,
  },
  { versionKey: false },
);

// Supervisors read the log newest first, optionally per staff member or per target.
auditLogSchema.index({ at: -1 });
auditLogSchema.index({ staffId: 1, at: -1 });
auditLogSchema.index({ targetType: 1, targetId: 1, at: -1 });

export type AuditLog = InferRawDocTypeFromSchema<typeof auditLogSchema>;
export const AuditLogModel = model('AuditLog', auditLogSchema);
