/**
 * Photos a resident sends while filing a complaint, held until the complaint is submitted (then
 * uploaded to the gateway and deleted) or until the conversation would have expired.
 */
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';

const attachmentSchema = new Schema(
  {
    conversation: { type: String, required: true },
    name: { type: String, required: true },
    mime: { type: String, required: true },
    data: { type: Buffer, required: true },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true, versionKey: false, collection: 'bot_attachments' },
);

// Submitting a complaint reads the conversation's photos in the order they were sent.
attachmentSchema.index({ conversation: 1, createdAt: 1 });
// Photos of abandoned drafts go away with the conversation.
attachmentSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type BotAttachment = InferRawDocTypeFromSchema<typeof attachmentSchema>;

export function botAttachmentModel(connection: Connection) {
  return connection.model('BotAttachment', attachmentSchema);
}
