/** SMS: Aliyun's receipt and reply pushes, the staff message log, a resident's own messages. */
import { timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { z } from 'zod';
import { config } from '../../config/server';
import { MESSAGE_STATUSES } from '../../models/message';
import { AppError } from '../errors';
import { ApiRouter } from '../http/routes';
import type { ResidentActor } from '../identity/actor';
import { actorOf, requireResident, requireStaff } from '../identity/middleware';
import { recordReceipts, recordReplies } from './callbacks';
import { messageStats, residentMessages, searchMessages } from './message-log';
import { MESSAGE_KINDS } from './templates';

/** Aliyun's push cannot add headers, so the configured secret travels in the URL (?token=). */
const callbackSecret: Middleware = async (ctx, next) => {
  const expected = config().sms.callbackSecret;
  const given = String(ctx.query.token ?? '');
  const ok = expected && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) throw new AppError(401, 'sms.callback_unauthorized', '回调凭证无效');
  await next();
};

const ALIYUN_OK = { code: 0, msg: '成功' };

const ReportSchema = z.array(
  z.object({
    phone_number: z.string().optional(),
    success: z.union([z.boolean(), z.string()]).optional(),
    err_code: z.string().optional(),
    err_msg: z.string().optional(),
    biz_id: z.string().optional(),
    out_id: z.string().optional(),
    report_time: z.string().optional(),
    send_time: z.string().optional(),
  }),
);

const ReplySchema = z.array(z.object({ phone_number: z.string().optional(), content: z.string().optional(), send_time: z.string().optional() }));

const Range = {
  from: z.coerce.date().optional().meta({ label: '开始时间' }),
  to: z.coerce.date().optional().meta({ label: '结束时间' }),
};

export const notificationRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'post', path: '/notifications/aliyun/sms-report', summary: 'Aliyun SmsReport push (delivery receipts)', tags: ['sms'],
    use: [callbackSecret], body: ReportSchema,
    handler: async (_ctx, { body }) => {
      await recordReceipts(body);
      return ALIYUN_OK;
    },
  })
  .route({
    method: 'post', path: '/notifications/aliyun/sms-up', summary: 'Aliyun SmsUp push (replies; TD/退订 unsubscribes)', tags: ['sms'],
    use: [callbackSecret], body: ReplySchema,
    handler: async (_ctx, { body }) => {
      await recordReplies(body);
      return ALIYUN_OK;
    },
  })
  .route({
    method: 'get', path: '/staff/messages', summary: 'Message log (supervisors, administrators)', tags: ['sms', 'staff'], auth: true,
    use: [requireStaff('supervisor')],
    query: z.object({
      status: z.enum(MESSAGE_STATUSES).optional(),
      kind: z.enum(MESSAGE_KINDS as [string, ...string[]]).optional(),
      phone: z.string().max(20).optional().meta({ label: '手机号码' }),
      ...Range,
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
    handler: (_ctx, { query }) => searchMessages(query as Parameters<typeof searchMessages>[0]),
  })
  .route({
    method: 'get', path: '/staff/messages/stats', summary: 'Delivery statistics', tags: ['sms', 'staff'], auth: true,
    use: [requireStaff('supervisor')], query: z.object(Range),
    handler: (_ctx, { query }) => messageStats(query),
  })
  .route({
    method: 'get', path: '/me/messages', summary: "The resident's own messages", tags: ['sms'], auth: true,
    use: [requireResident],
    handler: async (ctx) => ({ items: await residentMessages((actorOf(ctx) as ResidentActor).userId) }),
  });
