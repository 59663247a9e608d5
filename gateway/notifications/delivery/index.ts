/**
 * The delivery worker. It claims due messages in batches (most urgent first) with a lease, and:
 * - looks up a message whose earlier send got no answer (or whose worker died) before sending
 *   again, because Aliyun sending is not idempotent;
 * - defers policy notices in quiet hours, messages behind an earlier one to the same number, and
 *   messages over the per-number daily cap;
 * - records every outcome, retrying temporary failures with backoff up to a limit.
 * A MongoDB round trip can cost more than a send (a slow mongod, a fast provider), so each step is
 * done for a whole batch at once (claim, ordering check, caps, outcome writes) and the next batch
 * is claimed while one is being sent.
 * Every write after the claim is fenced on the claim, so a worker that lost its lease cannot
 * overwrite the new holder's result.
 */
import { config } from '../../../config/server';
import { logger } from '../../logger';
import { registerTask } from '../../worker/runner';
import { deliverBatch, type DeliveryContext } from './batch';
import { claimBatch, pendingToSameNumber, type ClaimedMessage } from './claim';
import { Backlog } from './backlog';
import { OutcomeRecorder } from './recorder';
import { Slots } from './slots';

export type { ClaimedMessage } from './claim';

export const DELIVERY_TASK = 'sms-delivery';
/** Messages claimed at once per provider call in flight. */
const BATCH_PER_SLOT = 16;
/** Batches claimed and not yet settled at most: one being sent, the next ones claimed meanwhile. */
const BATCHES_AHEAD = 3;
/** Claimed messages should settle within this share of the lease (a send must start within half). */
const LEASE_SHARE = 0.25;

/** Claims the single most urgent due message (see claimBatch), or null when none is due. */
export async function claimNextMessage(workerId: string, now = new Date()): Promise<ClaimedMessage | null> {
  return (await claimBatch(workerId, 1, now)).claimed[0] ?? null;
}

/** Delivers one claimed message to its end state or its next try, and records the outcome. */
export async function deliverClaimed(claimed: ClaimedMessage, workerId: string): Promise<void> {
  const recorder = new OutcomeRecorder(workerId);
  const pendingToSameNumbers = await pendingToSameNumber(claimed);
  await deliverBatch({ claimed: [claimed], pendingToSameNumbers }, { workerId, slots: new Slots(1), recorder });
  await recorder.settled();
}

/**
 * Claims and delivers until the queue has nothing due, up to `limit` messages, with `concurrency`
 * provider calls in flight. Resolves once every outcome is written; returns how many were claimed.
 */
export async function drainQueue(workerId: string, options: { concurrency?: number; limit?: number } = {}): Promise<number> {
  const { concurrency = 8, limit = 500 } = options;
  const backlog = new Backlog();
  const context: DeliveryContext = { workerId, slots: new Slots(concurrency), recorder: new OutcomeRecorder(workerId), backlog };
  const batchSize = concurrency * BATCH_PER_SLOT;
  const deliveries: Promise<void>[] = [];
  let handled = 0;
  // How many claimed messages may wait unsettled: enough to keep the provider calls busy while the
  // next batch is claimed, but no more than settle well within the lease at the pace seen so far,
  // so a slow provider does not leave claims waiting until they are given back unsent. One batch
  // until the pace is known.
  const horizonMs = config().sms.leaseMs * LEASE_SHARE;
  const allowed = () => Math.max(concurrency, Math.min(BATCHES_AHEAD * batchSize, Math.floor(backlog.settlingWithin(horizonMs) ?? batchSize)));
  const nextSize = () => Math.min(batchSize, allowed(), limit - handled);
  while (handled < limit) {
    await backlog.until((waiting) => waiting + nextSize() <= allowed());
    const batch = await claimBatch(workerId, nextSize());
    if (!batch.claimed.length) break;
    handled += batch.claimed.length;
    backlog.add(batch.claimed.length);
    deliveries.push(
      deliverBatch(batch, context).catch((err: unknown) => {
        // Its leases will expire and the next claims will look the messages up before any resend.
        logger().error({ err, messageIds: batch.claimed.map((m) => String(m._id)) }, 'SMS batch delivery failed');
      }),
    );
  }
  await Promise.all(deliveries);
  await context.recorder.settled();
  return handled;
}

registerTask({
  name: DELIVERY_TASK,
  intervalMs: 1000,
  mode: 'each',
  run: async ({ workerId }) => (await drainQueue(workerId)) > 0,
});
