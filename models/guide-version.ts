/** The version history of a guide: a snapshot per change, with who made it and why. */
import { model, Schema } from 'mongoose';

const guideVersionSchema = new Schema(
  {
    code: { type: String, required: true },
    version: { type: Number, required: true },
    /** create | update | publish | retire | import */
    action: { type: String, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    changedBy: { staffId: String, username: String },
    changedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

// A guide's history, newest first; one snapshot per version.
guideVersionSchema.index({ code: 1, version: -1 }, { unique: true });

export const GuideVersionModel = model('GuideVersion', guideVersionSchema);
