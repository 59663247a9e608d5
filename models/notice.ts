/** Policy notices (政策通知) published by staff: shown in the apps, sent by SMS to subscribers. */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

const noticeSchema = new Schema(
  {
    title: { type: String, required: true },
    body: { type: String, required: true },
    /** The SMS text's summary variable (≤ 35 characters). */
    smsSummary: { type: String, required: true },
    audience: {
      type: { type: String, enum: ['all', 'topic', 'township'], required: true },
      topic: String,
      township: String,
    },
    publishedBy: { staffId: String, name: String },
    publishedAt: { type: Date, required: true },
    /** SMS fan-out progress: resumable after a restart from the last user id. */
    fanout: {
      status: { type: String, enum: ['pending', 'running', 'done'], default: 'pending' },
      cursor: String,
      enqueued: { type: Number, default: 0 },
      skippedOptOut: { type: Number, default: 0 },
      finishedAt: Date,
    },
  },
  baseOptions,
);

// The public list, newest first, optionally by topic.
noticeSchema.index({ publishedAt: -1 });
noticeSchema.index({ 'audience.topic': 1, publishedAt: -1 });
// The fan-out job finds unfinished notices.
noticeSchema.index({ 'fanout.status': 1 });

export type Notice = InferRawDocTypeFromSchema<typeof noticeSchema>;
export const NoticeModel = model('Notice', noticeSchema);
