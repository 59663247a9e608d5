/**
 * Ratings (好差评) of finished cases — one per case — and, for bad ratings, the rectification:
 * the handler's response, the supervisor's verification and the call-back to the resident.
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const RECTIFICATION_STATUSES = ['open', 'responded', 'verified', 'closed'] as const;

const staffRefSchema = new Schema({ staffId: String, name: String }, { _id: false });

const rectificationSchema = new Schema(
  {
    /** open → responded → verified (awaiting call-back) → closed; a send-back returns to open. */
    status: { type: String, enum: RECTIFICATION_STATUSES, required: true },
    openedAt: { type: Date, required: true },
    /** China-time date (YYYY-MM-DD) the handler must respond by. */
    dueDate: { type: String, required: true },
    responses: { type: [{ _id: false, at: Date, text: String, by: staffRefSchema }], default: [] },
    reviews: { type: [{ _id: false, at: Date, approved: Boolean, note: String, by: staffRefSchema }], default: [] },
    callbacks: { type: [{ _id: false, at: Date, reached: Boolean, satisfied: Boolean, note: String, by: staffRefSchema }], default: [] },
    closedAt: Date,
    /** called_back | unreachable */
    outcome: String,
  },
  { _id: false },
);

const ratingSchema = new Schema(
  {
    caseType: { type: String, required: true },
    caseId: { type: String, required: true },
    label: { type: String, required: true },
    userId: { type: String, required: true },
    /** 5 非常满意 … 1 非常不满意 */
    level: { type: Number, min: 1, max: 5, required: true },
    /** Standard indicators, each optional 1-5. */
    indicators: { efficiency: Number, attitude: Number, result: Number, transparency: Number, convenience: Number },
    comment: String,
    channel: String,
    /** The case was filed anonymously: no staff view may lead back to the resident. */
    anonymous: { type: Boolean, default: false },
    department: String,
    window: String,
    guideCode: String,
    ratedAt: { type: Date, required: true },
    rectification: rectificationSchema,
  },
  baseOptions,
);

// One rating per case (一事一评).
ratingSchema.index({ caseType: 1, caseId: 1 }, { unique: true });
// Statistics per department, window and guide over a period.
ratingSchema.index({ department: 1, ratedAt: -1 });
ratingSchema.index({ window: 1, ratedAt: -1 });
ratingSchema.index({ guideCode: 1, ratedAt: -1 });
// The rectification worklist: by status, most urgent first.
ratingSchema.index({ 'rectification.status': 1, 'rectification.dueDate': 1 }, { partialFilterExpression: { 'rectification.status': { $type: 'string' } } });
// A resident's own ratings.
ratingSchema.index({ userId: 1, ratedAt: -1 });

export type Rating = InferRawDocTypeFromSchema<typeof ratingSchema>;
export type RatingRecord = Rating & { _id: unknown };
export const RatingModel = model('Rating', ratingSchema);
