/** Request schemas of the identity routes. */
import { z } from 'zod';
import { STAFF_ROLES } from '../../models/staff';

const phone = z.string().trim().min(1, '请输入手机号码').max(20).meta({ label: '手机号码' });
const smsCode = z.string().trim().regex(/^\d{6}$/, '请输入6位数字验证码').meta({ label: '验证码' });

export const WechatLoginSchema = z.object({
  /** The code from the mini-program's wx.login(). */
  code: z.string().trim().min(1).max(128).meta({ label: '微信登录凭证' }),
});

export const SmsCodeRequestSchema = z.object({ phone });

export const SmsLoginSchema = z.object({ phone, code: smsCode });

export const StaffLoginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64).meta({ label: '用户名' }),
  password: z.string().min(1, '请输入密码').max(256).meta({ label: '密码' }),
});

export const RealNameSchema = z.object({
  name: z.string().trim().min(2, '请输入姓名').max(40).meta({ label: '姓名' }),
  idNumber: z.string().trim().min(1, '请输入身份证号码').max(18, '身份证号码应为18位').meta({ label: '身份证号码' }),
});

const password = z.string().min(10, '密码至少10位').max(128).meta({ label: '密码' });

export const StaffCreateSchema = z.object({
  username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，3-32位字母、数字或 _ . -').meta({ label: '用户名' }),
  displayName: z.string().trim().min(1).max(40).meta({ label: '姓名' }),
  password,
  roles: z.array(z.enum(STAFF_ROLES)).min(1, '至少选择一个角色').meta({ label: '角色' }),
  servicePoint: z.string().max(64).optional(),
  window: z.string().max(32).optional(),
  department: z.string().max(64).optional(),
  chiefRepresentative: z.boolean().optional(),
});

export const StaffUpdateSchema = StaffCreateSchema.omit({ username: true, password: true })
  .partial()
  .extend({ password: password.optional(), active: z.boolean().optional(), unlock: z.boolean().optional() });

export const IdParams = z.object({ id: z.string().regex(/^[a-f0-9]{24}$/, '编号格式有误') });

export const AuditQuerySchema = z.object({
  staffId: z.string().optional(),
  targetType: z.string().max(32).optional(),
  targetId: z.string().max(64).optional(),
  before: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const StaffListQuerySchema = z.object({
  role: z.enum(STAFF_ROLES).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
