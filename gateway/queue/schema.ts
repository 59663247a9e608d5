/** Request schemas of the queue routes. */
import { z } from 'zod';

const code = z.string().trim().min(4, '请输入预约码').max(40).meta({ label: '预约码' });
const servicePointId = z.string().trim().min(1, '请选择服务网点').max(64).meta({ label: '服务网点' });

export const ClerkCheckInSchema = z.object({
  /** The booking code, or the scanned QR payload `OW-BOOKING:<code>`. */
  code,
});

export const KioskCheckInSchema = z.object({
  servicePointId,
  code,
  /** Last 4 characters of the resident's ID number or phone. */
  last4: z.string().trim().regex(/^[0-9Xx]{4}$/, '请输入身份证号或手机号后四位').meta({ label: '证件号/手机号后四位' }),
});

export const WalkInSchema = z.object({
  servicePointId: servicePointId.optional(),
  window: z.string().trim().min(1).max(32).optional().meta({ label: '窗口' }),
  guideCode: z.string().trim().min(1).max(64).optional().meta({ label: '办事事项' }),
});

export const CallNextSchema = z.object({
  /** The counter (柜台) number shown on the display: "请A012号到3号柜台". */
  counter: z.number().int().min(1, '柜台号应为正整数').max(99).optional().meta({ label: '柜台号' }),
});

export const TicketIdParams = z.object({ id: z.string().min(1).max(64).meta({ label: '号码编号' }) });

export const QueueQuerySchema = z.object({
  servicePointId: servicePointId.optional(),
  window: z.string().trim().min(1).max(32).optional().meta({ label: '窗口' }),
});

export const NowServingQuerySchema = z.object({ servicePointId });
