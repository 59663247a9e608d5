/**
 * The chat bot's conversation state, one document per conversation (a contact in a private chat,
 * or a contact inside a group). Kept in the bot's own database connection; MongoDB deletes a
 * conversation once it has been quiet for the session lifetime.
 */
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';

const conversationSchema = new Schema(
  {
    /** `dm:<contactId>` or `room:<roomId>:<contactId>`. */
    _id: { type: String, required: true },
    /** The dialogue waiting for an answer (complaint, binding, status, …), if any. */
    flow: { type: String, default: null },
    step: { type: String, default: null },
    /** What kind of answer the dialogue waits for: text, phone, code, last4, choice, confirm, photo. */
    expect: { type: String, default: null },
    /** The dialogue's scratch data (a complaint draft, the number being looked up, …). */
    data: { type: Schema.Types.Mixed, default: {} },
    /** The guide in focus, for follow-up questions ("要带什么材料"). */
    guide: { type: new Schema({ code: String, name: String }, { _id: false }), default: null },
    /** The numbered options last offered ("回复序号"). */
    choices: { type: [new Schema({ kind: String, value: String, label: String }, { _id: false })], default: [] },
    /** An intent to resume once the chat user has bound a phone. */
    after: { type: new Schema({ intent: String, slots: Schema.Types.Mixed }, { _id: false }), default: null },
    /** The resident's last few messages, numbers masked (context for staff on 转人工). */
    recent: { type: [new Schema({ at: Date, text: String }, { _id: false })], default: [] },
    /** Refreshed on every message; the TTL index removes the conversation after it. */
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true, versionKey: false, collection: 'bot_conversations' },
);

// Expiry after inactivity: MongoDB's TTL monitor deletes conversations past expiresAt (within a
// minute); the store also treats a past expiresAt as gone, so expiry is exact to the reader.
conversationSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type BotConversation = InferRawDocTypeFromSchema<typeof conversationSchema>;

export function botConversationModel(connection: Connection) {
  return connection.model('BotConversation', conversationSchema);
}
