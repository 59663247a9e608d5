/** Administrators issue and revoke the API keys Open311 clients file requests with. */
import { z } from 'zod';
import { ApiRouter } from '../http/routes';
import type { StaffActor } from '../identity/actor';
import { actorOf, requireStaff } from '../identity/middleware';
import { issueKey, listKeys, revokeKey } from './keys';

const admin = requireStaff('admin');
const IdParams = z.object({ id: z.string().regex(/^[a-f0-9]{24}$/, '编号格式有误') });

export const open311KeyRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'get', path: '/staff/open311-keys', summary: 'Open311 API keys (administrators)', tags: ['open311', 'staff'], auth: true,
    use: [admin],
    handler: () => listKeys(),
  })
  .route({
    method: 'post', path: '/staff/open311-keys', summary: 'Issue an Open311 API key; the key is shown only in this answer', tags: ['open311', 'staff'], auth: true, status: 201,
    use: [admin], body: z.object({ name: z.string().trim().min(1, '请填写使用方名称').max(60).meta({ label: '使用方名称' }) }),
    handler: (ctx, { body }) => issueKey(actorOf(ctx) as StaffActor, body.name),
  })
  .route({
    method: 'delete', path: '/staff/open311-keys/:id', summary: 'Revoke an Open311 API key', tags: ['open311', 'staff'], auth: true,
    use: [admin], params: IdParams,
    handler: async (ctx, { params }) => {
      await revokeKey(actorOf(ctx) as StaffActor, params.id);
    },
  });
