/**
 * Claiming messages in batches. One query picks the most urgent due messages; one update claims
 * them, each document only if it is still due and unchanged since the pick (so claims are atomic
 * per message, two workers never hold the same one, and the picked copy is the claimed message);
 * at the same time one query reads the other pending messages to the same numbers (for the
 * ordering check). A token fresh for each claim marks the messages it won.
 */
import { randomUUID } from 'node:crypto';
import type { mongo, Types } from 'mongoose';
import { config } from '../../../config/server';
import { MessageModel, type Message } from '../../../models/message';

export interface ClaimLease {
  owner: string;
  until: Date;
  token: string;
  /** The send may have happened before this claim: look it up at the provider before any send. */
  lookUpFirst: boolean;
  /** The last write before this claim (the day an unanswered send went out, for the lookup). */
  lastWriteAt?: Date;
}

/** What delivery reads of a message (not its log: attempts, preview, masked phone). */
const DELIVERY_FIELDS = {
  kind: 1,
  priority: 1,
  phoneEnc: 1,
  phoneHash: 1,
  paramsEnc: 1,
  templateCode: 1,
  tries: 1,
  providerMessageId: 1,
  createdAt: 1,
} as const;

export type StoredMessage = Pick<Message, Exclude<keyof typeof DELIVERY_FIELDS, 'createdAt'>> & { _id: Types.ObjectId; createdAt: Date };
export type ClaimedMessage = StoredMessage & { lease: ClaimLease };

/** What the ordering check needs of the other messages to a number. */
const ORDERING_FIELDS = { phoneHash: 1, createdAt: 1, priority: 1 } as const;
export type PendingMessage = Pick<StoredMessage, '_id' | 'phoneHash' | 'createdAt' | 'priority'>;

export interface ClaimedBatch {
  /** Most urgent first. */
  claimed: ClaimedMessage[];
  /** Other queued or sending messages to the numbers of the batch that are due. */
  pendingToSameNumbers: PendingMessage[];
}

/**
 * The collection as the driver sees it: these queries run for every batch, and mongoose's query
 * building and casting (every id of a batch) cost more than they are worth here.
 */
const messages = () => MessageModel.collection as unknown as mongo.Collection<StoredMessage>;

/**
 * Documents in the first reply of the reads below: the server's default (101) is less than a batch,
 * and each further reply is one more round trip.
 */
const ONE_REPLY = 1000;

/** Queued messages that are due, and messages whose worker died (an expired lease). */
function dueFilter(now: Date) {
  return { $or: [{ status: 'queued' as const, dueAt: { $lte: now } }, { status: 'sending' as const, 'lease.until': { $lte: now } }] };
}

/**
 * Due messages not yet sent to the numbers of `batch` (the ordering check looks for earlier ones
 * among them, leaving out the batch itself). Picked messages that another worker claimed first
 * are among them, as they should be.
 */
function pendingTo(batch: StoredMessage[], now: Date): Promise<PendingMessage[]> {
  const filter = { phoneHash: { $in: [...new Set(batch.map((m) => m.phoneHash))] }, status: { $in: ['queued' as const, 'sending' as const] }, dueAt: { $lte: now } };
  // By number: left to itself the planner may take the status index, which reads every due message in the queue for each batch.
  return messages().find(filter, { projection: ORDERING_FIELDS, hint: { phoneHash: 1, createdAt: -1 }, batchSize: ONE_REPLY }).toArray();
}

/** The pending messages to a claimed message's number, for delivering it alone (outside a batch claim). */
export function pendingToSameNumber(message: ClaimedMessage, now = new Date()): Promise<PendingMessage[]> {
  return pendingTo([message], now);
}

/** What a message was when picked, which the claim goes by: it is claimed only if still unchanged. */
type Picked = StoredMessage & { status: string; uncertain: boolean; updatedAt: Date; claims?: number };

/**
 * Claims the picked messages that are still due and unchanged since the pick (no claim in between:
 * each claim counts itself in `claims`); the others are left as they are. One plain update per
 * claim count seen at the pick (fresh messages all have 0): a pipeline picking each message's own
 * count costs the database about half as much again per message.
 */
async function claimUnchanged(picked: Picked[], lease: Pick<ClaimLease, 'owner' | 'until' | 'token'>, now: Date): Promise<number> {
  const bySeenClaims = new Map<number, Types.ObjectId[]>();
  for (const m of picked) {
    const seen = m.claims ?? 0;
    const ids = bySeenClaims.get(seen);
    if (ids) ids.push(m._id);
    else bySeenClaims.set(seen, [m._id]);
  }
  const claim = { status: 'sending' as const, uncertain: true, updatedAt: new Date(), lease };
  const results = await Promise.all(
    [...bySeenClaims].map(([seen, ids]) =>
      messages().updateMany(
        { _id: { $in: ids }, ...dueFilter(now), claims: seen === 0 ? { $in: [0, null] } : seen },
        { $set: claim, $inc: { claims: 1 } },
        // By id: the planner may otherwise walk the status index through the whole due queue.
        { hint: { _id: 1 } },
      ),
    ),
  );
  return results.reduce((sum, r) => sum + r.modifiedCount, 0);
}

/**
 * Claims up to `max` due messages for `workerId`, most urgent first (priority, then dueAt), and
 * reads the other pending messages to their numbers at the same time. The claim marks each one
 * uncertain at once: if this worker dies before recording an outcome, the next claimer looks it up
 * at the provider before sending it again. Whether this claimer must look it up first comes from
 * the message as picked (uncertain, or 'sending' under a dead worker's lease), which the claim
 * guarantees is still its state. Only when another worker took some of the picked messages in the
 * meantime does one more read find out which ones this claim won.
 */
export async function claimBatch(workerId: string, max: number, now = new Date()): Promise<ClaimedBatch> {
  // A claim that lost every message it picked picks again: each such round means another worker
  // took messages, so this ends when the queue has nothing due.
  for (;;) {
    const projection = { ...DELIVERY_FIELDS, status: 1, uncertain: 1, updatedAt: 1, claims: 1 };
    const picked = (await messages().find(dueFilter(now), { projection, sort: { priority: 1, dueAt: 1 }, limit: max, batchSize: max }).toArray()) as Picked[];
    if (!picked.length) break;
    const lease = { owner: workerId, until: new Date(now.getTime() + config().sms.leaseMs), token: randomUUID() };
    const [won, pendingToSameNumbers] = await Promise.all([claimUnchanged(picked, lease, now), pendingTo(picked, now)]);
    if (!won) continue;
    let claimed = picked;
    if (won < picked.length) {
      const mine = await messages().find({ _id: { $in: picked.map((m) => m._id) }, 'lease.token': lease.token }, { projection: { _id: 1 }, batchSize: picked.length }).toArray();
      const ids = new Set(mine.map((m) => String(m._id)));
      claimed = picked.filter((m) => ids.has(String(m._id)));
    }
    return {
      claimed: claimed.map(({ status, uncertain, updatedAt, claims: _claims, ...message }) => ({
        ...message,
        lease: { ...lease, lookUpFirst: uncertain || status === 'sending', lastWriteAt: updatedAt },
      })),
      pendingToSameNumbers,
    };
  }
  return { claimed: [], pendingToSameNumbers: [] };
}
