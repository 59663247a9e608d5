/**
 * Rate limits for high-volume public reads (slot listings): the same keys and windows as
 * `rateLimit`, counted with `BatchedLimiter`s so a read costs no database write. Across instances a
 * client can overshoot by what the others counted within one flush interval (500 ms).
 */
import type { Middleware } from 'koa';
import { tooManyRequests } from '../errors';
import { BatchedLimiter, type Limit } from './rate-limit';

export function batchedRateLimit(name: string, limits: { account?: Limit[]; address: Limit[] }): Middleware {
  const perAccount = (limits.account ?? []).map((l) => new BatchedLimiter(l));
  const perAddress = limits.address.map((l) => new BatchedLimiter(l));
  return async (ctx, next) => {
    const actor = ctx.state.actor as { accountKey?: string } | undefined;
    const [limiters, key] = actor?.accountKey && perAccount.length ? [perAccount, `${name}:acct:${actor.accountKey}`] : [perAddress, `${name}:ip:${ctx.ip}`];
    const blocked = limiters
      .map((l) => l.check(key))
      .filter((c) => !c.allowed)
      .sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
    if (blocked) throw tooManyRequests('rate.limited', '操作太频繁，请稍后再试', blocked.retryAfterSeconds);
    await next();
  };
}
