/**
 * Complaints, consultations and suggestions (投诉/咨询/建议). The filer's identity is kept so the
 * resident can follow the item and receive SMS; for anonymous items no staff view ever shows it.
 * Deadlines are China-time dates (YYYY-MM-DD); `dueDate` is the deadline of the running stage.
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const COMPLAINT_TYPES = ['complaint', 'consultation', 'suggestion'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const COMPLAINT_CATEGORIES = ['attitude', 'slow_handling', 'improper_fees', 'bribery', 'system_fault', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** received → acknowledged → assigned → replied → closed; reopening returns to acknowledged/assigned. */
export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'assigned', 'replied', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CHANNELS = ['miniprogram', 'bot', 'open311', 'phone'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

const actorRefSchema = new Schema(
  {
    /** resident | staff | system (never who the resident is: that is `filer`). */
    kind: { type: String, required: true },
    staffId: String,
    name: String,
  },
  { _id: false },
);

const eventSchema = new Schema(
  {
    at: { type: Date, required: true },
    /** received | acknowledged | assigned | replied | closed | reopened | information | photos | escalated */
    type: { type: String, required: true },
    by: { type: actorRefSchema, required: true },
    note: String,
    department: String,
  },
  { _id: false },
);

const replySchema = new Schema(
  {
    at: { type: Date, required: true },
    text: { type: String, required: true },
    department: String,
    staffId: String,
    staffName: String,
  },
  { _id: false },
);

const photoSchema = new Schema(
  {
    fileId: { type: String, required: true },
    name: String,
    mime: String,
    size: Number,
    at: { type: Date, required: true },
  },
  { _id: false },
);

const complaintSchema = new Schema(
  {
    trackingNumber: { type: String, required: true },
    type: { type: String, enum: COMPLAINT_TYPES, required: true },
    category: { type: String, enum: COMPLAINT_CATEGORIES, required: true },
    content: { type: String, required: true },
    /** Whom it is about (all optional). */
    target: { department: String, window: String, staff: String, guideCode: String },
    anonymous: { type: Boolean, default: false },
    channel: { type: String, enum: COMPLAINT_CHANNELS, required: true },
    filer: {
      userId: String,
      phoneEnc: String,
      phoneHash: String,
      phoneMasked: String,
      nameEnc: String,
      nameMasked: String,
    },
    location: { lat: Number, lng: Number, address: String },
    photos: { type: [photoSchema], default: [] },
    /** A media URL given by an Open311 client. */
    mediaUrl: String,
    /** Service-definition attributes given by an Open311 client, and the key that filed it. */
    open311: { keyId: String, attributes: Schema.Types.Mixed },
    status: { type: String, enum: COMPLAINT_STATUSES, default: 'received' },
    /** The department handling it (after assignment). */
    department: String,
    receivedAt: { type: Date, required: true },
    acknowledgedAt: Date,
    assignedAt: Date,
    repliedAt: Date,
    closedAt: Date,
    closedBy: { type: String, enum: ['resident', 'staff', 'auto'] },
    /** When a replied item closes itself unless the resident acts. */
    autoCloseAt: Date,
    acknowledgeBy: { type: String, required: true },
    answerBy: { type: String, required: true },
    /** Deadline of the running stage; absent once replied. */
    dueDate: String,
    dueStage: { type: String, enum: ['acknowledge', 'answer'] },
    /** Whether the last answer came after `answerBy`. */
    repliedLate: Boolean,
    /** Set when the running stage went red and was escalated; cleared when a new stage starts. */
    overdueEscalated: { type: Boolean, default: false },
    /** Every escalation to supervisors. */
    escalations: { type: [{ _id: false, at: Date, stage: String, dueDate: String }], default: [] },
    reopenCount: { type: Number, default: 0 },
    replies: { type: [replySchema], default: [] },
    additions: { type: [{ _id: false, at: { type: Date, required: true }, text: { type: String, required: true } }], default: [] },
    events: { type: [eventSchema], default: [] },
  },
  baseOptions,
);

// Look-up by tracking number (resident, staff and Open311 `requests/{id}`).
complaintSchema.index({ trackingNumber: 1 }, { unique: true });
// Staff lists by light and the escalation sweep: running items by their deadline.
complaintSchema.index({ status: 1, dueDate: 1, overdueEscalated: 1 });
// A department's inbox, newest first.
complaintSchema.index({ department: 1, status: 1, receivedAt: -1 });
// "My complaints" for a signed-in resident, by account or by verified phone.
complaintSchema.index({ 'filer.userId': 1, receivedAt: -1 });
complaintSchema.index({ 'filer.phoneHash': 1, receivedAt: -1 });
// Open311 `GET requests` date ranges and the statistics period.
complaintSchema.index({ receivedAt: -1 });
// The auto-close sweep: replied items past their auto-close time.
complaintSchema.index({ status: 1, autoCloseAt: 1 });

export type Complaint = InferRawDocTypeFromSchema<typeof complaintSchema>;
export type ComplaintRecord = Complaint & { _id: unknown };
export const ComplaintModel = model('Complaint', complaintSchema);
