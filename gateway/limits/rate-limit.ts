/**
 * Fixed-window rate limits kept in MongoDB, so they hold across gateway instances. Keys name the
 * account wherever there is one; anonymous calls key on the client address with generous limits
 * (many residents share one address: carrier NAT, a village agency point's single line).
 */
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { mongo } from 'mongoose';
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

export interface Take {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** The counters collection as the driver sees it (string ids), for writes without casting. */
const counters = () =>
  RateLimitModel.collection as unknown as mongo.Collection<{ _id: string; count: number; expiresAt: Date; grants?: Record<string, number> }>;

/** Indexes of the documents an unordered insert found already there; any other failure is thrown. */
function duplicateKeyIndexes(err: unknown): number[] {
  const raw = (err as { writeErrors?: unknown }).writeErrors;
  const writeErrors = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Array<{ index: number; code: number }>;
  if (!writeErrors.length || writeErrors.some((e) => e.code !== 11000)) throw err;
  return writeErrors.map((e) => e.index);
}

/**
 * Takes one unit per key from its window while the window has units left, for many keys in one
 * round trip in the usual case (a key may repeat: each occurrence wants its own unit); results
 * follow the order of `keys`. Unlike `hit`, a refused take is not counted, and concurrent callers
 * together never take more than the limit:
 * - windows nobody has counted yet are created holding the units they grant, in one insert (most
 *   keys are new: one number's template on one day);
 * - windows that already exist get one update granting each `min(wanted, left)`, atomic per
 *   counter, which notes the grant under a token of this call (in `grants`, a field only these
 *   counters carry, gone with the counter when its window expires); one read fetches the grants.
 */
export async function takeWithinLimit(keys: string[], { limit, windowSeconds }: Limit, now = Date.now()): Promise<Take[]> {
  const offset = 8 * 3600_000;
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor((now + offset) / windowMs) * windowMs - offset;
  const expiresAt = new Date(windowStart + windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
  const counterId = (key: string) => `${key}|${windowSeconds}|${windowStart}`;
  const wanted = new Map<string, number>();
  for (const key of keys) wanted.set(counterId(key), (wanted.get(counterId(key)) ?? 0) + 1);
  const ids = [...wanted.keys()];

  let existing: string[] = [];
  try {
    await counters().insertMany(ids.map((_id) => ({ _id, count: Math.min(wanted.get(_id)!, limit), expiresAt })), { ordered: false });
  } catch (err) {
    existing = duplicateKeyIndexes(err).map((i) => ids[i]);
  }
  const granted = new Map(ids.map((id) => [id, Math.min(wanted.get(id)!, limit)]));
  if (existing.length) {
    const token = randomUUID();
    const want = { $arrayElemAt: [{ $literal: existing.map((id) => wanted.get(id)!) }, { $indexOfArray: [{ $literal: existing }, '$_id'] }] };
    await counters().updateMany({ _id: { $in: existing } }, [
      { $set: { granting: { $min: [want, { $max: [0, { $subtract: [limit, '$count'] }] }] } } },
      { $set: { count: { $add: ['$count', '$granting'] }, grants: { $setField: { field: token, input: { $ifNull: ['$grants', {}] }, value: '$granting' } } } },
      { $unset: 'granting' },
    ]);
    for (const id of existing) granted.set(id, 0);
    const counted = await counters().find({ _id: { $in: existing } }, { projection: { [`grants.${token}`]: 1 }, batchSize: existing.length }).toArray();
    for (const doc of counted) granted.set(doc._id, doc.grants?.[token] ?? 0);
  }
  return keys.map((key) => {
    const left = granted.get(counterId(key))!;
    granted.set(counterId(key), left - 1);
    return { allowed: left > 0, retryAfterSeconds };
  });
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

/**
 * A cheaper limiter for high-volume anonymous look-ups (status queries): each instance counts
 * locally and adds its counts to the shared MongoDB counter every `flushMs`, deciding on
 * "shared total as last seen + local hits not yet flushed". Across instances it can overshoot by
 * what the others counted within one flush interval — fine for enumeration protection, and it
 * keeps the database out of every request.
 */
export class BatchedLimiter {
  private readonly pending = new Map<string, { count: number; windowStart: number }>();
  private readonly known = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limit: Limit,
    private readonly flushMs = 500,
  ) {}

  private windowStart(now: number): number {
    const offset = 8 * 3600_000;
    const windowMs = this.limit.windowSeconds * 1000;
    return Math.floor((now + offset) / windowMs) * windowMs - offset;
  }

  /** Counts one hit; true while the key is within its limit. */
  check(key: string, now = Date.now()): LimitCheck {
    const start = this.windowStart(now);
    const id = `${key}|${this.limit.windowSeconds}|${start}`;
    const local = this.pending.get(id) ?? { count: 0, windowStart: start };
    local.count++;
    this.pending.set(id, local);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
    const count = (this.known.get(id) ?? 0) + local.count;
    const retryAfterSeconds = Math.max(1, Math.ceil((start + this.limit.windowSeconds * 1000 - now) / 1000));
    return { allowed: count <= this.limit.limit, count, retryAfterSeconds };
  }

  /** Adds local counts to the shared counters and learns the totals. */
  async flush(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.pending.entries()];
    this.pending.clear();
    await Promise.all(
      batch.map(async ([id, { count, windowStart }]) => {
        try {
          const doc = await RateLimitModel.findOneAndUpdate(
            { _id: id },
            { $inc: { count }, $setOnInsert: { expiresAt: new Date(windowStart + this.limit.windowSeconds * 1000) } },
            { upsert: true, returnDocument: 'after' },
          ).lean();
          this.known.set(id, doc!.count);
        } catch {
          // Counting is best effort: put the hits back for the next flush.
          const again = this.pending.get(id) ?? { count: 0, windowStart };
          again.count += count;
          this.pending.set(id, again);
        }
      }),
    );
    const now = Date.now();
    for (const id of this.known.keys()) if (Number(id.split('|')[2]) + this.limit.windowSeconds * 1000 < now) this.known.delete(id);
  }
}
