/**
 * Writes outcomes in bulk: once enough have gathered or the oldest has waited a moment, and all
 * that are left when the drain ends. Each write is a database command, and on a slow mongod (with
 * a Node thread shared with the sends) fewer, larger commands are what make batching pay. Every
 * update is fenced on the claim (status 'sending', lease owner and the claim's token), so a worker
 * that lost its lease cannot overwrite the result of the worker that holds it now.
 */
import { MessageModel } from '../../../models/message';
import { logger } from '../../logger';
import type { ClaimedMessage } from './claim';
import type { Outcome } from './outcomes';

/** The most outcomes in one write. */
const MAX_WRITE = 200;
/** Outcomes gathered before a write starts without waiting longer. */
const WRITE_AT = 64;
/** The longest an outcome waits for others to share its write. */
const GATHER_MS = 20;
/** The attempts log keeps the latest entries only. */
const ATTEMPTS_KEPT = 20;

interface PendingWrite {
  message: ClaimedMessage;
  outcome: Outcome;
}

/** Drops undefined fields, which the driver would otherwise store as null. */
function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * All outcomes in one update: each message picks its entry (claim token, fields, attempt) from a
 * literal array by its position in `ids`, once. On a slow mongod one multi-document update costs
 * about half of the same updates sent one by one (even in one bulk write), and it skips mongoose's
 * casting, which cost more CPU than the send itself; the values are built here with the schema's
 * types. The filter narrows to the claims' messages, tokens and owner; the exact fence (this
 * message, this claim's token) is checked per document, and a message that fails it is left as it
 * is (not counted as modified).
 */
function outcomeUpdate(writes: PendingWrite[], workerId: string) {
  const now = new Date();
  const ids = writes.map((w) => w.message._id);
  const entries = writes.map(({ message, outcome }) => ({
    token: message.lease.token,
    fields: { ...defined(outcome.set), updatedAt: now },
    attempt: outcome.attempt ? defined({ at: now, worker: workerId, ...outcome.attempt }) : null,
  }));
  const tokens = [...new Set(entries.map((e) => e.token))];
  const filter = { _id: { $in: ids }, status: 'sending', 'lease.owner': workerId, 'lease.token': { $in: tokens } };
  const pipeline = [
    { $set: { _recording: { $arrayElemAt: [{ $literal: entries }, { $indexOfArray: [{ $literal: ids }, '$_id'] }] } } },
    // Fenced: null unless this document is still held under this message's claim.
    { $set: { _recording: { $cond: [{ $eq: ['$lease.token', '$_recording.token'] }, '$_recording', null] } } },
    {
      $set: {
        attempts: {
          $cond: [
            { $and: [{ $ne: ['$_recording', null] }, { $ne: ['$_recording.attempt', null] }] },
            { $slice: [{ $concatArrays: [{ $ifNull: ['$attempts', []] }, ['$_recording.attempt']] }, -ATTEMPTS_KEPT] },
            '$attempts',
          ],
        },
        lease: { $cond: [{ $ne: ['$_recording', null] }, '$$REMOVE', '$lease'] },
      },
    },
    { $replaceWith: { $cond: [{ $ne: ['$_recording', null] }, { $mergeObjects: ['$$ROOT', '$_recording.fields'] }, '$$ROOT'] } },
    { $unset: '_recording' },
  ];
  return { filter, pipeline };
}

export class OutcomeRecorder {
  private queue: PendingWrite[] = [];
  private writing: Promise<void> | undefined;
  private gathering: NodeJS.Timeout | undefined;

  constructor(private readonly workerId: string) {}

  record(message: ClaimedMessage, outcome: Outcome): void {
    this.queue.push({ message, outcome });
    this.writeWhenDue();
  }

  /** Writes what is left and resolves once every recorded outcome is written (or its failure logged). */
  async settled(): Promise<void> {
    this.startWriting();
    while (this.writing) {
      await this.writing;
      this.startWriting();
    }
  }

  private writeWhenDue(): void {
    if (this.queue.length >= WRITE_AT) this.startWriting();
    else if (this.queue.length) this.gathering ??= setTimeout(() => this.startWriting(), GATHER_MS).unref();
  }

  private startWriting(): void {
    clearTimeout(this.gathering);
    this.gathering = undefined;
    if (this.writing || !this.queue.length) return;
    this.writing = this.write(this.queue.splice(0, MAX_WRITE)).finally(() => {
      this.writing = undefined;
      // Outcomes recorded while this write was in flight.
      this.writeWhenDue();
    });
  }

  private async write(writes: PendingWrite[]): Promise<void> {
    try {
      const { filter, pipeline } = outcomeUpdate(writes, this.workerId);
      // By id: the planner may otherwise walk the status index through every message being sent.
      const result = await MessageModel.collection.updateMany(filter, pipeline, { hint: { _id: 1 } });
      if (result.modifiedCount < writes.length) await this.reportLostLeases(writes);
    } catch (err) {
      // Unwritten outcomes leave their messages 'sending' and uncertain: once the lease expires,
      // the next claim looks them up at the provider before any send.
      logger().error({ err, messageIds: writes.map((w) => String(w.message._id)) }, 'could not record SMS outcomes');
    }
  }

  private async reportLostLeases(writes: PendingWrite[]): Promise<void> {
    const mine = new Set(writes.map((w) => w.message.lease.token));
    const held = await MessageModel.find({ _id: { $in: writes.map((w) => w.message._id) }, 'lease.token': { $exists: true } }, { lease: 1 }).lean();
    const elsewhere = held.filter((m) => !mine.has(m.lease?.token ?? ''));
    logger().warn({ messageIds: elsewhere.map((m) => String(m._id)) }, 'lease lost before recording an SMS outcome');
  }
}
