/** Identity routes: resident logins, profile and real-name binding, staff login and administration, bot binding. */
import { ApiRouter } from '../http/routes';
import { rateLimit } from '../limits/rate-limit';
import type { ResidentActor, StaffActor } from './actor';
import { listAudit } from './audit';
import { actorOf, requireBot, requireResident, requireStaff } from './middleware';
import { bindChatUser, bindRealName, bindVerifiedPhone, loadResident, presentResident, residentSession, unbindChatUser } from './residents';
import * as s from './schema';
import { loginWithSmsCode, requestLoginCode, verifyLoginCode } from './sms-login';
import { createStaff, getStaffProfile, listStaff, staffLogin, updateStaff } from './staff';
import { loginWithWechat } from './wechat';

const loginAttempts = rateLimit('login', { address: [{ limit: 300, windowSeconds: 3600 }], account: [{ limit: 60, windowSeconds: 3600 }] });

export const identityRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'post', path: '/auth/wechat', summary: 'Log in with the mini-program wx.login code', tags: ['identity'],
    use: [loginAttempts], body: s.WechatLoginSchema,
    handler: (_ctx, { body }) => loginWithWechat(body.code),
  })
  .route({
    method: 'post', path: '/auth/sms-codes', summary: 'Send a 6-digit login code by SMS', tags: ['identity'], status: 202,
    body: s.SmsCodeRequestSchema,
    handler: (ctx, { body }) => requestLoginCode(body.phone, actorOf(ctx)),
  })
  .route({
    method: 'post', path: '/auth/sms-login', summary: 'Log in with phone and SMS code', tags: ['identity'],
    use: [loginAttempts], body: s.SmsLoginSchema,
    handler: async (_ctx, { body }) => residentSession(await loginWithSmsCode(body.phone, body.code)),
  })
  .route({
    method: 'post', path: '/auth/staff-login', summary: 'Staff password login', tags: ['identity', 'staff'],
    body: s.StaffLoginSchema,
    handler: (ctx, { body }) => staffLogin(body, actorOf(ctx)),
  })
  .route({
    method: 'get', path: '/me', summary: "The resident's masked profile and bindings", tags: ['identity'], auth: true,
    use: [requireResident],
    handler: async (ctx) => presentResident(await loadResident(actorOf(ctx) as ResidentActor)),
  })
  .route({
    method: 'put', path: '/me/real-name', summary: 'Bind real name and resident ID number', tags: ['identity'], auth: true,
    use: [requireResident, rateLimit('real-name', { account: [{ limit: 10, windowSeconds: 3600 }], address: [{ limit: 100, windowSeconds: 3600 }] })],
    body: s.RealNameSchema,
    handler: (ctx, { body }) => bindRealName(actorOf(ctx) as ResidentActor, body),
  })
  .route({
    method: 'put', path: '/me/phone', summary: 'Verify a phone for this account (WeChat residents)', tags: ['identity'], auth: true,
    use: [requireResident, loginAttempts], body: s.SmsLoginSchema,
    handler: async (ctx, { body }) => bindVerifiedPhone(actorOf(ctx) as ResidentActor, await verifyLoginCode(body.phone, body.code)),
  })
  .route({
    method: 'get', path: '/staff/me', summary: "The staff member's own profile", tags: ['staff'], auth: true,
    use: [requireStaff()],
    handler: (ctx) => getStaffProfile(actorOf(ctx) as StaffActor),
  })
  .route({
    method: 'get', path: '/staff/accounts', summary: 'List staff accounts (administrators)', tags: ['staff'], auth: true,
    use: [requireStaff('admin')], query: s.StaffListQuerySchema,
    handler: async (_ctx, { query }) => ({ items: await listStaff(query) }),
  })
  .route({
    method: 'post', path: '/staff/accounts', summary: 'Create a staff account (administrators)', tags: ['staff'], auth: true, status: 201,
    use: [requireStaff('admin')], body: s.StaffCreateSchema,
    handler: (ctx, { body }) => createStaff(actorOf(ctx) as StaffActor, body),
  })
  .route({
    method: 'patch', path: '/staff/accounts/:id', summary: 'Change roles, scope, password or status (administrators)', tags: ['staff'], auth: true,
    use: [requireStaff('admin')], params: s.IdParams, body: s.StaffUpdateSchema,
    handler: (ctx, { params, body }) => updateStaff(actorOf(ctx) as StaffActor, params.id, body),
  })
  .route({
    method: 'get', path: '/staff/audit-log', summary: 'Audit log of staff actions (supervisors)', tags: ['staff'], auth: true,
    use: [requireStaff('supervisor')], query: s.AuditQuerySchema,
    handler: async (_ctx, { query }) => ({ items: await listAudit(query) }),
  })
  .route({
    method: 'get', path: '/bot/me', summary: 'Whether the chat user is bound to a resident', tags: ['bot'], auth: true,
    use: [requireBot],
    handler: async (ctx) => {
      const actor = actorOf(ctx);
      return actor.kind === 'resident' ? { bound: true, user: presentResident(await loadResident(actor)) } : { bound: false, user: null };
    },
  })
  .route({
    method: 'post', path: '/bot/bind', summary: 'Bind the chat user to the resident owning a verified phone', tags: ['bot'], auth: true,
    use: [requireBot, loginAttempts], body: s.SmsLoginSchema,
    handler: async (ctx, { body }) => {
      const actor = actorOf(ctx) as { chatUserId: string };
      return bindChatUser(actor.chatUserId, await verifyLoginCode(body.phone, body.code));
    },
  })
  .route({
    method: 'delete', path: '/bot/bind', summary: 'Unbind the chat user', tags: ['bot'], auth: true,
    use: [requireBot],
    handler: async (ctx) => {
      await unbindChatUser((actorOf(ctx) as { chatUserId: string }).chatUserId);
    },
  });
