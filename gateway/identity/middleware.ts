/**
 * Authentication: resolves the caller to an Actor on ctx.state.actor.
 * - `Authorization: Bearer <token>` — a resident or staff token;
 * - `Authorization: Bot <BOT_TOKEN>` plus `X-Chat-User: <id>` — the chat bot speaking for a chat user.
 * Guards then require a resident, a chat user, or staff with given roles.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import { config } from '../../config/server';
import { StaffModel, type StaffRole } from '../../models/staff';
import { UserModel } from '../../models/user';
import { AppError, forbidden, unauthorized } from '../errors';
import { hasRole, type Actor, type Channel } from './actor';
import { verifyToken } from './tokens';

const CHANNEL_HEADER = /^(miniprogram|h5)$/;

function channelOf(ctx: Context): Channel {
  const declared = ctx.get('X-Client');
  return CHANNEL_HEADER.test(declared) ? (declared as Channel) : 'h5';
}

function botTokenMatches(given: string): boolean {
  const expected = config().botToken;
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const CHAT_USER = /^[\w@.:-]{1,128}$/;

/** The caller named by an Authorization header (a bot, a resident or a staff member). */
async function resolve(ctx: Context, header: string): Promise<Actor> {
  const ip = ctx.ip;
  const [scheme, value] = header.split(' ', 2);
  if (scheme === 'Bot') {
    if (!value || !botTokenMatches(value)) throw new AppError(401, 'auth.bot_invalid', '机器人凭证无效');
    const chatUserId = ctx.get('X-Chat-User');
    if (!CHAT_USER.test(chatUserId)) throw new AppError(400, 'auth.chat_user_missing', '缺少聊天用户标识');
    const user = await UserModel.findOne({ chatBindings: { $elemMatch: { channel: 'wechaty', channelUserId: chatUserId } }, active: true }, { _id: 1 }).lean();
    return user
      ? { kind: 'resident', userId: String(user._id), channel: 'bot', ip, accountKey: `user:${user._id}`, chatUserId }
      : { kind: 'chat', chatUserId, channel: 'bot', ip, accountKey: `chat:${chatUserId}` };
  }
  if (scheme !== 'Bearer' || !value) throw unauthorized('auth.invalid', '登录凭证无效，请重新登录');
  const check = verifyToken(value);
  if (!check.ok) {
    throw check.reason === 'expired' ? unauthorized('auth.expired', '登录已过期，请重新登录') : unauthorized('auth.invalid', '登录凭证无效，请重新登录');
  }
  const claims = check.claims;
  if (claims.kind === 'resident') {
    return { kind: 'resident', userId: claims.sub, channel: channelOf(ctx), ip, accountKey: `user:${claims.sub}` };
  }
  const staff = await StaffModel.findById(claims.sub).lean();
  if (!staff || !staff.active || staff.tokenVersion !== claims.tv) throw unauthorized('auth.revoked', '登录已失效，请重新登录');
  return {
    kind: 'staff',
    staffId: String(staff._id),
    username: staff.username,
    roles: staff.roles as StaffRole[],
    servicePoint: staff.servicePoint ?? undefined,
    window: staff.window ?? undefined,
    department: staff.department ?? undefined,
    chiefRepresentative: staff.chiefRepresentative,
    channel: 'window',
    ip,
    accountKey: `staff:${staff._id}`,
  };
}

/** Resolves the actor for every API request (anonymous when no credentials). */
export const authenticate: Middleware = (ctx, next) => {
  // Most requests carry no credentials: answer those without a detour through a promise.
  const header = ctx.get('Authorization');
  if (!header) {
    ctx.state.actor = { kind: 'anonymous', channel: channelOf(ctx), ip: ctx.ip } satisfies Actor;
    return next();
  }
  return resolve(ctx, header).then((actor) => {
    ctx.state.actor = actor;
    return next();
  });
};

export const actorOf = (ctx: Context): Actor => ctx.state.actor as Actor;

export const requireResident: Middleware = async (ctx, next) => {
  const actor = actorOf(ctx);
  if (actor.kind === 'chat') throw new AppError(403, 'auth.binding_required', '请先绑定手机号');
  if (actor.kind !== 'resident') throw unauthorized();
  await next();
};

export const requireBot: Middleware = async (ctx, next) => {
  const actor = actorOf(ctx);
  if (actor.kind !== 'chat' && !(actor.kind === 'resident' && actor.channel === 'bot')) throw unauthorized('auth.bot_required', '仅限机器人调用');
  await next();
};

export function requireStaff(...roles: StaffRole[]): Middleware {
  return async (ctx, next) => {
    const actor = actorOf(ctx);
    if (actor.kind !== 'staff') throw unauthorized('auth.staff_required', '请先以工作人员身份登录');
    if (roles.length && !hasRole(actor, ...roles)) throw forbidden();
    await next();
  };
}
