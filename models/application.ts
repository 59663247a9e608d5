/**
 * Applications (办件): one case of a guide's item, from submission or registration at a window to
 * completion, with its clock in working days, its timeline and its decision.
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const APPLICATION_STATES = [
  'submitted', // online pre-review (预审) or registered at a window, not yet accepted
  'accepted', // 受理: the clock runs
  'supplement_requested', // 补正: the clock stops
  'not_accepted', // 不予受理 (final)
  'under_review',
  'approved',
  'rejected', // final
  'result_ready', // pick-up or mailed
  'completed', // 办结 (final)
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const OPEN_STATES: ApplicationState[] = ['submitted', 'accepted', 'supplement_requested', 'under_review', 'approved', 'result_ready'];

const eventSchema = new Schema(
  {
    at: { type: Date, required: true },
    action: { type: String, required: true },
    from: String,
    to: String,
    by: { kind: String, staffId: String, name: String },
    note: String,
  },
  { _id: false },
);

const materialSchema = new Schema(
  {
    name: { type: String, required: true },
    required: { type: Boolean, default: true },
    files: { type: [new Schema({ id: String, name: String, mime: String, size: Number, at: Date }, { _id: false })], default: [] },
    /** Checked by the clerk (paper seen at the window, or the upload accepted). */
    checked: { type: Boolean, default: false },
  },
  { _id: false },
);

const applicationSchema = new Schema(
  {
    number: { type: String, required: true },
    guideCode: { type: String, required: true },
    guideName: { type: String, required: true },
    department: { type: String, required: true },
    singleWindow: { type: String, required: true },
    caseType: { type: String, enum: ['immediate', 'promised'], required: true },
    promisedDays: { type: Number, required: true },
    legalDays: { type: Number, required: true },
    applicant: {
      userId: String,
      nameEnc: { type: String, required: true },
      nameMasked: { type: String, required: true },
      phoneEnc: { type: String, required: true },
      phoneHash: { type: String, required: true },
      phoneMasked: { type: String, required: true },
    },
    channel: { type: String, enum: ['window', 'online', 'village_agency'], required: true },
    servicePoint: { type: String, required: true },
    windowCode: String,
    materials: { type: [materialSchema], default: [] },
    assignee: { staffId: String, name: String },
    state: { type: String, enum: APPLICATION_STATES, required: true },
    /** The state to return to when a supplement ends. */
    resumeTo: String,
    pause: { reason: String, since: String },
    clock: {
      /** China-time date the clock started (acceptance). */
      startedOn: String,
      pausedDays: { type: Number, default: 0 },
      extensionDays: { type: Number, default: 0 },
      /** Promised deadline with pauses and extensions so far (YYYY-MM-DD). */
      deadline: String,
      legalDeadline: String,
    },
    extensionRequest: { days: Number, reason: String, by: String, at: Date },
    decision: { outcome: String, reason: String, by: String, at: Date },
    result: { pickup: String },
    completedOn: String,
    escalatedAt: Date,
    timeline: { type: [eventSchema], default: [] },
  },
  baseOptions,
);

// Look-up by the public number (status query, every staff action).
applicationSchema.index({ number: 1 }, { unique: true });
// "My applications" for a resident.
applicationSchema.index({ 'applicant.userId': 1, createdAt: -1 });
// Approver inboxes and the supervision dashboard: open cases by department and state.
applicationSchema.index({ state: 1, department: 1 });
// Escalation finds open cases past their deadline.
applicationSchema.index({ state: 1, 'clock.deadline': 1 });

export type Application = InferRawDocTypeFromSchema<typeof applicationSchema>;
export const ApplicationModel = model('Application', applicationSchema);
