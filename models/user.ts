/**
 * Residents. Phone, ID number, real name and WeChat openid are stored encrypted with a keyed hash
 * beside them for look-ups, and a mask for display (masks are not personal data).
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

const chatBindingSchema = new Schema(
  {
    channel: { type: String, required: true },
    channelUserId: { type: String, required: true },
    boundAt: { type: Date, required: true },
  },
  { _id: false },
);

const userSchema = new Schema(
  {
    phoneEnc: String,
    phoneHash: String,
    phoneMasked: String,
    phoneVerifiedAt: Date,
    openIdEnc: String,
    openIdHash: String,
    realName: {
      nameEnc: String,
      nameMasked: String,
      idEnc: String,
      idHash: String,
      idMasked: String,
      boundAt: Date,
    },
    chatBindings: { type: [chatBindingSchema], default: [] },
    /** Policy-notice topics the resident subscribed to (and their township for local notices). */
    subscriptions: { topics: { type: [String], default: [] }, township: String },
    active: { type: Boolean, default: true },
  },
  baseOptions,
);

// SMS login and phone binding find the resident by phone.
userSchema.index({ phoneHash: 1 }, { unique: true, partialFilterExpression: { phoneHash: { $type: 'string' } } });
// WeChat login finds the resident by openid.
userSchema.index({ openIdHash: 1 }, { unique: true, partialFilterExpression: { openIdHash: { $type: 'string' } } });
// One real identity per account: real-name binding checks the ID number is not bound elsewhere.
userSchema.index({ 'realName.idHash': 1 }, { unique: true, partialFilterExpression: { 'realName.idHash': { $type: 'string' } } });
// The bot resolves a chat user to a resident.
userSchema.index({ 'chatBindings.channel': 1, 'chatBindings.channelUserId': 1 });
// Policy-notice fan-out selects subscribers by topic.
userSchema.index({ 'subscriptions.topics': 1 });

export type User = InferRawDocTypeFromSchema<typeof userSchema>;
export const UserModel = model('User', userSchema);
