/**
 * Fixed-window rate limits kept in MongoDB, so they hold across gateway instances. Keys name the
 * account wherever there is one; anonymous calls key on the client address with generous limits
 * (many residents share one address: carrier NAT, a village agency point's single line).
 */
import type { Middleware } from 'koa';
import { RateLimitModel } from '../../models/rate-limit';
import { tooManyRequests } from '../errors';

export interface Limit {
  /** How many hits the window allows. */
  limit: number;
  windowSeconds: number;
}

export interface LimitCheck {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit of `key` in the current window. Windows are aligned to the clock in UTC+8 (as
 * Aliyun's minute and hour windows are), so they agree across instances.
 */
export async function hit(key: string, { limit, windowSeconds }: Limit, now = Date.now()): Promise<LimitCheck> {
  const offset = 8 * 3600_000;
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor((now + offset) / windowMs) * windowMs - offset;
  const id = `${key}|${windowSeconds}|${windowStart}`;
  const doc = await RateLimitModel.findOneAndUpdate(
    { _id: id },
    { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(windowStart + windowMs) } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  const count = doc!.count;
  return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
}

/** Checks several limits on one key; throws 429 with the first exceeded one's wait. */
export async function enforce(key: string, limits: Limit[], code: string, message: string): Promise<void> {
  const checks = await Promise.all(limits.map((l) => hit(key, l)));
  const blocked = checks.filter((c) => !c.allowed).sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
  if (blocked) throw tooManyRequests(code, message, blocked.retryAfterSeconds);
}

/** Middleware form: keyed on the acting account when there is one, else the client address. */
export function rateLimit(name: string, limits: { account?: Limit[]; address: Limit[] }): Middleware {
  return async (ctx, next) => {
    const actor = ctx.state.actor as { accountKey?: string } | undefined;
    if (actor?.accountKey && limits.account) {
      await enforce(`${name}:acct:${actor.accountKey}`, limits.account, 'rate.limited', '操作太频繁，请稍后再试');
    } else {
      await enforce(`${name}:ip:${ctx.ip}`, limits.address, 'rate.limited', '操作太频繁，请稍后再试');
    }
    await next();
  };
}
