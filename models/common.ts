/** Options every schema shares: timestamps, and JSON without Mongo internals. */
import type { SchemaOptions } from 'mongoose';

export const baseOptions = {
  timestamps: true as const,
  toJSON: {
    virtuals: false,
    versionKey: false,
    transform(_doc, ret: Record<string, unknown>) {
      ret.id = String(ret._id);
      delete ret._id;
      return ret;
    },
  },
} satisfies SchemaOptions;
