/** Policy notices: public list and detail, staff publishing, residents' topic subscriptions. */
import { z } from 'zod';
import { ApiRouter } from '../http/routes';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { actorOf, requireResident, requireStaff } from '../identity/middleware';
import { getNotice, getSubscriptions, listNotices, publishNotice, setSubscriptions } from './service';
import { NOTICE_TOPICS, TOPIC_CODES } from './topics';

const topic = z.enum(TOPIC_CODES).meta({ label: '通知主题' });

export const noticeRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'get', path: '/notices', summary: 'Published policy notices, newest first', tags: ['notices'],
    query: z.object({ topic: topic.optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(50).default(10) }),
    handler: (_ctx, { query }) => listNotices(query),
  })
  .route({
    method: 'get', path: '/notices/topics', summary: 'Topics residents can subscribe to', tags: ['notices'],
    handler: () => ({ items: NOTICE_TOPICS }),
  })
  .route({
    method: 'get', path: '/notices/:id', summary: 'One notice', tags: ['notices'],
    params: z.object({ id: z.string().max(64) }),
    handler: (_ctx, { params }) => getNotice(params.id),
  })
  .route({
    method: 'post', path: '/staff/notices', summary: 'Publish a policy notice (supervisors, administrators)', tags: ['notices', 'staff'], auth: true, status: 201,
    use: [requireStaff('supervisor')],
    body: z.object({
      title: z.string().trim().min(2).max(60).meta({ label: '标题' }),
      body: z.string().trim().min(2).max(5000).meta({ label: '正文' }),
      smsSummary: z.string().trim().min(2).max(35, '短信摘要不超过35个字').meta({ label: '短信摘要' }),
      audience: z.object({
        type: z.enum(['all', 'topic', 'township']).meta({ label: '发送范围' }),
        topic: topic.optional(),
        township: z.string().max(20).optional().meta({ label: '苏木乡镇' }),
      }),
    }),
    handler: (ctx, { body }) => publishNotice(actorOf(ctx) as StaffActor, body),
  })
  .route({
    method: 'get', path: '/me/subscriptions', summary: "The resident's notice subscriptions", tags: ['notices'], auth: true,
    use: [requireResident],
    handler: (ctx) => getSubscriptions(actorOf(ctx) as ResidentActor),
  })
  .route({
    method: 'put', path: '/me/subscriptions', summary: 'Subscribe to topics (an empty list unsubscribes)', tags: ['notices'], auth: true,
    use: [requireResident],
    body: z.object({ topics: z.array(topic).max(20), township: z.string().max(20).nullable().optional() }),
    handler: (ctx, { body }) => setSubscriptions(actorOf(ctx) as ResidentActor, body),
  });
