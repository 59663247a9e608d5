/** Request schemas of the booking routes. */
import { z } from 'zod';
import { BOOKING_STATUSES } from '../../models/booking';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD').meta({ label: '日期' });
const guideCode = z.string().trim().min(1, '请选择办事事项').max(64).meta({ label: '办事事项' });
const servicePointId = z.string().trim().min(1, '请选择服务网点').max(64).meta({ label: '服务网点' });
const slotId = z.string().trim().min(1, '请选择预约时段').max(120).meta({ label: '预约时段' });
const reason = z.string().trim().min(2, '请填写原因（至少2个字）').max(30, '原因不超过30个字（将通过短信告知群众）').meta({ label: '原因' });

export const SlotQuerySchema = z.object({
  /** The guide's implementation code (实施编码). */
  guideCode,
  /** The service point's code. */
  servicePointId,
  /** YYYY-MM-DD, China time; the first bookable date when omitted. */
  date: date.optional(),
});

export const CreateBookingSchema = z.object({
  /** A slot id from GET /slots. */
  slotId,
  guideCode,
});

/** Header `Idempotency-Key`: letters, digits and `_ - . :`, up to 100 characters. */
export const IDEMPOTENCY_KEY = /^[\w.:-]{1,100}$/;

export const RescheduleSchema = z.object({ slotId });

export const BookingIdParams = z.object({ id: z.string().min(1).max(64).meta({ label: '预约编号' }) });

export const StaffCancelSchema = z.object({
  /** Told to the resident by SMS. */
  reason,
});

export const StaffBookingQuerySchema = z.object({
  servicePointId,
  date,
  window: z.string().max(32).optional().meta({ label: '窗口' }),
  status: z.enum(BOOKING_STATUSES).optional().meta({ label: '状态' }),
});

export const StaffSlotQuerySchema = z.object({
  servicePointId,
  date,
  window: z.string().max(32).optional().meta({ label: '窗口' }),
});

export const SlotIdParams = z.object({ id: slotId });

export const SlotChangeSchema = z
  .object({
    capacity: z.number().int('名额应为整数').min(0, '名额不能为负数').max(500, '名额不超过500').optional().meta({ label: '名额' }),
    closed: z.boolean().optional().meta({ label: '停止预约' }),
    /** Told to residents whose bookings the change cancels (SMS), and audited. */
    reason,
  })
  .refine((v) => v.capacity !== undefined || v.closed !== undefined, { message: '请修改名额或停止预约', path: ['capacity'] });
