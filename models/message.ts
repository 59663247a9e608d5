/**
 * Outgoing SMS. A message is written first (in the caller's transaction when there is one) and
 * delivered later by a worker; the de-duplication key from its cause makes the same event send once.
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

const attemptSchema = new Schema(
  {
    at: { type: Date, required: true },
    worker: String,
    /** accepted | refused | unknown | lookup_found | lookup_missing | deferred */
    outcome: { type: String, required: true },
    code: String,
    message: String,
  },
  { _id: false },
);

const messageSchema = new Schema(
  {
    kind: { type: String, required: true },
    dedupeKey: { type: String, required: true },
    /** 0 is the most urgent (login codes), 9 the least (policy notices). */
    priority: { type: Number, required: true },
    phoneEnc: { type: String, required: true },
    phoneHash: { type: String, required: true },
    phoneMasked: { type: String, required: true },
    userId: String,
    /** Template variables, encrypted (they can hold names, reasons, codes). */
    paramsEnc: { type: String, required: true },
    /** Chinese text for preview and the log; secrets (codes) appear masked. */
    preview: { type: String, required: true },
    templateCode: { type: String, required: true },
    cause: { type: { type: String }, id: String },
    status: { type: String, enum: MESSAGE_STATUSES, default: 'queued' },
    failure: { type: String, enum: ['permanent', 'temporary', 'technical'] },
    /** Not before this time (retry backoff, quiet hours, per-number caps). */
    dueAt: { type: Date, required: true },
    /** Set while a worker holds it; an expired lease means the worker died. */
    lease: {
      owner: String,
      until: Date,
      /** The claim (one batch of one worker): outcomes are written only under the claim that sent. */
      token: String,
    },
    /** How often workers have claimed it: a claim takes a message only if none came in between. */
    claims: { type: Number, default: 0 },
    /** A send may have happened without an answer: look it up before sending again. */
    uncertain: { type: Boolean, default: false },
    tries: { type: Number, default: 0 },
    attempts: { type: [attemptSchema], default: [] },
    provider: String,
    providerMessageId: String,
    providerCode: String,
    deferredReason: String,
    sentAt: Date,
    deliveredAt: Date,
    failedAt: Date,
  },
  baseOptions,
);

// The same cause never sends twice.
messageSchema.index({ dedupeKey: 1 }, { unique: true });
// Workers pick a batch of the most urgent due queued messages, and 'sending' ones whose lease expired.
messageSchema.index({ status: 1, priority: 1, dueAt: 1 });
// Delivery receipts find the message by the provider's id.
messageSchema.index({ providerMessageId: 1 }, { sparse: true });
// The worker's ordering check (earlier pending messages to the numbers of a batch); staff search the log by phone.
messageSchema.index({ phoneHash: 1, createdAt: -1 });
// The staff message log, newest first, filtered by kind/status.
messageSchema.index({ createdAt: -1, kind: 1 });
// "My messages" for a resident.
messageSchema.index({ userId: 1, createdAt: -1 });

export type Message = InferRawDocTypeFromSchema<typeof messageSchema>;
export const MessageModel = model('Message', messageSchema);
