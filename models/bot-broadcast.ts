/**
 * Policy notices the bot posts to group chats: one record per notice and room, written before
 * sending, so a restart neither re-sends nor forgets. Sending is at most once: a record left in
 * `sending` by a crash is not retried (a duplicate in a group is worse than a miss).
 */
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';

export const BROADCAST_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;

const broadcastSchema = new Schema(
  {
    /** `<noticeId>:<room as configured>`. */
    _id: { type: String, required: true },
    noticeId: { type: String, required: true },
    room: { type: String, required: true },
    text: { type: String, required: true },
    status: { type: String, enum: BROADCAST_STATUSES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    dueAt: { type: Date, required: true },
    sentAt: Date,
    lastError: String,
  },
  { timestamps: true, versionKey: false, collection: 'bot_broadcasts' },
);

// The sender claims the oldest due pending record.
broadcastSchema.index({ status: 1, dueAt: 1 });

export type BotBroadcast = InferRawDocTypeFromSchema<typeof broadcastSchema>;

const cursorSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Notices published at or before this instant were seen already (the first start sets it: no backlog is sent). */
    seenUntil: { type: Date, required: true },
  },
  { timestamps: true, versionKey: false, collection: 'bot_broadcast_cursors' },
);

export function botBroadcastModels(connection: Connection) {
  return {
    Broadcast: connection.model('BotBroadcast', broadcastSchema),
    Cursor: connection.model('BotBroadcastCursor', cursorSchema),
  };
}
