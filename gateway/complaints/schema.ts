/** Request schemas of the complaint routes. */
import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, COMPLAINT_TYPES } from '../../models/complaint';
import { COMPLAINT_RULES } from './rules';

const text = (label: string, max: number, required = '请填写内容') => z.string().trim().min(1, required).max(max, `${label}不能超过${max}字`).meta({ label });
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}字`).meta({ label }).optional();
const phoneLast4 = z.string().trim().regex(/^\d{4}$/, '请输入4位数字').meta({ label: '手机号后四位' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

export const FileComplaintSchema = z.object({
  /** complaint 投诉 | consultation 咨询 | suggestion 建议 */
  type: z.enum(COMPLAINT_TYPES).meta({ label: '类型' }),
  /** What it is about: attitude, slow_handling, improper_fees, bribery, system_fault, other. */
  category: z.enum(COMPLAINT_CATEGORIES).meta({ label: '类别' }),
  /** The resident's own words (≤ 4,000 characters). */
  content: text('内容', COMPLAINT_RULES.contentMaxLength),
  /** Handlers never see who filed an anonymous item; the resident can still follow it. */
  anonymous: z.boolean().optional(),
  /** Whom it is about, all optional: department, window, staff member, service guide code. */
  target: z
    .object({
      department: optionalText('部门', 64),
      window: optionalText('窗口', 64),
      staff: optionalText('工作人员', 40),
      guideCode: optionalText('事项编码', 64),
    })
    .optional(),
  /** Required without a resident account that has a verified phone: tracking and SMS go to it. */
  phone: z.string().trim().max(20).meta({ label: '手机号码' }).optional(),
  /** Where it happened (optional). */
  location: z
    .object({
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
      address: optionalText('地点', 200),
    })
    .optional(),
});
export type FileComplaintBody = z.infer<typeof FileComplaintSchema>;

/** Staff recording a phone call: the caller's phone is required. */
export const RecordCallSchema = FileComplaintSchema.extend({
  phone: z.string().trim().min(1, '请填写来电号码').max(20).meta({ label: '来电号码' }),
  name: optionalText('来电人姓名', 20),
});

export const TrackingParams = z.object({ trackingNumber: z.string().trim().min(1).max(40) });
export const PhotoParams = TrackingParams.extend({ fileId: z.string().regex(/^[a-f0-9]{24}$/, '编号格式有误') });

export const HolderQuery = z.object({
  /** Last four digits of the phone given when filing (not needed by the signed-in filer). */
  phoneLast4: phoneLast4.optional(),
});

export const InformationSchema = z.object({ text: text('补充内容', 2000), phoneLast4: phoneLast4.optional() });
export const ConfirmSchema = z.object({ phoneLast4: phoneLast4.optional() });
export const ReopenSchema = z.object({ reason: text('重新办理的理由', 500, '请说明需要重新办理的理由'), phoneLast4: phoneLast4.optional() });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const StaffListQuery = PageQuery.extend({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  department: z.string().trim().max(64).optional(),
  type: z.enum(COMPLAINT_TYPES).optional(),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  escalated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const AcknowledgeSchema = z.object({ note: optionalText('备注', 500) });
export const AssignSchema = z.object({ department: text('承办部门', 64, '请选择承办部门'), note: optionalText('备注', 500) });
export const ReplySchema = z.object({ text: text('答复内容', COMPLAINT_RULES.contentMaxLength, '请填写答复内容') });
export const CloseSchema = z.object({ note: text('办结说明', 500, '请填写办结说明') });

export const StatsQuery = z.object({ from: date.optional(), to: date.optional() });
