/**
 * Service guides (办事指南), following the national implementation-list (实施清单) fields.
 * Field names are English; `gateway/guides/exchange.ts` maps them to the Chinese list names.
 */
import { model, Schema, type InferRawDocTypeFromSchema } from 'mongoose';
import { baseOptions } from './common';

export const SINGLE_WINDOWS = ['market_access', 'construction', 'agriculture', 'social_affairs'] as const;
export type SingleWindow = (typeof SINGLE_WINDOWS)[number];

export const GUIDE_STATUSES = ['draft', 'published', 'retired'] as const;

const materialSchema = new Schema(
  {
    name: { type: String, required: true },
    required: { type: Boolean, default: true },
    /** paper | electronic | both */
    form: { type: String, default: 'both' },
    copies: { type: Number, default: 1 },
    /** 来源渠道: e.g. 申请人自备, 政府部门核发 */
    source: String,
    blankFormUrl: String,
    sampleUrl: String,
    notes: String,
  },
  { _id: false },
);

const guideSchema = new Schema(
  {
    /** 实施编码 (implementation code), the public identifier used in URLs. */
    code: { type: String, required: true },
    /** 基本编码 */
    baseCode: String,
    name: { type: String, required: true },
    /** 事项类型: 行政许可, 行政确认, 行政给付, 公共服务, ... */
    type: { type: String, required: true },
    window: { type: String, enum: SINGLE_WINDOWS, required: true },
    /** 实施主体 */
    department: { type: String, required: true },
    entrustedDepartment: String,
    legalBasis: { type: [String], default: [] },
    conditions: { type: [String], default: [] },
    /** 法定办结时限 / 承诺办结时限, in working days (0 = 即办). */
    legalTimeLimitDays: { type: Number, required: true },
    promisedTimeLimitDays: { type: Number, required: true },
    /** 办件类型: immediate 即办件 | promised 承诺件 */
    caseType: { type: String, enum: ['immediate', 'promised'], required: true },
    fees: {
      charged: { type: Boolean, default: false },
      standard: String,
      basis: String,
    },
    materials: { type: [materialSchema], default: [] },
    steps: { type: [String], default: [] },
    /** 办理地点/时间 as text; the service points below give the structured form. */
    location: String,
    hours: String,
    inquiryPhone: String,
    complaintPhone: String,
    /** 到办事现场次数 */
    tripsRequired: { type: Number, default: 1 },
    specialProcedures: {
      type: [new Schema({ name: String, limitDays: Number, countsInTimeLimit: { type: Boolean, default: false } }, { _id: false })],
      default: [],
    },
    /** 服务对象: individual | legal_person */
    audiences: { type: [String], default: ['individual'] },
    /** 行使层级 */
    level: { type: String, default: '县级' },
    bookable: { type: Boolean, default: true },
    online: { type: Boolean, default: false },
    express: { type: Boolean, default: false },
    /** 通办范围 */
    scope: String,
    faqs: { type: [new Schema({ question: String, answer: String }, { _id: false })], default: [] },
    lifeEvents: { type: [String], default: [] },
    /** Words residents use that the official name lacks (search). */
    keywords: { type: [String], default: [] },
    /** Where it is handled: service point codes and, per point, window codes. */
    handledAt: {
      type: [new Schema({ point: String, windows: [String] }, { _id: false })],
      default: [],
    },
    status: { type: String, enum: GUIDE_STATUSES, default: 'published' },
    version: { type: Number, default: 1 },
  },
  baseOptions,
);

// GET /guides/:code; codes are unique across the catalogue.
guideSchema.index({ code: 1 }, { unique: true });
// Loading the published catalogue into the in-memory search index.
guideSchema.index({ status: 1, window: 1 });

export type Guide = InferRawDocTypeFromSchema<typeof guideSchema>;
export const GuideModel = model('Guide', guideSchema);
