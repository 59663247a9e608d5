/** Request schemas of the application routes. */
import { z } from 'zod';
import { APPLICATION_STATES } from '../../models/application';
import { ACTIONS, SPECIAL_PROCEDURES } from './states';

const number = z.string().trim().min(6).max(32).meta({ label: '办件编号' });

export const NumberParams = z.object({ number });

export const RegisterSchema = z.object({
  guideCode: z.string().trim().min(1).max(64).meta({ label: '事项编码' }),
  applicant: z.object({
    name: z.string().trim().min(2, '请填写申请人姓名').max(40).meta({ label: '申请人姓名' }),
    phone: z.string().trim().min(1, '请填写申请人手机号码').max(20).meta({ label: '申请人手机号码' }),
  }),
  servicePointId: z.string().max(64).optional().meta({ label: '服务网点' }),
  channel: z.enum(['window', 'village_agency']).optional(),
});

export const SubmitSchema = z.object({
  guideCode: z.string().trim().min(1).max(64).meta({ label: '事项编码' }),
  servicePointId: z.string().max(64).optional().meta({ label: '服务网点' }),
});

export const TransitionSchema = z.object({
  action: z.enum(ACTIONS, { error: '不支持的操作' }).meta({ label: '操作' }),
  note: z.string().trim().max(500).optional().meta({ label: '备注' }),
  reason: z.string().trim().max(200).optional().meta({ label: '理由' }),
  missing: z.string().trim().max(200).optional().meta({ label: '需补正材料' }),
  procedure: z.enum(Object.keys(SPECIAL_PROCEDURES) as [keyof typeof SPECIAL_PROCEDURES]).optional().meta({ label: '特别程序' }),
  days: z.number().int().min(1).max(60).optional().meta({ label: '延长天数' }),
  pickup: z.string().trim().max(100).optional().meta({ label: '领取方式' }),
});

export const StatusQuery = z.object({ phoneLast4: z.string().trim().regex(/^\d{4}$/, '请输入手机号后四位').meta({ label: '手机号后四位' }) });

export const InboxQuery = z.object({
  state: z.enum(APPLICATION_STATES).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  department: z.string().max(60).optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const DashboardQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ label: '开始日期' }),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ label: '结束日期' }),
});
