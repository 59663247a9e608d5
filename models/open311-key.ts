/** API keys of Open311 clients. Only a SHA-256 hash of each key is kept; the key is shown once. */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

const open311KeySchema = new Schema(
  {
    /** Who the client is, e.g. "旗融媒体中心随手拍". */
    name: { type: String, required: true },
    keyHash: { type: String, required: true },
    /** The key's first characters, to recognise it in lists. */
    prefix: { type: String, required: true },
    createdBy: { staffId: String, name: String },
    revokedAt: Date,
    revokedBy: { staffId: String, name: String },
    lastUsedAt: Date,
  },
  baseOptions,
);

// Every Open311 call with an api_key looks the key up by its hash.
open311KeySchema.index({ keyHash: 1 }, { unique: true });

export type Open311Key = InferRawDocTypeFromSchema<typeof open311KeySchema>;
export const Open311KeyModel = model('Open311Key', open311KeySchema);
