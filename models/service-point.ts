/**
 * Service points on the three levels of the network: the banner hall (旗政务服务中心), township
 * halls (苏木乡镇便民服务大厅) and village/community agency points (嘎查村/社区便民代办点).
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const SERVICE_POINT_LEVELS = ['banner', 'township', 'village'] as const;
export type ServicePointLevel = (typeof SERVICE_POINT_LEVELS)[number];

const windowSchema = new Schema(
  {
    /** Stable code within the point, e.g. "market" or "T1". */
    code: { type: String, required: true },
    name: { type: String, required: true },
    /** Which single window / area it belongs to (market_access, construction, agriculture, social_affairs, payment, intermediary, general, agency). */
    category: { type: String, required: true },
    /** Prefix of queue tickets called at this window, e.g. "A". */
    ticketPrefix: { type: String, required: true },
    counters: { type: Number, default: 1 },
  },
  { _id: false },
);

const openingHoursSchema = new Schema(
  {
    /** ISO weekdays 1 (Monday) … 7 (Sunday). */
    weekdays: { type: [Number], default: [1, 2, 3, 4, 5] },
    morning: { start: String, end: String },
    afternoon: { start: String, end: String },
    note: String,
  },
  { _id: false },
);

const servicePointSchema = new Schema(
  {
    /** Human-readable stable identifier used in URLs, e.g. "banner-hall", "xuejiawan". */
    code: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, enum: SERVICE_POINT_LEVELS, required: true },
    /** The point this one forwards to (village → township → banner hall). */
    parentCode: String,
    township: String,
    address: { type: String, required: true },
    location: { lng: Number, lat: Number },
    phone: String,
    openingHours: openingHoursSchema,
    windows: { type: [windowSchema], default: [] },
    active: { type: Boolean, default: true },
  },
  baseOptions,
);

// GET /service-points/:code and seeding look points up by code.
servicePointSchema.index({ code: 1 }, { unique: true });
// Listing by level (banner, township, village) in the service-point directory.
servicePointSchema.index({ level: 1, township: 1 });

export type ServicePoint = InferRawDocTypeFromSchema<typeof servicePointSchema>;
export const ServicePointModel = model('ServicePoint', servicePointSchema);
