/** Request schemas of the guide routes, and the full guide as administrators write it. */
import { z } from 'zod';
import { SINGLE_WINDOWS } from '../../models/guide';

const text = (max: number) => z.string().trim().min(1).max(max);
const list = (max: number, itemMax = 500) => z.array(text(itemMax)).max(max);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const GuideQuerySchema = z.object({
  /** What the resident typed, in their own words (Chinese, pinyin or initials). */
  q: z.string().max(100, '搜索内容不超过100个字').optional().meta({ label: '搜索内容' }),
  window: z.enum(SINGLE_WINDOWS).optional().meta({ label: '窗口' }),
  lifeEvent: z.string().max(20).optional().meta({ label: '主题' }),
  point: z.string().max(64).optional().meta({ label: '办理网点' }),
  online: bool.optional(),
  bookable: bool.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1).meta({ label: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(50).default(10).meta({ label: '每页条数' }),
});

export const SuggestQuerySchema = z.object({
  q: z.string().max(50).default('').meta({ label: '搜索内容' }),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export const CodeParams = z.object({ code: z.string().trim().min(1).max(64).meta({ label: '事项编码' }) });

export const GuideInputSchema = z.object({
  code: z.string().trim().regex(/^[0-9A-Za-z-]{6,64}$/, '实施编码应为6-64位字母或数字').meta({ label: '实施编码' }),
  baseCode: z.string().trim().max(64).optional(),
  name: text(100).meta({ label: '事项名称' }),
  type: text(20).meta({ label: '事项类型' }),
  window: z.enum(SINGLE_WINDOWS).meta({ label: '所属窗口' }),
  department: text(60).meta({ label: '实施主体' }),
  entrustedDepartment: z.string().trim().max(60).optional(),
  legalBasis: list(30, 1000).min(1, '请填写设定依据').meta({ label: '设定依据' }),
  conditions: list(30).default([]),
  legalTimeLimitDays: z.number().int().min(0).max(365).meta({ label: '法定办结时限' }),
  promisedTimeLimitDays: z.number().int().min(0).max(365).meta({ label: '承诺办结时限' }),
  caseType: z.enum(['immediate', 'promised']).meta({ label: '办件类型' }),
  fees: z.object({ charged: z.boolean(), standard: z.string().max(500).optional(), basis: z.string().max(500).optional() }).default({ charged: false }),
  materials: z
    .array(
      z.object({
        name: text(200).meta({ label: '材料名称' }),
        required: z.boolean().default(true),
        form: z.enum(['paper', 'electronic', 'both']).default('both'),
        copies: z.number().int().min(0).max(20).default(1),
        source: z.string().max(100).optional(),
        blankFormUrl: z.string().max(500).optional(),
        sampleUrl: z.string().max(500).optional(),
        notes: z.string().max(500).optional(),
      }),
    )
    .max(60)
    .default([]),
  steps: list(20).default([]),
  location: z.string().max(200).optional(),
  hours: z.string().max(200).optional(),
  inquiryPhone: z.string().max(40).optional(),
  complaintPhone: z.string().max(40).optional(),
  tripsRequired: z.number().int().min(0).max(10).default(1),
  specialProcedures: z.array(z.object({ name: text(50), limitDays: z.number().int().min(0).max(365).optional(), countsInTimeLimit: z.boolean().default(false) })).max(10).default([]),
  audiences: z.array(z.enum(['individual', 'legal_person'])).min(1).default(['individual']),
  level: z.string().max(20).default('县级'),
  bookable: z.boolean().default(true),
  online: z.boolean().default(false),
  express: z.boolean().default(false),
  scope: z.string().max(50).optional(),
  faqs: z.array(z.object({ question: text(200), answer: text(2000) })).max(30).default([]),
  lifeEvents: list(10, 20).default([]),
  keywords: list(30, 30).default([]),
  handledAt: z.array(z.object({ point: text(64), windows: list(10, 32) })).max(50).default([]),
}).refine((g) => g.promisedTimeLimitDays <= g.legalTimeLimitDays, { message: '承诺办结时限不能超过法定办结时限', path: ['promisedTimeLimitDays'] });

export type GuideInput = z.output<typeof GuideInputSchema>;

export const GuideUpdateSchema = z.object({ guide: GuideInputSchema, note: z.string().max(200).optional().meta({ label: '修改说明' }) });
