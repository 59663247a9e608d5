/**
 * Why a claimed message must wait, decided for a whole batch at once:
 * - quiet hours hold back policy notices (in memory);
 * - one number's messages arrive in the order they were queued ("accepted" before "ready"): a
 *   message waits while an earlier, at least as urgent, due message to the same number is pending
 *   outside the batch (read with the claim); inside the batch the earlier one is simply sent first;
 * - the per-number daily cap (per template, per calendar day in UTC+8, as Aliyun counts) is taken
 *   from atomic counters for the whole batch in one round trip as a rule (takeWithinLimit), so
 *   concurrent workers cannot overshoot it.
 * Login codes are limited when requested (identity) and never wait for ordering or caps.
 */
import { config } from '../../../config/server';
import { takeWithinLimit } from '../../limits/rate-limit';
import { quietUntil } from '../schedule';
import { TEMPLATES, type MessageKind } from '../templates';
import type { ClaimedMessage, PendingMessage } from './claim';
import type { Hold } from './outcomes';

/** How long a message waits for an earlier one to the same number. */
const ORDER_WAIT_MS = 500;

const idOf = (m: { _id: unknown }) => String(m._id);
const exempt = (m: ClaimedMessage) => m.kind === 'login_code';

/** Whether `earlier` must reach the phone before `later` (queued before it, at least as urgent). */
export function mustPrecede(earlier: PendingMessage, later: ClaimedMessage): boolean {
  return !exempt(later) && earlier.phoneHash === later.phoneHash && earlier.createdAt < later.createdAt && earlier.priority <= later.priority;
}

export function quietHold(message: ClaimedMessage, now: Date): Hold | undefined {
  const spec: { quiet?: boolean } = TEMPLATES[message.kind as MessageKind];
  const until = spec.quiet ? quietUntil(now, config().sms.quietHours) : undefined;
  return until && { until, reason: 'quiet_hours' };
}

/**
 * Messages of the batch that wait for an earlier pending message to their number outside the
 * batch (`pending`, read with the claim).
 */
export function orderingHolds(batch: ClaimedMessage[], pending: PendingMessage[], now: Date): Map<string, Hold> {
  const holds = new Map<string, Hold>();
  const inBatch = new Set(batch.map(idOf));
  // The batch's own messages are ordered within the batch.
  const outside = pending.filter((p) => !inBatch.has(idOf(p)));
  for (const m of batch) {
    if (outside.some((p) => mustPrecede(p, m))) holds.set(idOf(m), { until: new Date(now.getTime() + ORDER_WAIT_MS), reason: 'ordering' });
  }
  return holds;
}

/** Takes one unit of the daily cap for each message; the ones over the cap wait for the next day. */
export async function capHolds(messages: ClaimedMessage[], now: Date): Promise<Map<string, Hold>> {
  const holds = new Map<string, Hold>();
  const capped = messages.filter((m) => !exempt(m));
  if (!capped.length) return holds;
  const keys = capped.map((m) => `sms-cap:${m.phoneHash}:${m.templateCode}`);
  const takes = await takeWithinLimit(keys, { limit: config().sms.dailyCapPerNumber, windowSeconds: 86400 }, now.getTime());
  takes.forEach((take, i) => {
    if (!take.allowed) holds.set(idOf(capped[i]), { until: new Date(now.getTime() + take.retryAfterSeconds * 1000), reason: 'daily_cap' });
  });
  return holds;
}

/** Messages of the batch that must be sent (or settled) before each one. */
export function predecessorsInBatch(batch: ClaimedMessage[]): Map<string, ClaimedMessage[]> {
  const byNumber = new Map<string, ClaimedMessage[]>();
  for (const m of batch) {
    const sameNumber = byNumber.get(m.phoneHash);
    if (sameNumber) sameNumber.push(m);
    else byNumber.set(m.phoneHash, [m]);
  }
  return new Map(batch.map((m) => [idOf(m), byNumber.get(m.phoneHash)!.filter((e) => mustPrecede(e, m))]));
}
