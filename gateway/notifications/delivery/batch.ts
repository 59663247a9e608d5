/**
 * Delivering one claimed batch: holds are decided for the whole batch up front, then every message
 * goes its way, sends and lookups sharing the drain's slots, messages to one number one after another
 * in queue order. Outcomes go to the drain's recorder.
 */
import { config } from '../../../config/server';
import { logger } from '../../logger';
import { decryptPersonal } from '../../privacy/crypto';
import { smsProvider } from '../providers';
import { renderText, type MessageKind } from '../templates';
import type { ClaimedBatch, ClaimedMessage } from './claim';
import { capHolds, orderingHolds, predecessorsInBatch, quietHold } from './holds';
import { deferred, fromLookup, fromSend, released, retryOrFail, type Hold, type Outcome } from './outcomes';
import type { OutcomeRecorder } from './recorder';
import type { Backlog } from './backlog';
import type { Slots } from './slots';

export interface DeliveryContext {
  workerId: string;
  slots: Slots;
  recorder: OutcomeRecorder;
  /** Told when each message has its outcome. */
  backlog?: Backlog;
}

const idOf = (m: ClaimedMessage) => String(m._id);

/**
 * A send starts only while at least half of the claim's lease is left, so a message that waited
 * long in its batch is never sent when its lease may have run out (another worker may hold it).
 */
function leaseLeftForSend(message: ClaimedMessage): boolean {
  return message.lease.until.getTime() - Date.now() > config().sms.leaseMs / 2;
}

/** Whether a message that was looked up and not found must still wait. */
async function holdAfterLookup(message: ClaimedMessage, ordering: Hold | undefined): Promise<Hold | undefined> {
  const now = new Date();
  return quietHold(message, now) ?? ordering ?? (await capHolds([message], now)).get(idOf(message));
}

/** Finds out whether an earlier send went out: its outcome when found (or when Aliyun could not be asked). */
async function lookUp(message: ClaimedMessage, context: DeliveryContext): Promise<Outcome | undefined> {
  try {
    const request = {
      phone: decryptPersonal(message.phoneEnc),
      outId: idOf(message),
      sentAt: message.lease.lastWriteAt ?? new Date(),
      providerMessageId: message.providerMessageId ?? undefined,
    };
    const found = await context.slots.use(message.priority, () => smsProvider().lookup(request));
    return found.found ? fromLookup(found) : undefined;
  } catch (err) {
    return retryOrFail(message.tries, 'technical', { outcome: 'lookup_error', message: (err as Error).message }, true);
  }
}

async function send(message: ClaimedMessage, context: DeliveryContext): Promise<Outcome> {
  const params = JSON.parse(decryptPersonal(message.paramsEnc)) as Record<string, string>;
  const request = {
    phone: decryptPersonal(message.phoneEnc),
    templateCode: message.templateCode,
    params,
    outId: idOf(message),
    signName: config().sms.aliyun.signName,
    text: renderText(message.kind as MessageKind, params),
  };
  return context.slots.use(message.priority, async () => {
    if (!leaseLeftForSend(message)) return released(message);
    return fromSend(message, await smsProvider().send(request));
  });
}

async function decide(message: ClaimedMessage, holds: BatchHolds, context: DeliveryContext): Promise<Outcome> {
  let hold = holds.hold.get(idOf(message));
  if (message.lease.lookUpFirst) {
    // Sending is not idempotent: find out whether the earlier send went out before anything else.
    const found = await lookUp(message, context);
    if (found) return found;
    hold = await holdAfterLookup(message, holds.ordering.get(idOf(message)));
  }
  return hold ? deferred(hold) : send(message, context);
}

interface BatchHolds {
  /** Why a message must wait, as far as known before any provider call. */
  hold: Map<string, Hold>;
  /** Ordering holds alone (a message looked up first takes the others after its lookup). */
  ordering: Map<string, Hold>;
}

async function holdsBeforeCalls(batch: ClaimedMessage[], pendingToSameNumbers: ClaimedBatch['pendingToSameNumbers']): Promise<BatchHolds> {
  const now = new Date();
  const ordering = orderingHolds(batch, pendingToSameNumbers, now);
  const hold = new Map<string, Hold>();
  for (const m of batch) {
    const early = quietHold(m, now) ?? ordering.get(idOf(m));
    if (early) hold.set(idOf(m), early);
  }
  // Messages still to be looked up take their cap unit only if the lookup does not find them.
  const capped = batch.filter((m) => !m.lease.lookUpFirst && !hold.has(idOf(m)));
  for (const [id, capHold] of await capHolds(capped, now)) hold.set(id, capHold);
  return { hold, ordering };
}

/** Delivers a claimed batch; resolves when every message has its outcome handed to the recorder. */
export async function deliverBatch({ claimed: batch, pendingToSameNumbers }: ClaimedBatch, context: DeliveryContext): Promise<void> {
  let holds: BatchHolds;
  try {
    holds = await holdsBeforeCalls(batch, pendingToSameNumbers);
  } catch (err) {
    for (let i = 0; i < batch.length; i++) context.backlog?.settled();
    throw err;
  }
  const predecessors = predecessorsInBatch(batch);
  const settled = new Map<string, Promise<void>>();
  // Each message starts once the earlier messages to its number have their outcomes.
  const settle = (message: ClaimedMessage): Promise<void> => {
    const id = idOf(message);
    let done = settled.get(id);
    if (!done) {
      done = Promise.all((predecessors.get(id) ?? []).map(settle)).then(async () => {
        try {
          context.recorder.record(message, await decide(message, holds, context));
        } catch (err) {
          // The lease will expire and the next claim will look the message up before any resend.
          logger().error({ err, messageId: id }, 'SMS delivery failed unexpectedly');
        }
        context.backlog?.settled();
      });
      settled.set(id, done);
    }
    return done;
  };
  await Promise.all(batch.map(settle));
}
