/** Staff accounts: window clerks, approvers, supervisors and administrators. */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const STAFF_ROLES = ['clerk', 'approver', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const staffSchema = new Schema(
  {
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    roles: { type: [String], enum: STAFF_ROLES, required: true },
    /** scrypt hash in the form scrypt$N$r$p$salt$hash */
    passwordHash: { type: String, required: true },
    /** Scope: a clerk's point and window, an approver's department. */
    servicePoint: String,
    window: String,
    department: String,
    /** 首席代表: may approve at the window. */
    chiefRepresentative: { type: Boolean, default: false },
    active: { type: Boolean, default: true },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: Date,
    /** Bumped on password change or deactivation to invalidate issued tokens. */
    tokenVersion: { type: Number, default: 0 },
    demo: { type: Boolean, default: false },
  },
  baseOptions,
);

// Staff login looks accounts up by username.
staffSchema.index({ username: 1 }, { unique: true });
// Approver inboxes and escalation find staff by department and role.
staffSchema.index({ department: 1, roles: 1 });

export type Staff = InferRawDocTypeFromSchema<typeof staffSchema>;
export const StaffModel = model('Staff', staffSchema);
