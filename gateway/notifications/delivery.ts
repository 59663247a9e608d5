/**
 * The delivery worker. It claims the most urgent due message with a lease, and:
 * - looks up a message whose earlier send got no answer (or whose worker died) before sending
 *   again, because Aliyun sending is not idempotent;
 * - defers policy notices in quiet hours and messages over the per-number daily cap;
 * - records every outcome, retrying temporary failures with backoff up to a limit.
 * Every write after the claim is fenced on the lease owner, so a worker that lost its lease
 * cannot overwrite the new holder's result.
 */
import type { HydratedDocument } from 'mongoose';
import { config } from '../../config/server';
import { MessageModel, type Message } from '../../models/message';
import { hit } from '../limits/rate-limit';
import { logger } from '../logger';
import { decryptPersonal } from '../privacy/crypto';
import { registerTask } from '../worker/runner';
import { smsProvider } from './providers';
import type { SmsLookupResult, SmsSendResult } from './providers/types';
import { renderText, TEMPLATES, type MessageKind } from './templates';
import { quietUntil, retryDelayMs } from './schedule';

export const DELIVERY_TASK = 'sms-delivery';
/** How long a message waits for an earlier one to the same number. */
const ORDER_WAIT_MS = 500;

type MessageDoc = HydratedDocument<Message>;

/**
 * Claims one due message; returns it as it was before the claim (so `uncertain` is the old value).
 * Due queued messages are found through the {status, priority, dueAt} index in priority order;
 * messages whose worker died (an expired lease) are looked for only when no queued one is due.
 * The claim marks the message uncertain at once: if this worker dies before recording an outcome,
 * the next claimer looks it up at Aliyun before sending it again.
 */
export async function claimNextMessage(workerId: string, now = new Date()): Promise<MessageDoc | null> {
  const claim = { $set: { status: 'sending', uncertain: true, lease: { owner: workerId, until: new Date(now.getTime() + config().sms.leaseMs) } } };
  const options = { sort: { priority: 1, dueAt: 1 }, returnDocument: 'before' } as const;
  return (
    (await MessageModel.findOneAndUpdate({ status: 'queued', dueAt: { $lte: now } }, claim, options)) ??
    (await MessageModel.findOneAndUpdate({ status: 'sending', 'lease.until': { $lte: now } }, claim, options))
  );
}

interface Outcome {
  set: Record<string, unknown>;
  attempt: { outcome: string; code?: string; message?: string };
}

function fenced(message: MessageDoc, workerId: string, outcome: Outcome) {
  return MessageModel.updateOne(
    { _id: message._id, status: 'sending', 'lease.owner': workerId },
    {
      $set: { ...outcome.set, lease: undefined },
      $push: { attempts: { $each: [{ at: new Date(), worker: workerId, ...outcome.attempt }], $slice: -20 } },
    },
  );
}

function retryOrFail(tries: number, kind: 'temporary' | 'technical', attempt: Outcome['attempt'], uncertain: boolean): Outcome {
  const sms = config().sms;
  if (tries >= sms.maxTries) {
    return { set: { status: 'failed', failure: kind, failedAt: new Date(), tries, uncertain, providerCode: attempt.code }, attempt };
  }
  return {
    set: { status: 'queued', tries, uncertain, providerCode: attempt.code, dueAt: new Date(Date.now() + retryDelayMs(tries, sms.retryBaseSeconds)) },
    attempt,
  };
}

function fromLookup(found: Extract<SmsLookupResult, { found: true }>): Outcome {
  const now = new Date();
  const base = { uncertain: false, providerMessageId: found.providerMessageId, sentAt: now, providerCode: found.code };
  if (found.status === 'delivered') return { set: { ...base, status: 'delivered', deliveredAt: now }, attempt: { outcome: 'lookup_found', code: 'DELIVERED' } };
  if (found.status === 'failed') return { set: { ...base, status: 'failed', failure: 'permanent', failedAt: now }, attempt: { outcome: 'lookup_found', code: found.code ?? 'FAILED' } };
  return { set: { ...base, status: 'sent' }, attempt: { outcome: 'lookup_found', code: 'SENDING' } };
}

function fromSend(message: MessageDoc, result: SmsSendResult): Outcome {
  const tries = message.tries + 1;
  if (result.outcome === 'accepted') {
    return {
      set: { status: 'sent', sentAt: new Date(), tries, uncertain: false, providerMessageId: result.providerMessageId, providerCode: 'OK', provider: smsProvider().id },
      attempt: { outcome: 'accepted', code: 'OK' },
    };
  }
  const attempt = { outcome: result.outcome, code: result.code, message: result.message };
  if (result.outcome === 'unknown') return retryOrFail(tries, 'technical', attempt, true);
  if (result.kind === 'permanent') {
    return { set: { status: 'failed', failure: 'permanent', failedAt: new Date(), tries, uncertain: false, providerCode: result.code }, attempt };
  }
  return retryOrFail(tries, result.kind, attempt, false);
}

/**
 * Why a message must wait, and until when, or undefined. Quiet hours hold back policy notices; the
 * per-number cap (per template, per calendar day in UTC+8, as Aliyun counts) is taken from an atomic
 * counter, so concurrent workers cannot overshoot it.
 */
async function mustWait(message: MessageDoc, now: Date): Promise<{ until: Date; reason: string } | undefined> {
  const sms = config().sms;
  const spec: { quiet?: boolean } = TEMPLATES[message.kind as MessageKind];
  const quiet = spec.quiet ? quietUntil(now, sms.quietHours) : undefined;
  if (quiet) return { until: quiet, reason: 'quiet_hours' };
  if (message.kind === 'login_code') return undefined; // limited when requested (identity)
  // One number's messages arrive in the order they were queued ("accepted" before "ready").
  const earlier = await MessageModel.exists({
    phoneHash: message.phoneHash,
    _id: { $ne: message._id },
    createdAt: { $lt: message.createdAt },
    status: { $in: ['queued', 'sending'] },
    priority: { $lte: message.priority },
    dueAt: { $lte: now },
  });
  if (earlier) return { until: new Date(now.getTime() + ORDER_WAIT_MS), reason: 'ordering' };
  const cap = await hit(`sms-cap:${message.phoneHash}:${message.templateCode}`, { limit: sms.dailyCapPerNumber, windowSeconds: 86400 }, now.getTime());
  if (cap.allowed) return undefined;
  return { until: new Date(now.getTime() + cap.retryAfterSeconds * 1000), reason: 'daily_cap' };
}

/** Delivers one claimed message to its end state or its next try. */
export async function deliverClaimed(claimed: MessageDoc, workerId: string): Promise<void> {
  const provider = smsProvider();
  const phone = decryptPersonal(claimed.phoneEnc);
  const outId = String(claimed._id);
  const wasUncertain = claimed.uncertain || claimed.status === 'sending';
  let outcome: Outcome | undefined;

  if (wasUncertain) {
    try {
      const found = await provider.lookup({ phone, outId, sentAt: claimed.updatedAt ?? new Date(), providerMessageId: claimed.providerMessageId ?? undefined });
      if (found.found) outcome = fromLookup(found);
    } catch (err) {
      outcome = retryOrFail(claimed.tries, 'technical', { outcome: 'lookup_error', message: (err as Error).message }, true);
    }
  }
  if (!outcome) {
    const wait = await mustWait(claimed, new Date());
    if (wait) {
      outcome = { set: { status: 'queued', dueAt: wait.until, deferredReason: wait.reason, uncertain: false }, attempt: { outcome: 'deferred', code: wait.reason } };
    }
  }
  if (!outcome) {
    const params = JSON.parse(decryptPersonal(claimed.paramsEnc)) as Record<string, string>;
    const result = await provider.send({
      phone,
      templateCode: claimed.templateCode,
      params,
      outId,
      signName: config().sms.aliyun.signName,
      text: renderText(claimed.kind as MessageKind, params),
    });
    outcome = fromSend(claimed, result);
  }
  const written = await fenced(claimed, workerId, outcome);
  if (written.matchedCount === 0) logger().warn({ messageId: outId }, 'lease lost before recording an SMS outcome');
}

/** Claims and delivers until the queue has nothing due, up to `limit` messages, `concurrency` at a time. */
export async function drainQueue(workerId: string, options: { concurrency?: number; limit?: number } = {}): Promise<number> {
  const { concurrency = 8, limit = 500 } = options;
  let handled = 0;
  const lane = async () => {
    while (handled < limit) {
      const claimed = await claimNextMessage(workerId);
      if (!claimed) return;
      handled++;
      try {
        await deliverClaimed(claimed, workerId);
      } catch (err) {
        // The lease will expire and another claim will look the message up before any resend.
        logger().error({ err, messageId: String(claimed._id) }, 'SMS delivery failed unexpectedly');
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return handled;
}

registerTask({
  name: DELIVERY_TASK,
  intervalMs: 1000,
  mode: 'each',
  run: async ({ workerId }) => (await drainQueue(workerId)) > 0,
});
