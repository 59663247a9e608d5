/** Request schemas of the rating routes. */
import { z } from 'zod';
import { RECTIFICATION_STATUSES } from '../../models/rating';
import { RATING_INDICATORS, RATING_RULES, type RatingIndicator } from './rules';
import { STATS_DIMENSIONS } from './stats';

const score = z.number().int('请选择1-5分').min(1, '请选择1-5分').max(5, '请选择1-5分');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

export const RateSchema = z.object({
  /** The kind of case: complaint, application, booking … */
  caseType: z.string().trim().min(1).max(32).meta({ label: '事项类型' }),
  /** Its id in that domain (a complaint's tracking number, an application's number …). */
  caseId: z.string().trim().min(1).max(64).meta({ label: '事项编号' }),
  /** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意 */
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { error: '请选择评价等级（1-5）' }).meta({ label: '评价等级' }),
  /** Optional 1-5 scores of the standard indicators. */
  indicators: z
    .object(Object.fromEntries(Object.entries(RATING_INDICATORS).map(([k, label]) => [k, score.meta({ label }).optional()])) as Record<RatingIndicator, z.ZodOptional<typeof score>>)
    .strict()
    .optional(),
  comment: z.string().trim().max(RATING_RULES.commentMaxLength, `评价内容不能超过${RATING_RULES.commentMaxLength}字`).meta({ label: '评价内容' }).optional(),
});

export const RectificationListQuery = z.object({
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  department: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const IdParams = z.object({ id: z.string().regex(/^[a-f0-9]{24}$/, '编号格式有误') });

export const RespondSchema = z.object({ text: z.string().trim().min(1, '请填写整改情况').max(2000).meta({ label: '整改情况' }) });
export const VerifySchema = z.object({
  approved: z.boolean({ error: '请选择通过或退回' }).meta({ label: '审核结果' }),
  note: z.string().trim().max(500).meta({ label: '审核意见' }).optional(),
});
export const CallbackSchema = z.object({
  reached: z.boolean({ error: '请登记是否联系上群众' }).meta({ label: '是否联系上' }),
  satisfied: z.boolean().meta({ label: '群众是否满意' }).optional(),
  note: z.string().trim().max(500).meta({ label: '回访记录' }).optional(),
});

export const RatingStatsQuery = z.object({
  by: z.enum(Object.keys(STATS_DIMENSIONS) as [keyof typeof STATS_DIMENSIONS, ...Array<keyof typeof STATS_DIMENSIONS>]).default('department'),
  from: date.optional(),
  to: date.optional(),
});
